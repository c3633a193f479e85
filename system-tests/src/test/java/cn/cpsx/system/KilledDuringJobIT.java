package cn.cpsx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cpsx.schemas.rating.RatingMethodology;
import cn.cpsx.system.AppProcesses.App;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code kill -9} of batch-jobs while a report version or a rating run is being computed (found by
 * the fault suite: the execution stayed {@code STARTED} and its item was never done), then a
 * restart: the new process recovers the run it held before and its sweep restarts it to COMPLETED.
 * batch-jobs runs as the packaged jar, in its own process; the items are requested as the portal
 * requests them, a row the sweep picks up.
 */
class KilledDuringJobIT {

  static final int PORT = 18094;

  final JdbcClient jdbc = TestStack.database();

  Process batchJobs;

  @AfterEach
  void stopBatchJobs() throws InterruptedException {
    if (batchJobs != null) {
      AppProcesses.stop(List.of(batchJobs));
    }
  }

  @Test
  void aReportAndARatingRunKilledMidRunAreRecoveredAndFinishedAfterTheRestart() throws Exception {
    batchJobs = startBatchJobs("first");
    AppProcesses.awaitHealthy(PORT); // it has migrated the test database

    Cut report = killDuring("reportJob", "reportId", this::requestReport);
    Cut rating = killDuring("ratingJob", "runId", this::requestRating);

    batchJobs = startBatchJobs("rerun");
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                "DRAFT".equals(reportStatus(report.item()))
                    && jdbc.sql("SELECT computed_at IS NOT NULL FROM rating_run WHERE id = ?")
                        .param(rating.item())
                        .query(Boolean.class)
                        .single());

    for (Cut cut : List.of(report, rating)) {
      assertThat(status(cut.execution())).as(cut + ": the cut run").isEqualTo("FAILED");
      assertThat(lastStatus(cut)).as(cut + ": its restart").isEqualTo("COMPLETED");
    }
    System.out.printf(
        "killed during a job: %s, %s; both recovered and completed%n", report, rating);
  }

  /** A run of a job's item cut by {@code kill -9}: the item's id and the execution left behind. */
  record Cut(String job, long item, long execution) {}

  /**
   * Requests an item and kills batch-jobs while its run is STARTED; a run that was too quick to be
   * caught is done, and the next item is tried (five at most), so the kill lands mid-run.
   */
  private Cut killDuring(String job, String parameter, java.util.function.LongSupplier request)
      throws Exception {
    for (int attempt = 0; attempt < 5; attempt++) {
      if (!batchJobs.isAlive()) {
        batchJobs = startBatchJobs("attempt-" + attempt);
        AppProcesses.awaitHealthy(PORT);
      }
      long item = request.getAsLong();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> stepBegun(executionOf(job, parameter, item)));
      batchJobs.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no cleanup
      Long execution = executionOf(job, parameter, item);
      String left = status(execution);
      if (left.equals("STARTED") || left.equals("STARTING")) {
        return new Cut(job, item, execution);
      }
      System.out.printf("%s %d: %s before the kill; trying another%n", job, item, left);
    }
    throw new AssertionError("no " + job + " run caught mid-way in five attempts");
  }

  private long requestReport() {
    int year = freeYear();
    return jdbc.sql(
            """
            INSERT INTO report_version (period, kind, data_cutoff, methodology_version, requested_by)
            VALUES (?, 'ANNUAL', ?, ?, 'KilledDuringJobIT') RETURNING id
            """)
        .params(String.valueOf(year), OffsetDateTime.now(ZoneOffset.UTC), RatingMethodology.VERSION)
        .query(Long.class)
        .single();
  }

  private long requestRating() {
    int year = freeYear();
    return jdbc.sql(
            """
            INSERT INTO rating_run (period, provisional, data_cutoff, methodology_version, requested_by)
            VALUES (?, false, ?, ?, 'KilledDuringJobIT') RETURNING id
            """)
        .params(String.valueOf(year), OffsetDateTime.now(ZoneOffset.UTC), RatingMethodology.VERSION)
        .query(Long.class)
        .single();
  }

  /** The latest execution of the item's job instance, null before its first. */
  private Long executionOf(String job, String parameter, long item) {
    return jdbc.sql(
            """
            SELECT max(e.job_execution_id) FROM batch_job_execution e
              JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
              JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
             WHERE i.job_name = ? AND p.parameter_name = ? AND p.parameter_value = ?
            """)
        .params(job, parameter, String.valueOf(item))
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  /** True once the run's first step has begun (the job took its lease just before). */
  private boolean stepBegun(Long execution) {
    return execution != null
        && jdbc.sql("SELECT count(*) > 0 FROM batch_step_execution WHERE job_execution_id = ?")
            .param(execution)
            .query(Boolean.class)
            .single();
  }

  private String lastStatus(Cut cut) {
    String parameter = cut.job().equals("reportJob") ? "reportId" : "runId";
    return status(executionOf(cut.job(), parameter, cut.item()));
  }

  private String status(long execution) {
    return jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = ?")
        .param(execution)
        .query(String.class)
        .single();
  }

  private String reportStatus(long id) {
    return jdbc.sql("SELECT status FROM report_version WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  /** A past year with no report version and no rating run yet. */
  private int freeYear() {
    int year;
    do {
      year = ThreadLocalRandom.current().nextInt(1000, 1900);
    } while (jdbc.sql(
                """
                SELECT (SELECT count(*) FROM report_version WHERE period LIKE ? || '%')
                     + (SELECT count(*) FROM rating_run WHERE period LIKE ? || '%')
                """)
            .params(String.valueOf(year), String.valueOf(year))
            .query(Long.class)
            .single()
        > 0);
    return year;
  }

  private Process startBatchJobs(String run) throws Exception {
    return AppProcesses.start(
        App.BATCH_JOBS,
        PORT,
        "killed-during-job-" + run,
        // only the sweeps of reports and rating runs: no filing of another test is touched
        "--cpsx.filing.sweep-initial-delay=PT1H",
        "--cpsx.filing.wake-up=false",
        "--cpsx.audit.sweep-initial-delay=PT1H",
        "--cpsx.audit.verify-cron=-",
        "--cpsx.report.sweep-initial-delay=PT1S",
        "--cpsx.report.sweep-interval=PT1S",
        "--cpsx.rating.sweep-initial-delay=PT1S",
        "--cpsx.rating.sweep-interval=PT1S");
  }
}

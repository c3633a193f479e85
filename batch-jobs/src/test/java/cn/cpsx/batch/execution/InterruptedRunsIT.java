package cn.cpsx.batch.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cpsx.batch.rating.RatingJobs;
import cn.cpsx.batch.report.ReportJobs;
import cn.cpsx.schemas.rating.RatingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs cut off by a dead node (a {@code kill -9}): each is written here as the dead node leaves it
 * — the execution and its first step {@code STARTED}, a lease of another node that expired — and
 * the recovery marks it FAILED, after which what the sweep calls restarts the same job instance to
 * COMPLETED. Runs a live node holds are left alone, whatever their age.
 */
@SpringBootTest
@ActiveProfiles("it")
@ExtendWith(OutputCaptureExtension.class)
class InterruptedRunsIT {

  @Autowired InterruptedRuns interruptedRuns;
  @Autowired JobExecutionLeases leases;
  @Autowired BatchNode node;
  @Autowired JobRepository jobRepository;
  @Autowired JdbcClient jdbc;
  @Autowired ReportJobs reports;
  @Autowired RatingJobs ratings;

  @Autowired
  @Qualifier("reportJob")
  Job reportJob;

  @Autowired
  @Qualifier("ratingJob")
  Job ratingJob;

  @Test
  void aReportRunLeftStartedByADeadNodeIsRecoveredAndGenerated() {
    long reportId =
        reports.request(RatingPeriod.parse(freeYear()).orElseThrow(), Instant.now(), "RecoveryIT");
    JobParameters parameters = reportParameters(reportId);
    JobExecution cut =
        leftStarted(reportJob, parameters, "collectReportFiguresStep", "dead-node", "gone", -60);
    assertThat(reports.generate(reportId)).as("blocked while it looks running").isNull();

    interruptedRuns.recoverAbandoned();

    assertThat(status(cut)).isEqualTo(BatchStatus.FAILED);
    JobExecution rerun = reports.generate(reportId);
    assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(rerun.getJobInstanceId()).isEqualTo(cut.getJobInstanceId());
    assertThat(
            jdbc.sql("SELECT status FROM report_version WHERE id = ?")
                .param(reportId)
                .query(String.class)
                .single())
        .isEqualTo("DRAFT");
  }

  @Test
  void aRatingRunLeftStartedByADeadNodeIsRecoveredAndComputed() {
    long runId =
        ratings.request(RatingPeriod.parse(freeYear()).orElseThrow(), Instant.now(), "RecoveryIT");
    JobParameters parameters = new JobParametersBuilder().addLong("runId", runId).toJobParameters();
    JobExecution cut =
        leftStarted(ratingJob, parameters, "collectRatingFiguresStep", "dead-node", "gone", -60);
    assertThat(ratings.compute(runId)).isNull();

    interruptedRuns.recoverAbandoned();

    assertThat(status(cut)).isEqualTo(BatchStatus.FAILED);
    JobExecution rerun = ratings.compute(runId);
    assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(rerun.getJobInstanceId()).isEqualTo(cut.getJobInstanceId());
    assertThat(
            jdbc.sql("SELECT computed_at IS NOT NULL FROM rating_run WHERE id = ?")
                .param(runId)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void aRunThisNodeHeldBeforeItsRestartIsRecoveredAtOnce() {
    long reportId =
        reports.request(RatingPeriod.parse(freeYear()).orElseThrow(), Instant.now(), "RecoveryIT");
    // this node's id, an earlier start of it, a lease that has not expired yet
    JobExecution cut =
        leftStarted(
            reportJob,
            reportParameters(reportId),
            "collectReportFiguresStep",
            node.id(),
            "an-earlier-start",
            600);

    interruptedRuns.recoverAbandoned();

    assertThat(status(cut)).isEqualTo(BatchStatus.FAILED);
    assertThat(reports.generate(reportId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
  }

  @Test
  void aRunALiveNodeHoldsIsLeftAloneAndItsSkipIsLoggedOnceItIsOlderThanALease(
      CapturedOutput output) {
    long reportId =
        reports.request(RatingPeriod.parse(freeYear()).orElseThrow(), Instant.now(), "RecoveryIT");
    JobExecution running =
        leftStarted(
            reportJob,
            reportParameters(reportId),
            "collectReportFiguresStep",
            "live-node",
            "running",
            600);
    jdbc.sql(
            "UPDATE batch_job_execution SET create_time = create_time - interval '1 hour'"
                + " WHERE job_execution_id = ?")
        .param(running.getId())
        .update();

    interruptedRuns.recoverAbandoned();

    assertThat(status(running)).isEqualTo(BatchStatus.STARTED);
    assertThat(reports.generate(reportId)).isNull();
    assertThat(output)
        .contains(
            "report " + reportId + ": already running as execution " + running.getId(),
            "held by node live-node until");

    // the live node dies: once its lease has expired the run is recovered
    jdbc.sql("UPDATE job_execution_lease SET lease_until = now() WHERE job_execution_id = ?")
        .param(running.getId())
        .update();
    interruptedRuns.recoverAbandoned();
    assertThat(status(running)).isEqualTo(BatchStatus.FAILED);
    assertThat(reports.generate(reportId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
  }

  @Test
  void aRunWithoutALeaseIsRecoveredOnlyOnceItIsOlderThanALease() {
    long reportId =
        reports.request(RatingPeriod.parse(freeYear()).orElseThrow(), Instant.now(), "RecoveryIT");
    JobExecution justCreated =
        leftStarted(
            reportJob, reportParameters(reportId), "collectReportFiguresStep", null, null, 0);

    interruptedRuns.recoverAbandoned();
    assertThat(status(justCreated))
        .as("its node may be about to take its lease")
        .isEqualTo(BatchStatus.STARTED);

    jdbc.sql(
            "UPDATE batch_job_execution SET create_time = create_time - make_interval(secs => ?)"
                + " WHERE job_execution_id = ?")
        .params(leases.lease().plusSeconds(5).toSeconds(), justCreated.getId())
        .update();
    interruptedRuns.recoverAbandoned();
    assertThat(status(justCreated)).isEqualTo(BatchStatus.FAILED);
    assertThat(reports.generate(reportId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
  }

  /**
   * PostgreSQL lost while a report run committed: Spring Batch ends the run UNKNOWN and refuses to
   * restart it; the next start reopens it and the version is drafted.
   */
  @Test
  void aReportRunThatEndedUnknownIsReopenedAndGenerated() {
    long reportId =
        reports.request(RatingPeriod.parse(freeYear()).orElseThrow(), Instant.now(), "RecoveryIT");
    JobExecution cut =
        leftStarted(
            reportJob, reportParameters(reportId), "collectReportFiguresStep", null, null, 0);
    StepExecution step = cut.getStepExecutions().iterator().next();
    step.setStatus(BatchStatus.UNKNOWN);
    step.setEndTime(LocalDateTime.now());
    jobRepository.update(step);
    cut.setStatus(BatchStatus.UNKNOWN);
    cut.setEndTime(LocalDateTime.now());
    jobRepository.update(cut);

    JobExecution rerun = reports.generate(reportId);

    assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(rerun.getJobInstanceId()).isEqualTo(cut.getJobInstanceId());
    assertThat(status(cut)).isEqualTo(BatchStatus.FAILED);
  }

  /**
   * A start that failed between creating the job instance and its first execution (a serialization
   * failure, found by the fault suite): the instance is removed after its grace and the version
   * generated by a fresh one.
   */
  @Test
  void anInstanceLeftWithoutAnExecutionIsStartedAfreshAfterItsGrace() {
    long reportId =
        reports.request(RatingPeriod.parse(freeYear()).orElseThrow(), Instant.now(), "RecoveryIT");
    JobInstance orphan =
        jobRepository.createJobInstance(reportJob.getName(), reportParameters(reportId));

    assertThat(reports.generate(reportId)).as("within its grace").isNull();

    JobExecution run =
        await()
            .atMost(JobStarts.ORPHAN_GRACE.plusSeconds(20))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> reports.generate(reportId), java.util.Objects::nonNull);
    assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(run.getJobInstanceId()).isNotEqualTo(orphan.getInstanceId());
  }

  @Test
  void everyRunTakesALeaseOfThisNodeAndFinishedOnesAreForgotten() {
    long reportId =
        reports.request(RatingPeriod.parse(freeYear()).orElseThrow(), Instant.now(), "RecoveryIT");
    JobExecution run = reports.generate(reportId);
    assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(leases.of(run.getId()))
        .hasValueSatisfying(lease -> assertThat(lease.owner()).isEqualTo(node.id()));

    jdbc.sql("UPDATE job_execution_lease SET lease_until = now() WHERE job_execution_id = ?")
        .param(run.getId())
        .update();
    interruptedRuns.recoverAbandoned();
    assertThat(leases.of(run.getId())).isEmpty();
    assertThat(status(run)).isEqualTo(BatchStatus.COMPLETED);
  }

  /**
   * An execution as a node killed in its first step leaves it; {@code owner} null: no lease (the
   * node died before the job began), else a lease ending {@code leaseSeconds} from now.
   */
  private JobExecution leftStarted(
      Job job,
      JobParameters parameters,
      String firstStep,
      String owner,
      String process,
      int leaseSeconds) {
    JobInstance instance = jobRepository.createJobInstance(job.getName(), parameters);
    JobExecution execution =
        jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
    execution.setStatus(BatchStatus.STARTED);
    execution.setStartTime(LocalDateTime.now());
    jobRepository.update(execution);
    StepExecution step = jobRepository.createStepExecution(firstStep, execution);
    step.setStatus(BatchStatus.STARTED);
    step.setStartTime(LocalDateTime.now());
    jobRepository.update(step);
    if (owner != null) {
      jdbc.sql(
              """
              INSERT INTO job_execution_lease (job_execution_id, owner, process, lease_until)
              VALUES (?, ?, ?, now() + make_interval(secs => ?))
              """)
          .params(execution.getId(), owner, process, leaseSeconds)
          .update();
    }
    return execution;
  }

  private BatchStatus status(JobExecution execution) {
    return jobRepository.getJobExecution(execution.getId()).getStatus();
  }

  private static JobParameters reportParameters(long reportId) {
    return new JobParametersBuilder().addLong("reportId", reportId).toJobParameters();
  }

  /** A year without report versions or rating runs, so each run is a new job instance. */
  private String freeYear() {
    int year;
    do {
      year = ThreadLocalRandom.current().nextInt(1000, 1200);
    } while (jdbc.sql(
                """
                SELECT (SELECT count(*) FROM report_version WHERE period LIKE ? || '%')
                     + (SELECT count(*) FROM rating_run WHERE period LIKE ? || '%')
                """)
            .params(String.valueOf(year), String.valueOf(year))
            .query(Long.class)
            .single()
        > 0);
    return String.valueOf(year);
  }
}

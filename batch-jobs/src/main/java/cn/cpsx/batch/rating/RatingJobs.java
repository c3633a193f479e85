package cn.cpsx.batch.rating;

import cn.cpsx.batch.execution.JobStarts;
import cn.cpsx.batch.job.OperatorJob;
import cn.cpsx.schemas.rating.RatingMethodology;
import cn.cpsx.schemas.rating.RatingPeriod;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the rating runs that were requested: by a supervisor in the portal (a row in {@code
 * rating_run}), or by an operator through job control: {@code POST /jobs/rating?period=2025}
 * (cut-off: now, or {@code &cutoff=<ISO instant>}).
 */
@Component
public class RatingJobs {

  private static final Logger log = LoggerFactory.getLogger(RatingJobs.class);

  private final JobStarts starts;
  private final Job ratingJob;
  private final JdbcClient jdbc;
  private final Clock clock;

  RatingJobs(JobStarts starts, Job ratingJob, JdbcClient jdbc, Clock clock) {
    this.starts = starts;
    this.ratingJob = ratingJob;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The run for a period and cut-off, created if new: the same period, cut-off and methodology are
   * one run, computed once.
   */
  public long request(RatingPeriod period, Instant cutoff, String requestedBy) {
    OffsetDateTime at = cutoff.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    jdbc.sql(
            """
            INSERT INTO rating_run (period, provisional, data_cutoff, methodology_version, requested_by)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT rating_run_once DO NOTHING
            """)
        .params(period.text(), period.provisional(), at, RatingMethodology.VERSION, requestedBy)
        .update();
    return jdbc.sql(
            "SELECT id FROM rating_run WHERE period = ? AND data_cutoff = ? AND methodology_version = ?")
        .params(period.text(), at, RatingMethodology.VERSION)
        .query(Long.class)
        .single();
  }

  /** Computes a run (or finishes a failed one); null when it was computed before or is running. */
  public synchronized JobExecution compute(long runId) {
    return starts.startOrSkip(ratingJob, parameters(runId), log, "rating run " + runId);
  }

  /** Runs requested in the portal: picked up within seconds; a failed one is retried each round. */
  @Scheduled(
      initialDelayString = "${cpsx.rating.sweep-initial-delay:PT10S}",
      fixedDelayString = "${cpsx.rating.sweep-interval:PT5S}")
  void sweep() {
    List<Long> pending =
        jdbc.sql("SELECT id FROM rating_run WHERE computed_at IS NULL ORDER BY id")
            .query(Long.class)
            .list();
    pending.forEach(this::compute);
  }

  /**
   * An operator's request ({@code period}, optional {@code cutoff}) as the parameters of its run,
   * requested here like the portal's.
   */
  JobParameters operatorRequest(Map<String, String> request) {
    String period = request.get("period");
    RatingPeriod ratingPeriod =
        RatingPeriod.parse(period == null ? "" : period)
            .orElseThrow(
                () -> new IllegalArgumentException("period must be YYYY or YYYY-Qn: " + period));
    Instant at = OperatorJob.cutoff(request, clock);
    if (!ratingPeriod.mayBeRatedAt(at)) {
      throw new IllegalArgumentException(
          "a year is rated once it has ended, a quarter (provisional) once it has begun: "
              + period);
    }
    return parameters(request(ratingPeriod, at, "operator"));
  }

  private static JobParameters parameters(long runId) {
    return new JobParametersBuilder().addLong("runId", runId).toJobParameters();
  }
}

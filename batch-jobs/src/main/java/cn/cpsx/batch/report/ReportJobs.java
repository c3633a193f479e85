package cn.cpsx.batch.report;

import cn.cpsx.batch.execution.JobStarts;
import cn.cpsx.batch.job.OperatorJob;
import cn.cpsx.schemas.rating.RatingMethodology;
import cn.cpsx.schemas.rating.RatingPeriod;
import java.time.Clock;
import java.time.Instant;
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
 * Generates the report versions that were requested: by a supervisor in the portal (a REQUESTED row
 * in {@code report_version}, swept every 5 seconds), or by an operator through job control: {@code
 * POST /jobs/report?period=2025} (cut-off: now, or {@code &cutoff=<ISO instant>}).
 */
@Component
public class ReportJobs {

  private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);

  private final JobStarts starts;
  private final Job reportJob;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final ReportProperties properties;

  ReportJobs(
      JobStarts starts, Job reportJob, JdbcClient jdbc, Clock clock, ReportProperties properties) {
    this.starts = starts;
    this.reportJob = reportJob;
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  /** A new report version of a period to generate, as of the cut-off. */
  public long request(RatingPeriod period, Instant cutoff, String requestedBy) {
    return jdbc.sql(
            """
            INSERT INTO report_version (period, kind, data_cutoff, methodology_version, requested_by)
            VALUES (?, ?, ?, ?, ?) RETURNING id
            """)
        .params(
            period.text(),
            period.provisional() ? "QUARTERLY" : "ANNUAL",
            cutoff.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC),
            RatingMethodology.VERSION,
            requestedBy)
        .query(Long.class)
        .single();
  }

  /** Generates a report version (or finishes a failed one); null when done before or running. */
  public synchronized JobExecution generate(long reportId) {
    return starts.startOrSkip(reportJob, parameters(reportId), log, "report " + reportId);
  }

  /**
   * Versions requested in the portal (or retried there after a failure), and FAILED ones the sweep
   * retries on its own: at most {@code cpsx.report.retries} times, each {@code
   * cpsx.report.retry-after} after the last run ended (counted in the job repository: the runs of
   * the version's job instance). A retry restarts the instance at the step that failed.
   */
  @Scheduled(
      initialDelayString = "${cpsx.report.sweep-initial-delay:PT10S}",
      fixedDelayString = "${cpsx.report.sweep-interval:PT5S}")
  void sweep() {
    List<Long> pending =
        jdbc.sql(
                """
                WITH runs AS (
                  SELECT CAST(p.parameter_value AS bigint) AS report_id, count(*) AS runs,
                         max(e.end_time) AS last_ended
                    FROM batch_job_instance i
                    JOIN batch_job_execution e ON e.job_instance_id = i.job_instance_id
                    JOIN batch_job_execution_params p
                      ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'reportId'
                   WHERE i.job_name = :job
                   GROUP BY 1)
                SELECT r.id FROM report_version r LEFT JOIN runs ON runs.report_id = r.id
                 WHERE r.status = 'REQUESTED'
                    OR (r.status = 'FAILED' AND coalesce(runs.runs, 0) <= :retries
                        AND (runs.last_ended IS NULL
                             OR runs.last_ended < localtimestamp - make_interval(secs => :after)))
                 ORDER BY r.id
                """)
            .param("job", reportJob.getName())
            .param("retries", properties.retries())
            .param("after", properties.retryAfter().toMillis() / 1000.0)
            .query(Long.class)
            .list();
    pending.forEach(this::generate);
  }

  /**
   * An operator's request ({@code period}, optional {@code cutoff}) as the parameters of a new
   * report version, requested here like the portal's.
   */
  JobParameters operatorRequest(Map<String, String> request) {
    String period = request.get("period");
    RatingPeriod reportPeriod =
        RatingPeriod.parse(period == null ? "" : period)
            .orElseThrow(
                () -> new IllegalArgumentException("period must be YYYY or YYYY-Qn: " + period));
    return parameters(request(reportPeriod, OperatorJob.cutoff(request, clock), "operator"));
  }

  private static JobParameters parameters(long reportId) {
    return new JobParametersBuilder().addLong("reportId", reportId).toJobParameters();
  }
}

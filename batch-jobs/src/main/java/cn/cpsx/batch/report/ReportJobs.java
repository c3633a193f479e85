package cn.cpsx.batch.report;

import cn.cpsx.batch.JobStarts;
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
import org.springframework.batch.core.launch.JobOperator;
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

  private final JobOperator jobOperator;
  private final Job reportJob;
  private final JdbcClient jdbc;
  private final Clock clock;

  ReportJobs(JobOperator jobOperator, Job reportJob, JdbcClient jdbc, Clock clock) {
    this.jobOperator = jobOperator;
    this.reportJob = reportJob;
    this.jdbc = jdbc;
    this.clock = clock;
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
    return JobStarts.startOrSkip(
        jobOperator, reportJob, parameters(reportId), log, "report " + reportId);
  }

  /** Versions requested in the portal (or retried there after a failure). */
  @Scheduled(
      initialDelayString = "${cpsx.report.sweep-initial-delay:PT10S}",
      fixedDelayString = "${cpsx.report.sweep-interval:PT5S}")
  void sweep() {
    List<Long> pending =
        jdbc.sql("SELECT id FROM report_version WHERE status = 'REQUESTED' ORDER BY id")
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

package cn.cpsx.batch.filing;

import cn.cpsx.batch.JobStarts;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Entry point of filing processing. One job instance per filing id: starting it again after a
 * failure restarts it where it stopped; starting a completed one does nothing. So a wake-up notice,
 * the sweep and a rerun after a crash all converge on one complete run.
 */
@Component
public class FilingJobs {

  private static final Logger log = LoggerFactory.getLogger(FilingJobs.class);

  private final JobOperator jobOperator;
  private final Job filingProcessingJob;
  private final JdbcClient jdbc;

  FilingJobs(JobOperator jobOperator, Job filingProcessingJob, JdbcClient jdbc) {
    this.jobOperator = jobOperator;
    this.filingProcessingJob = filingProcessingJob;
    this.jdbc = jdbc;
  }

  /**
   * Validates and indexes one filing; returns the execution, or null when there was none to run.
   */
  public synchronized JobExecution process(String filingId) {
    return JobStarts.startOrSkip(
        jobOperator,
        filingProcessingJob,
        new JobParametersBuilder().addString("filingId", filingId).toJobParameters(),
        log,
        "filing " + filingId);
  }

  /** Filings still to validate, or accepted live filings whose cases are not indexed yet. */
  public List<String> pending() {
    return jdbc.sql(
            """
            SELECT filing_id FROM filing
             WHERE validated_at IS NULL
                OR (filing_type = 'CASES' AND mode = 'LIVE' AND accepted_count > 0
                    AND indexed_at IS NULL)
             ORDER BY seq LIMIT 500
            """)
        .query(String.class)
        .list();
  }

  /** The safety net behind the wake-up notices. */
  @Scheduled(
      initialDelayString = "${cpsx.filing.sweep-initial-delay:PT5S}",
      fixedDelayString = "${cpsx.filing.sweep-interval:PT30S}")
  void sweep() {
    for (String filingId : pending()) {
      process(filingId);
    }
  }
}

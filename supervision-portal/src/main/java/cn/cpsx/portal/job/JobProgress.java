package cn.cpsx.portal.job;

import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.schemas.database.FilingQueue;
import cn.cpsx.schemas.database.JobHistory.CaseReindex;
import cn.cpsx.schemas.database.JobHistory.FilingProcessing;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the pipeline is doing, read from PostgreSQL: filings still on their way to the index
 * (records done / total), and batch-jobs' recent job runs from Spring Batch's JobRepository tables,
 * found by the job, step and parameter names batch-jobs builds its jobs with ({@link
 * cn.cpsx.schemas.database.JobHistory}).
 */
@Component
public class JobProgress {

  /**
   * A filing not yet through validation and indexing.
   *
   * @param done cases indexed so far
   * @param total accepted cases to index (null before validation)
   */
  public record FilingInProgress(
      String filingId,
      String institution,
      String institutionName,
      String filingType,
      OffsetDateTime receivedAt,
      String status,
      String statusDetail,
      Integer records,
      Integer total,
      long done) {
    public FilingInProgress {
      receivedAt = receivedAt.atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime();
    }
  }

  /**
   * One run of a batch job.
   *
   * @param step the step running or run last
   * @param done items the step wrote
   * @param total what the step works through, when known (cases of the filing, or all current cases
   *     for a reindex)
   */
  public record JobRun(
      long id,
      String jobName,
      String parameters,
      String status,
      OffsetDateTime startTime,
      OffsetDateTime endTime,
      String step,
      long done,
      Long total) {
    public JobRun {
      startTime =
          startTime == null
              ? null
              : startTime.atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime();
      endTime =
          endTime == null ? null : endTime.atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime();
    }

    public boolean running() {
      return status.equals("STARTED") || status.equals("STARTING");
    }
  }

  private final JdbcClient jdbc;

  JobProgress(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The same test as batch-jobs' sweep: not validated, or accepted live cases not indexed. */
  public List<FilingInProgress> filings(int limit) {
    return jdbc.sql(
            """
            SELECT f.filing_id, f.institution_uscc AS institution, i.short_name AS institution_name,
                   f.filing_type, f.received_at, f.status, f.status_detail, f.record_count AS records,
                   f.accepted_count AS total,
                   coalesce((SELECT s.write_count FROM batch_step_execution s
                               JOIN batch_job_execution_params p
                                 ON p.job_execution_id = s.job_execution_id
                                AND p.parameter_name = :filingId
                                AND p.parameter_value = f.filing_id
                              WHERE s.step_name = :indexStep
                              ORDER BY s.step_execution_id DESC LIMIT 1), 0) AS done
              FROM filing f LEFT JOIN institution i ON i.uscc = f.institution_uscc
             WHERE """
                + FilingQueue.WAITING
                + """
             ORDER BY f.seq LIMIT :limit
            """)
        .param("filingId", FilingProcessing.FILING_ID)
        .param("indexStep", FilingProcessing.INDEX_STEP)
        .param("limit", limit)
        .query(FilingInProgress.class)
        .list();
  }

  /**
   * Spring Batch stores local times of batch-jobs' clock; like the database session, that is the
   * server's zone, so they are read as times in it.
   */
  public List<JobRun> recentRuns(int limit) {
    return jdbc.sql(
            """
            SELECT e.job_execution_id AS id, i.job_name, e.status,
                   e.start_time AT TIME ZONE current_setting('TimeZone') AS start_time,
                   e.end_time AT TIME ZONE current_setting('TimeZone') AS end_time,
                   (SELECT string_agg(p.parameter_name || '=' || p.parameter_value, ', ')
                      FROM batch_job_execution_params p
                     WHERE p.job_execution_id = e.job_execution_id AND p.identifying = 'Y')
                     AS parameters,
                   s.step_name AS step, coalesce(s.write_count, 0) AS done,
                   CASE
                     WHEN s.step_name = :reindexStep
                       THEN (SELECT count(*) FROM complaint_case)
                     WHEN s.step_name = :indexStep
                       THEN (SELECT f.accepted_count FROM filing f
                               JOIN batch_job_execution_params p
                                 ON p.parameter_value = f.filing_id
                                AND p.parameter_name = :filingId
                              WHERE p.job_execution_id = e.job_execution_id)
                   END AS total
              FROM batch_job_execution e
              JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
              LEFT JOIN LATERAL (
                   SELECT step_name, write_count FROM batch_step_execution
                    WHERE job_execution_id = e.job_execution_id
                    ORDER BY step_execution_id DESC LIMIT 1) s ON true
             ORDER BY e.job_execution_id DESC LIMIT :limit
            """)
        .param("reindexStep", CaseReindex.REINDEX_STEP)
        .param("indexStep", FilingProcessing.INDEX_STEP)
        .param("filingId", FilingProcessing.FILING_ID)
        .param("limit", limit)
        .query(JobRun.class)
        .list();
  }
}

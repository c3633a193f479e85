package cn.cpsx.batch.audit;

import cn.cpsx.batch.JobStarts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verifies the audit chain every hour (at minute 15, {@code cpsx.audit.verify-cron}), when a
 * supervisor asks in the portal (a row in {@code audit_chain_verification}, picked up within
 * seconds), and when an operator asks on batch-jobs' loopback port: {@code curl -X POST
 * http://127.0.0.1:8082/jobs/audit-chain} (answers with the outcome).
 */
@RestController
public class AuditChainJobs {

  private static final Logger log = LoggerFactory.getLogger(AuditChainJobs.class);

  private final JobOperator jobOperator;
  private final Job auditChainVerificationJob;
  private final JdbcClient jdbc;

  AuditChainJobs(JobOperator jobOperator, Job auditChainVerificationJob, JdbcClient jdbc) {
    this.jobOperator = jobOperator;
    this.auditChainVerificationJob = auditChainVerificationJob;
    this.jdbc = jdbc;
  }

  /** A new verification to run; returns its id. */
  public long request(String requestedBy) {
    return jdbc.sql("INSERT INTO audit_chain_verification (requested_by) VALUES (?) RETURNING id")
        .param(requestedBy)
        .query(Long.class)
        .single();
  }

  /** Runs (or finishes) a verification; null when it ran before or is running. */
  public synchronized JobExecution verify(long verificationId) {
    return JobStarts.startOrSkip(
        jobOperator,
        auditChainVerificationJob,
        new JobParametersBuilder().addLong("verificationId", verificationId).toJobParameters(),
        log,
        "audit chain verification " + verificationId);
  }

  @Scheduled(cron = "${cpsx.audit.verify-cron:0 15 * * * *}", zone = "Asia/Shanghai")
  void scheduled() {
    request("schedule");
  }

  /** Verifications requested and not finished: run within seconds, a failed one retried. */
  @Scheduled(
      initialDelayString = "${cpsx.audit.sweep-initial-delay:PT10S}",
      fixedDelayString = "${cpsx.audit.sweep-interval:PT5S}")
  void sweep() {
    List<Long> pending =
        jdbc.sql("SELECT id FROM audit_chain_verification WHERE finished_at IS NULL ORDER BY id")
            .query(Long.class)
            .list();
    pending.forEach(this::verify);
  }

  @PostMapping("/jobs/audit-chain")
  Map<String, Object> verifyOnRequest() {
    long id = request("operator");
    JobExecution execution = verify(id);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("job", AuditChainJobConfiguration.JOB_NAME);
    answer.put("verificationId", id);
    answer.put("status", execution == null ? "NOT_RUN" : execution.getStatus().name());
    answer.putAll(
        jdbc.sql(
                """
                SELECT verified, entries, head_seq AS "headSeq", head_hash AS "headHash",
                       broken_entry_id AS "brokenEntryId", broken_seq AS "brokenSeq", problem,
                       expected, found
                  FROM audit_chain_verification WHERE id = ?
                """)
            .param(id)
            .query()
            .singleRow());
    return answer;
  }
}

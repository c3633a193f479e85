package cn.cpsx.batch.audit;

import cn.cpsx.batch.execution.JobStarts;
import cn.cpsx.schemas.ReportingTime;
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
 * Verifies the audit chain every hour (at minute 15, {@code cpsx.audit.verify-cron}), when a
 * supervisor asks in the portal (a row in {@code audit_chain_verification}, picked up within
 * seconds), and when an operator asks through job control: {@code POST /jobs/audit-chain} (the
 * execution's exit code is {@code BROKEN} when the chain is; the outcome is on the verification's
 * row, and on the portal's audit page).
 */
@Component
public class AuditChainJobs {

  private static final Logger log = LoggerFactory.getLogger(AuditChainJobs.class);

  private final JobStarts starts;
  private final Job auditChainVerificationJob;
  private final JdbcClient jdbc;

  AuditChainJobs(JobStarts starts, Job auditChainVerificationJob, JdbcClient jdbc) {
    this.starts = starts;
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
    return starts.startOrSkip(
        auditChainVerificationJob,
        parameters(verificationId),
        log,
        "audit chain verification " + verificationId);
  }

  @Scheduled(cron = "${cpsx.audit.verify-cron:0 15 * * * *}", zone = ReportingTime.ZONE_ID)
  void scheduled() {
    // a verification already waiting (asked for in the portal, or an earlier hour's not yet run)
    // covers this hour too: one walk, not a queue of identical ones
    jdbc.sql(
            """
            INSERT INTO audit_chain_verification (requested_by)
            SELECT 'schedule' WHERE NOT EXISTS (SELECT 1 FROM audit_chain_verification
                                                 WHERE finished_at IS NULL)
            """)
        .update();
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

  /** An operator's request: a new verification, recorded like the portal's. */
  JobParameters operatorRequest(Map<String, String> request) {
    return parameters(request("operator"));
  }

  private static JobParameters parameters(long verificationId) {
    return new JobParametersBuilder().addLong("verificationId", verificationId).toJobParameters();
  }
}

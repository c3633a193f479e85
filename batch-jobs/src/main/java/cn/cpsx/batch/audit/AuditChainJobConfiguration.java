package cn.cpsx.batch.audit;

import cn.cpsx.batch.job.OperatorJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

/**
 * {@code auditChainVerificationJob}, identified by {@code verificationId} (a row of {@code
 * audit_chain_verification}): one step, one REPEATABLE READ transaction, that walks the chain and
 * records the outcome on that row. A broken chain is a finding, not a failure: the job completes
 * with exit code {@code BROKEN}. A run that failed (the database went away) is restarted by the
 * next sweep. Names are fixed: never rename them.
 */
@Configuration(proxyBeanMethods = false)
class AuditChainJobConfiguration {

  static final String JOB_NAME = "auditChainVerificationJob";

  private static final Logger log = LoggerFactory.getLogger(AuditChainJobConfiguration.class);

  /** Operators verify the chain with {@code POST /jobs/audit-chain}. */
  @Bean
  OperatorJob auditChainOperatorJob(Job auditChainVerificationJob, AuditChainJobs jobs) {
    return new OperatorJob("audit-chain", auditChainVerificationJob, jobs::operatorRequest);
  }

  @Bean
  Job auditChainVerificationJob(JobRepository jobRepository, Step verifyAuditChainStep) {
    return new JobBuilder(JOB_NAME, jobRepository).start(verifyAuditChainStep).build();
  }

  @Bean
  Step verifyAuditChainStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      AuditChain chain,
      JdbcClient jdbc) {
    DefaultTransactionAttribute snapshot = new DefaultTransactionAttribute();
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    return new StepBuilder("verifyAuditChainStep", jobRepository)
        .tasklet(
            (contribution, context) -> {
              long id = (Long) context.getStepContext().getJobParameters().get("verificationId");
              AuditChain.Verdict verdict = chain.verify();
              jdbc.sql(
                      """
                      UPDATE audit_chain_verification
                         SET finished_at = clock_timestamp(), verified = ?, entries = ?,
                             head_seq = ?, head_hash = ?, broken_entry_id = ?, broken_seq = ?,
                             problem = ?, expected = ?, found = ?
                       WHERE id = ?
                      """)
                  .params(
                      verdict.verified(),
                      verdict.entries(),
                      verdict.headSeq(),
                      verdict.headHash(),
                      verdict.brokenEntryId(),
                      verdict.brokenSeq(),
                      verdict.problem() == null ? null : verdict.problem().name(),
                      verdict.expected(),
                      verdict.found(),
                      id)
                  .update();
              contribution.incrementReadCount();
              if (verdict.verified()) {
                // the head in the log too: a copy outside the database to compare against later
                log.info(
                    "audit chain verified (verification {}): {} entries, head seq {} hash {}",
                    id,
                    verdict.entries(),
                    verdict.headSeq(),
                    verdict.headHash());
              } else {
                log.error(
                    "audit chain BROKEN (verification {}) at entry id {} (seq {}): {}, expected {},"
                        + " found {}",
                    id,
                    verdict.brokenEntryId(),
                    verdict.brokenSeq(),
                    verdict.problem(),
                    verdict.expected(),
                    verdict.found());
                contribution.setExitStatus(new ExitStatus("BROKEN"));
              }
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .transactionAttribute(snapshot)
        .build();
  }
}

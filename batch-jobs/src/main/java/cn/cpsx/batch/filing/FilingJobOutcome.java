package cn.cpsx.batch.filing;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the filer why a filing waits: a failed run (Elasticsearch down, say) leaves its reason on
 * the filing; the sweep restarts the job and a completed run clears it.
 */
@Component
class FilingJobOutcome implements JobExecutionListener {

  private final JdbcClient jdbc;

  FilingJobOutcome(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void afterJob(JobExecution execution) {
    String filingId = execution.getJobParameters().getString("filingId");
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      jdbc.sql("UPDATE filing SET status_detail = NULL WHERE filing_id = ?")
          .param(filingId)
          .update();
      return;
    }
    String reason =
        execution.getAllFailureExceptions().stream()
            .map(FilingJobOutcome::rootCause)
            .map(e -> e.getClass().getSimpleName() + ": " + e.getMessage())
            .findFirst()
            .orElse(execution.getExitStatus().getExitDescription());
    String detail = "waiting for retry: " + (reason == null ? "unknown" : reason);
    jdbc.sql("UPDATE filing SET status_detail = ? WHERE filing_id = ?")
        .params(detail.length() > 500 ? detail.substring(0, 500) : detail, filingId)
        .update();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}

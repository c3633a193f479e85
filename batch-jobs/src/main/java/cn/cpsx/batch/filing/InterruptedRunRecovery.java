package cn.cpsx.batch.filing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A run cut off by a crash or {@code kill -9} stays "STARTED" in the job repository and would block
 * its restart forever. At start-up this node marks failed the runs nobody works on any more: its
 * own from before the restart and those whose node's lease expired. Runs other live nodes hold are
 * left alone; one whose node dies later is taken over by whichever node claims its filing next
 * ({@link FilingJobs}).
 */
@Component
class InterruptedRunRecovery {

  private static final Logger log = LoggerFactory.getLogger(InterruptedRunRecovery.class);

  private final JobRepository jobRepository;
  private final JobOperator jobOperator;
  private final FilingClaims claims;

  InterruptedRunRecovery(
      JobRepository jobRepository, JobOperator jobOperator, FilingClaims claims) {
    this.jobRepository = jobRepository;
    this.jobOperator = jobOperator;
    this.claims = claims;
  }

  @EventListener(ApplicationStartedEvent.class)
  void recoverInterruptedRuns() {
    claims.releaseAllOfThisNode();
    for (JobExecution execution :
        jobRepository.findRunningJobExecutions(FilingProcessingJobConfiguration.JOB_NAME)) {
      String filingId = execution.getJobParameters().getString("filingId");
      if (filingId != null && !claims.abandoned(filingId)) {
        continue;
      }
      jobOperator.recover(execution);
      log.info(
          "recovered interrupted run {} of {}", execution.getId(), execution.getJobParameters());
    }
  }
}

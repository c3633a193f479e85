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
 * its restart forever. At start-up this node marks such runs as failed so the sweep can restart
 * them. Assumes one batch-jobs node (see the scaling notes in the README).
 */
@Component
class InterruptedRunRecovery {

  private static final Logger log = LoggerFactory.getLogger(InterruptedRunRecovery.class);

  private final JobRepository jobRepository;
  private final JobOperator jobOperator;

  InterruptedRunRecovery(JobRepository jobRepository, JobOperator jobOperator) {
    this.jobRepository = jobRepository;
    this.jobOperator = jobOperator;
  }

  @EventListener(ApplicationStartedEvent.class)
  void recoverInterruptedRuns() {
    for (JobExecution execution :
        jobRepository.findRunningJobExecutions(FilingProcessingJobConfiguration.JOB_NAME)) {
      jobOperator.recover(execution);
      log.info(
          "recovered interrupted run {} of {}", execution.getId(), execution.getJobParameters());
    }
  }
}

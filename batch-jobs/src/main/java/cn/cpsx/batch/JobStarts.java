package cn.cpsx.batch;

import org.slf4j.Logger;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;

/**
 * How every job of one item (a filing, a rating run, a report version) is started: one job instance
 * per item, so starting it again after a failure restarts it where it stopped, and starting a
 * completed or running one does nothing. A wake-up, a sweep and a rerun after a crash thus converge
 * on one complete run.
 */
public final class JobStarts {

  private JobStarts() {}

  /**
   * Starts or restarts the instance; null when it completed before, is running, or could not start
   * (logged as a warning, the next sweep tries again).
   */
  public static JobExecution startOrSkip(
      JobOperator operator, Job job, JobParameters parameters, Logger log, String item) {
    try {
      JobExecution execution = operator.start(job, parameters);
      log.info("{}: {}", item, execution.getStatus());
      return execution;
    } catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException e) {
      log.debug("{}: nothing to run ({})", item, e.getMessage());
      return null;
    } catch (Exception e) {
      log.warn("{}: could not start: {}", item, e.toString());
      return null;
    }
  }
}

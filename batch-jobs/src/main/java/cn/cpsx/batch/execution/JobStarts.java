package cn.cpsx.batch.execution;

import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * How every job of one item (a filing, a rating run, a report version, an audit-chain verification)
 * is started: one job instance per item, so starting it again after a failure restarts it where it
 * stopped, and starting a completed or running one does nothing. A wake-up, a sweep and a rerun
 * after a crash thus converge on one complete run.
 *
 * <p>A run that ended "UNKNOWN" lost its database while committing (PostgreSQL restarted under it):
 * Spring Batch will not restart it, because it cannot tell whether the last chunk was committed,
 * and the item would wait forever. Every job started here is safe either way, so such a run is
 * reopened as FAILED and restarted: a chunk (or a tasklet's work) commits with its step's progress
 * in one PostgreSQL transaction, and each step redone changes nothing twice — validation skips a
 * validated filing and documents carry external versions; the rating steps replace the run's
 * figures and drafts; the report steps rewrite the version's figures and draft only a REQUESTED or
 * FAILED one; a verification rewrites its outcome. A job started here must stay so.
 */
@Component
public class JobStarts {

  private final JobOperator operator;
  private final JobRepository repository;
  private final JobExecutionLeases leases;

  JobStarts(JobOperator operator, JobRepository repository, JobExecutionLeases leases) {
    this.operator = operator;
    this.repository = repository;
    this.leases = leases;
  }

  /**
   * Starts or restarts the instance; null when it completed before, is running, or could not start
   * (logged as a warning, the next sweep tries again). A skip for a run that has been going for
   * longer than a lease is logged at INFO with its execution, so a stuck run shows.
   */
  public JobExecution startOrSkip(Job job, JobParameters parameters, Logger log, String item) {
    try {
      reopenIfUnknown(job, parameters, log);
      JobExecution execution = operator.start(job, parameters);
      log.info("{}: {}", item, execution.getStatus());
      return execution;
    } catch (JobInstanceAlreadyCompleteException e) {
      log.debug("{}: nothing to run ({})", item, e.getMessage());
      return null;
    } catch (JobExecutionAlreadyRunningException e) {
      alreadyRunning(job, parameters, log, item);
      return null;
    } catch (Exception e) {
      log.warn("{}: could not start: {}", item, e.toString());
      return null;
    }
  }

  private void reopenIfUnknown(Job job, JobParameters parameters, Logger log) {
    JobExecution last = repository.getLastJobExecution(job.getName(), parameters);
    if (last == null || last.getStatus() != BatchStatus.UNKNOWN) {
      return;
    }
    ExitStatus reopened =
        ExitStatus.FAILED.addExitDescription(
            "ended UNKNOWN (database lost while committing); reopened to restart where its"
                + " last committed chunk left off");
    for (StepExecution step : last.getStepExecutions()) {
      if (step.getStatus() == BatchStatus.UNKNOWN) {
        step.setStatus(BatchStatus.FAILED);
        step.setExitStatus(reopened);
        repository.update(step);
      }
    }
    last.setStatus(BatchStatus.FAILED);
    last.setExitStatus(reopened);
    repository.update(last);
    log.info("reopened run {} of {}, which ended UNKNOWN", last.getId(), parameters);
  }

  private void alreadyRunning(Job job, JobParameters parameters, Logger log, String item) {
    JobExecution running = repository.getLastJobExecution(job.getName(), parameters);
    LocalDateTime since = running == null ? null : running.getCreateTime();
    if (since == null
        || Duration.between(since, LocalDateTime.now()).compareTo(leases.lease()) <= 0) {
      log.debug("{}: already running", item);
      return;
    }
    log.info(
        "{}: already running as execution {} ({}) since {}, {}; skipped",
        item,
        running.getId(),
        running.getStatus(),
        since,
        leases
            .of(running.getId())
            .map(l -> "held by node " + l.owner() + " until " + l.until())
            .orElse("held by no node"));
  }
}

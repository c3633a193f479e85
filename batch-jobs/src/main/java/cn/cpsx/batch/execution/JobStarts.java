package cn.cpsx.batch.execution;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
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
 *
 * <p>A start can also fail half-way: Spring Batch creates the job instance and then its first
 * execution in two transactions, and when the second fails (a serialization failure between two
 * nodes' or threads' starts, PostgreSQL gone) the instance is left without any execution, which
 * Spring Batch then refuses to start for ever ("Cannot find any job execution for job instance";
 * found by the fault suite). Such an instance holds no work, so it is removed and started afresh,
 * once it is seen without an execution for longer than {@link #ORPHAN_GRACE}: a starter that is
 * between its two transactions right now is not cut off.
 */
@Component
public class JobStarts {

  /** How long an instance must stay without an execution before it is taken for a failed start. */
  static final Duration ORPHAN_GRACE = Duration.ofSeconds(10);

  private final JobOperator operator;
  private final JobRepository repository;
  private final JobExecutionLeases leases;

  /** Instances seen without any execution, and when first: removed after the grace. */
  private final Map<Long, Instant> orphansSeen = new ConcurrentHashMap<>();

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
      if (!repairLastRun(job, parameters, log)) {
        return null;
      }
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

  /**
   * Reopens a last run that ended UNKNOWN and removes an instance a failed start left without an
   * execution; false while such an instance is within its grace (not to be started yet).
   */
  private boolean repairLastRun(Job job, JobParameters parameters, Logger log) {
    JobInstance instance = repository.getJobInstance(job.getName(), parameters);
    if (instance == null) {
      return true;
    }
    JobExecution last = repository.getLastJobExecution(instance);
    if (last == null) {
      return removeOrphan(instance, parameters, log);
    }
    orphansSeen.remove(instance.getInstanceId());
    if (last.getStatus() == BatchStatus.UNKNOWN) {
      reopen(last, parameters, log);
    }
    return true;
  }

  private boolean removeOrphan(JobInstance instance, JobParameters parameters, Logger log) {
    Instant now = Instant.now();
    Instant seen = orphansSeen.putIfAbsent(instance.getInstanceId(), now);
    if (seen == null || seen.plus(ORPHAN_GRACE).isAfter(now)) {
      log.info(
          "job instance {} of {} has no execution yet; if it still has none in {}, its start"
              + " failed half-way and it is started afresh",
          instance.getInstanceId(),
          parameters,
          ORPHAN_GRACE);
      return false;
    }
    repository.deleteJobInstance(instance);
    orphansSeen.remove(instance.getInstanceId());
    log.info(
        "removed job instance {} of {}, left without an execution by a start that failed"
            + " half-way; starting afresh",
        instance.getInstanceId(),
        parameters);
    return true;
  }

  private void reopen(JobExecution last, JobParameters parameters, Logger log) {
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

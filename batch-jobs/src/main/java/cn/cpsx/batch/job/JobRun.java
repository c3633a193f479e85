package cn.cpsx.batch.job;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * One execution of a job as job control reports it: where it stands, what each step did, and why it
 * failed.
 *
 * @param startTime local times of batch-jobs' clock, as Spring Batch records them
 * @param failure the cause when the run or a step failed: the exception and its causes, one a line,
 *     without the stack
 * @param restartable a failed or stopped run that {@code POST /jobs/executions/{id}/restart} takes
 *     up where it stopped
 */
public record JobRun(
    long id,
    long instanceId,
    String job,
    Map<String, String> parameters,
    BatchStatus status,
    String exitCode,
    String failure,
    LocalDateTime startTime,
    LocalDateTime endTime,
    List<StepRun> steps,
    boolean restartable) {

  /** One step of the run, in the order they ran. */
  public record StepRun(
      String step,
      BatchStatus status,
      long read,
      long written,
      long skipped,
      long commits,
      String failure) {

    static StepRun of(StepExecution step) {
      return new StepRun(
          step.getStepName(),
          step.getStatus(),
          step.getReadCount(),
          step.getWriteCount(),
          step.getSkipCount(),
          step.getCommitCount(),
          failureOf(step.getStatus(), step.getExitStatus()));
    }
  }

  static JobRun of(JobExecution execution) {
    Map<String, String> parameters = new TreeMap<>();
    execution.getJobParameters().forEach(p -> parameters.put(p.name(), String.valueOf(p.value())));
    List<StepRun> steps =
        execution.getStepExecutions().stream()
            .sorted(Comparator.comparingLong(StepExecution::getId))
            .map(StepRun::of)
            .toList();
    String failure = failureOf(execution.getStatus(), execution.getExitStatus());
    if (failure == null) {
      failure =
          steps.stream().map(StepRun::failure).filter(f -> f != null).findFirst().orElse(null);
    }
    return new JobRun(
        execution.getId(),
        execution.getJobInstanceId(),
        execution.getJobInstance().getJobName(),
        parameters,
        execution.getStatus(),
        execution.getExitStatus().getExitCode(),
        failure,
        execution.getStartTime(),
        execution.getEndTime(),
        steps,
        execution.getStatus() == BatchStatus.FAILED
            || execution.getStatus() == BatchStatus.STOPPED);
  }

  /**
   * Spring Batch keeps a failure as the exit description: the exception's stack trace. The lines
   * that say what went wrong are the first one and each "Caused by".
   */
  static String failureOf(BatchStatus status, ExitStatus exit) {
    if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED
        || exit.getExitDescription() == null
        || exit.getExitDescription().isBlank()) {
      return null;
    }
    List<String> lines = exit.getExitDescription().lines().toList();
    StringBuilder cause = new StringBuilder(lines.getFirst().strip());
    lines.stream()
        .skip(1)
        .filter(line -> line.startsWith("Caused by:"))
        .forEach(line -> cause.append('\n').append(line.strip()));
    return cause.toString();
  }
}

package cn.cpsx.batch.job;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Starts, follows and restarts the jobs operators may run. A run starts in the background on an
 * operator of its own, so the caller gets the execution at once and follows it; what could not even
 * start (a wrong parameter, a run already complete or running) is refused at once, and what fails
 * later is recorded with the execution, where {@link #find} reads it. Nothing is dropped in a
 * detached task. The scheduled sweeps keep using the application's synchronous operator.
 */
@Component
public class JobRuns {

  private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

  /** Refused before anything ran; {@code conflict} when the run is complete or already running. */
  public static final class NotStarted extends RuntimeException {
    private final boolean conflict;

    NotStarted(String message, boolean conflict) {
      super(message);
      this.conflict = conflict;
    }

    public boolean conflict() {
      return conflict;
    }
  }

  private final Map<String, OperatorJob> jobs;
  private final JobRepository repository;
  private final JobOperator background;

  JobRuns(List<OperatorJob> jobs, JobRepository repository, PlatformTransactionManager transactions)
      throws Exception {
    this.jobs =
        jobs.stream()
            .collect(
                Collectors.toMap(
                    OperatorJob::name,
                    Function.identity(),
                    (a, b) -> {
                      throw new IllegalStateException("two operator jobs named " + a.name());
                    },
                    java.util.TreeMap::new));
    this.repository = repository;
    SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("job-control-");
    threads.setVirtualThreads(true);
    JobOperatorFactoryBean factory = new JobOperatorFactoryBean();
    factory.setJobRepository(repository);
    // the jobs it may restart: the operators' jobs, nothing else
    MapJobRegistry registry = new MapJobRegistry();
    for (OperatorJob job : jobs) {
      registry.register(job.job());
    }
    factory.setJobRegistry(registry);
    factory.setTransactionManager(transactions);
    factory.setTaskExecutor(threads);
    factory.afterPropertiesSet();
    this.background = factory.getObject();
  }

  /** The names of the jobs an operator may start, in the address {@code /jobs/{name}}. */
  public List<String> names() {
    return List.copyOf(jobs.keySet());
  }

  public boolean offers(String name) {
    return jobs.containsKey(name);
  }

  /**
   * Starts the job in the background and returns its execution as it stands (STARTING or STARTED).
   * Parameters that name a failed run of before restart that run where it stopped.
   *
   * @throws IllegalArgumentException a request parameter is wrong
   * @throws NotStarted the run is complete or running, or the job could not start
   */
  public JobRun start(String name, Map<String, String> request) {
    OperatorJob job = jobs.get(name);
    if (job == null) {
      throw new IllegalArgumentException("no job " + name + "; jobs: " + names());
    }
    JobParameters parameters = job.parameters().apply(request);
    try {
      JobExecution execution = background.start(job.job(), parameters);
      log.info("{} started by an operator: execution {}", name, execution.getId());
      return JobRun.of(execution);
    } catch (JobInstanceAlreadyCompleteException e) {
      throw new NotStarted(name + " completed before with these parameters: " + parameters, true);
    } catch (JobExecutionAlreadyRunningException e) {
      throw new NotStarted(name + " is running with these parameters: " + parameters, true);
    } catch (Exception e) {
      log.warn("{} could not start: {}", name, e.toString());
      throw new NotStarted(name + " could not start: " + e.getMessage(), false);
    }
  }

  /**
   * Restarts a failed or stopped execution in the background: a new execution of the same instance,
   * which begins at the step (and the chunk) where the failed one stopped.
   *
   * @throws NotStarted the execution did not fail or stop, or is not one of the operator's jobs
   */
  public Optional<JobRun> restart(long executionId) {
    JobExecution failed = repository.getJobExecution(executionId);
    if (failed == null) {
      return Optional.empty();
    }
    String job = failed.getJobInstance().getJobName();
    if (jobs.values().stream().noneMatch(j -> j.job().getName().equals(job))) {
      throw new NotStarted(job + " is not restarted by operators", true);
    }
    if (failed.getStatus() != BatchStatus.FAILED && failed.getStatus() != BatchStatus.STOPPED) {
      throw new NotStarted(
          "execution "
              + executionId
              + " is "
              + failed.getStatus()
              + "; only a failed or stopped"
              + " execution is restarted",
          true);
    }
    try {
      JobExecution restarted = background.restart(failed);
      log.info("execution {} of {} restarted as {}", executionId, job, restarted.getId());
      return Optional.of(JobRun.of(restarted));
    } catch (Exception e) {
      // e.g. a newer execution of the instance already ran or runs
      throw new NotStarted("execution " + executionId + " not restarted: " + e.getMessage(), true);
    }
  }

  public Optional<JobRun> find(long executionId) {
    return Optional.ofNullable(repository.getJobExecution(executionId)).map(JobRun::of);
  }

  /** The latest executions of the job, newest first. */
  public List<JobRun> recent(String name, int instances) {
    OperatorJob job = jobs.get(name);
    if (job == null) {
      throw new IllegalArgumentException("no job " + name + "; jobs: " + names());
    }
    List<JobInstance> latest = repository.getJobInstances(job.job().getName(), 0, instances);
    return latest.stream()
        .flatMap(instance -> repository.getJobExecutions(instance).stream())
        .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
        .map(JobRun::of)
        .toList();
  }
}

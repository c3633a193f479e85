package cn.cpsx.batch.execution;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A run cut off by a crash or {@code kill -9} stays "STARTED" in the job repository, and Spring
 * Batch refuses to start its instance again while it does, so its item (a filing, a rating run, a
 * report version, an audit-chain verification, a week's hot spots, a reindex) would never be done.
 * At start-up and then every {@code cpsx.jobs.recovery-interval}, each node marks FAILED ({@link
 * JobOperator#recover}) the running executions nobody works on any more ({@link
 * JobExecutionLeases#abandoned}): its own from before a restart, and those whose node's lease
 * expired. Executions live nodes hold are left alone. A failed run is then restarted where it
 * stopped by whatever starts its job: the sweeps of filings, rating runs, report versions and
 * verifications within seconds; a hot-spot week or a reindex by an operator ({@code
 * /jobs/executions/{id}/restart}).
 */
@Component
class InterruptedRuns implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

  private final JobExecutionLeases leases;
  private final JobRepository jobRepository;
  private final JobOperator jobOperator;
  private final Duration interval;

  private final BackgroundLoop looker = new BackgroundLoop("interrupted-runs");

  InterruptedRuns(
      JobExecutionLeases leases,
      JobRepository jobRepository,
      JobOperator jobOperator,
      JobExecutionProperties properties) {
    this.leases = leases;
    this.jobRepository = jobRepository;
    this.jobOperator = jobOperator;
    this.interval = properties.recoveryInterval();
  }

  /** Marks failed every abandoned execution; returns how many. */
  int recoverAbandoned() {
    int recovered = 0;
    for (long id : leases.abandoned()) {
      JobExecution execution = jobRepository.getJobExecution(id);
      if (execution == null || !execution.isRunning()) {
        continue; // ended, or another node recovered it meanwhile
      }
      try {
        jobOperator.recover(execution);
        recovered++;
        log.info(
            "recovered interrupted run {} of {} {} (its node is gone): FAILED, to be restarted",
            id,
            execution.getJobInstance().getJobName(),
            execution.getJobParameters());
      } catch (RuntimeException e) {
        // another node recovered it at the same instant (optimistic locking), or the database went
        log.warn("could not recover interrupted run {}: {}", id, e.toString());
      }
    }
    leases.forgetFinished();
    return recovered;
  }

  private void look() {
    try {
      recoverAbandoned();
    } catch (RuntimeException e) {
      log.warn(
          "looking for interrupted job runs failed; next try in {}: {}", interval, e.toString());
    }
  }

  /** The first look runs at once, before the sweeps begin; then one every interval. */
  @Override
  public void start() {
    looker.start(this::look, Duration.ZERO, interval);
  }

  @Override
  public void stop() {
    looker.stop();
  }

  @Override
  public boolean isRunning() {
    return looker.isRunning();
  }
}

package cn.cpsx.batch.filing;

import cn.cpsx.batch.execution.JobStarts;
import cn.cpsx.schemas.database.FilingQueue;
import cn.cpsx.schemas.database.JobHistory.FilingProcessing;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Entry point of filing processing. One job instance per filing id: starting it again after a
 * failure restarts it where it stopped; starting a completed one does nothing. So a wake-up notice,
 * the sweep and a rerun after a crash all converge on one complete run.
 *
 * <p>Several batch-jobs nodes may run: a node works on a filing only under its claim ({@link
 * FilingClaims}). Wake-up notices and the sweep only wake this node's single worker thread, which
 * claims and processes one filing after the other until none is left; a busy node's wake-ups
 * coalesce into one more pass.
 */
@Component
public class FilingJobs implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(FilingJobs.class);

  private final JobOperator jobOperator;
  private final JobRepository jobRepository;
  private final JobStarts starts;
  private final Job filingProcessingJob;
  private final JdbcClient jdbc;
  private final FilingClaims claims;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("filing-worker").factory());
  private final AtomicBoolean passQueued = new AtomicBoolean();

  FilingJobs(
      JobOperator jobOperator,
      JobRepository jobRepository,
      JobStarts starts,
      Job filingProcessingJob,
      JdbcClient jdbc,
      FilingClaims claims) {
    this.jobOperator = jobOperator;
    this.jobRepository = jobRepository;
    this.starts = starts;
    this.filingProcessingJob = filingProcessingJob;
    this.jdbc = jdbc;
    this.claims = claims;
  }

  /**
   * Validates and indexes one filing unless another node holds it; returns the execution, or null
   * when there was none to run here.
   */
  public JobExecution process(String filingId) {
    if (!claims.claim(filingId)) {
      log.debug("filing {}: claimed by another node", filingId);
      return null;
    }
    return runClaimed(filingId);
  }

  private JobExecution runClaimed(String filingId) {
    try {
      JobParameters parameters = parameters(filingId);
      recoverAbandonedRun(parameters);
      return starts.startOrSkip(filingProcessingJob, parameters, log, "filing " + filingId);
    } finally {
      claims.release(filingId);
    }
  }

  /**
   * Under the claim, a run still "STARTED" is one whose node died (its lease expired) or this
   * node's own from before a crash: mark it failed so the job can restart where it stopped, without
   * waiting for the next look for interrupted runs (execution {@code InterruptedRuns}). A run that
   * ended "UNKNOWN" is reopened by {@link JobStarts}.
   */
  private void recoverAbandonedRun(JobParameters parameters) {
    JobExecution last =
        jobRepository.getLastJobExecution(FilingProcessingJobConfiguration.JOB_NAME, parameters);
    if (last != null && last.isRunning()) {
      try {
        jobOperator.recover(last);
        log.info("took over abandoned run {} of {}", last.getId(), parameters);
      } catch (Exception e) {
        log.warn("could not recover run {}: {}", last.getId(), e.toString());
      }
    }
  }

  static JobParameters parameters(String filingId) {
    return new JobParametersBuilder()
        .addString(FilingProcessing.FILING_ID, filingId)
        .toJobParameters();
  }

  /** Claims and processes waiting filings on this node's worker thread until none is left. */
  public void wakeUp() {
    if (passQueued.compareAndSet(false, true)) {
      worker.execute(
          () -> {
            passQueued.set(false);
            drain();
          });
    }
  }

  private void drain() {
    // a filing that did not complete (Elasticsearch down, say) waits for the next pass
    Set<String> tried = new HashSet<>();
    try {
      for (Optional<String> next = claims.claimNext(tried);
          next.isPresent();
          next = claims.claimNext(tried)) {
        tried.add(next.get());
        runClaimed(next.get());
      }
    } catch (RuntimeException e) {
      log.warn("filing queue pass stopped: {}", e.toString());
    }
  }

  /** Filings still to validate, or accepted live filings whose cases are not indexed yet. */
  public List<String> pending() {
    return jdbc.sql(
            "SELECT f.filing_id FROM filing f WHERE "
                + FilingQueue.WAITING
                + " ORDER BY f.seq LIMIT 500")
        .query(String.class)
        .list();
  }

  /** The safety net behind the wake-up notices. */
  @Scheduled(
      initialDelayString = "${cpsx.filing.sweep-initial-delay:PT5S}",
      fixedDelayString = "${cpsx.filing.sweep-interval:PT30S}")
  void sweep() {
    wakeUp();
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}

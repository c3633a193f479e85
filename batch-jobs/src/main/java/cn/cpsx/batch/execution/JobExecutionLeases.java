package cn.cpsx.batch.execution;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which node runs each job execution ({@code job_execution_lease}): every job of the application
 * takes a lease on its execution when it begins, renewed every third of the lease by a thread of
 * its own while the job runs. A node killed mid-run stops renewing, so its executions can be told
 * from live ones by any node ({@link #abandoned}), whatever the job. Filings additionally hold a
 * claim on the filing itself (filing {@code FilingClaims}); this lease is about the execution.
 */
@Component
public class JobExecutionLeases
    implements JobExecutionListener, SmartInitializingSingleton, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobExecutionLeases.class);

  /** The execution statuses Spring Batch counts as running (and refuses to start again). */
  private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

  private final JdbcClient jdbc;
  private final BatchNode node;
  private final Duration lease;
  private final ListableBeanFactory beans;

  /** Executions this process runs right now. */
  private final Set<Long> held = ConcurrentHashMap.newKeySet();

  private final BackgroundLoop renewer = new BackgroundLoop("job-lease-renewer");

  JobExecutionLeases(
      JdbcClient jdbc,
      BatchNode node,
      JobExecutionProperties properties,
      ListableBeanFactory beans) {
    this.jdbc = jdbc;
    this.node = node;
    this.lease = properties.lease();
    this.beans = beans;
  }

  /** A node's hold on a running execution. */
  public record Lease(long executionId, String owner, OffsetDateTime until) {}

  /** Every job of the application takes its lease here, whichever feature declared it. */
  @Override
  public void afterSingletonsInstantiated() {
    beans
        .getBeansOfType(AbstractJob.class)
        .values()
        .forEach(job -> job.registerJobExecutionListener(this));
  }

  /**
   * Runs before the job's first step: without its lease written, the job does not run (a failure
   * here fails the execution), so no running execution of this node is ever without one for long.
   */
  @Override
  public void beforeJob(JobExecution execution) {
    held.add(execution.getId());
    jdbc.sql(
            """
            INSERT INTO job_execution_lease (job_execution_id, owner, process, lease_until)
            VALUES (:id, :owner, :process, now() + make_interval(secs => :lease))
            ON CONFLICT (job_execution_id) DO UPDATE
               SET owner = excluded.owner, process = excluded.process,
                   lease_until = excluded.lease_until
            """)
        .param("id", execution.getId())
        .param("owner", node.id())
        .param("process", node.process())
        .param("lease", seconds())
        .update();
  }

  /**
   * The job's final status is written just after this: the lease is renewed once more instead of
   * dropped, so no node takes the execution for abandoned in between; {@link #forgetFinished}
   * removes it later.
   */
  @Override
  public void afterJob(JobExecution execution) {
    held.remove(execution.getId());
    try {
      renew(List.of(execution.getId()));
    } catch (RuntimeException e) {
      log.warn("could not renew the lease of execution {}: {}", execution.getId(), e.toString());
    }
  }

  /**
   * Running executions (STARTING, STARTED, STOPPING) no live node works on: those whose lease has
   * expired, those this node held before its restart, and those without a lease created more than a
   * lease ago (their node died before the job began, or they are older than leases). Never one this
   * process runs.
   */
  public List<Long> abandoned() {
    return jdbc
        .sql(
            """
            SELECT e.job_execution_id FROM batch_job_execution e
              LEFT JOIN job_execution_lease l ON l.job_execution_id = e.job_execution_id
             WHERE e.status IN """
                + RUNNING
                + """
               AND (l.lease_until <= now()
                    OR (l.owner = :owner AND l.process <> :process)
                    OR (l.job_execution_id IS NULL
                        AND e.create_time < localtimestamp - make_interval(secs => :lease)))
             ORDER BY e.job_execution_id
            """)
        .param("owner", node.id())
        .param("process", node.process())
        .param("lease", seconds())
        .query(Long.class)
        .list()
        .stream()
        .filter(id -> !held.contains(id))
        .toList();
  }

  /** The lease on an execution, if one was taken. */
  public Optional<Lease> of(long executionId) {
    return jdbc.sql(
            "SELECT job_execution_id, owner, lease_until FROM job_execution_lease"
                + " WHERE job_execution_id = ?")
        .param(executionId)
        .query(
            (rs, n) ->
                new Lease(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
        .optional();
  }

  /** How long a lease lasts without renewal. */
  public Duration lease() {
    return lease;
  }

  /** Drops the leases of executions that ended (they are only kept to cover the final update). */
  void forgetFinished() {
    jdbc.sql(
            """
            DELETE FROM job_execution_lease l USING batch_job_execution e
             WHERE e.job_execution_id = l.job_execution_id AND l.lease_until <= now()
               AND e.status NOT IN """
                + RUNNING)
        .update();
  }

  private void renewHeld() {
    if (held.isEmpty()) {
      return;
    }
    try {
      renew(List.copyOf(held));
    } catch (RuntimeException e) {
      log.warn("could not renew the job execution leases of node {}: {}", node.id(), e.toString());
    }
  }

  private void renew(List<Long> executionIds) {
    jdbc.sql(
            """
            UPDATE job_execution_lease SET lease_until = now() + make_interval(secs => :lease)
             WHERE owner = :owner AND process = :process AND job_execution_id = ANY (:ids)
            """)
        .param("lease", seconds())
        .param("owner", node.id())
        .param("process", node.process())
        .param("ids", executionIds.toArray(Long[]::new))
        .update();
  }

  private double seconds() {
    return lease.toMillis() / 1000.0;
  }

  @Override
  public void start() {
    Duration period = lease.dividedBy(3);
    renewer.start(this::renewHeld, period, period);
    log.info("batch-jobs node {} holds its job executions with a lease of {}", node.id(), lease);
  }

  @Override
  public void stop() {
    renewer.stop();
  }

  @Override
  public boolean isRunning() {
    return renewer.isRunning();
  }
}

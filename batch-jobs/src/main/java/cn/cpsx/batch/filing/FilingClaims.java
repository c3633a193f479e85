package cn.cpsx.batch.filing;

import cn.cpsx.batch.execution.BackgroundLoop;
import cn.cpsx.batch.execution.BatchNode;
import cn.cpsx.schemas.database.FilingQueue;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leases on filings, so any number of batch-jobs nodes share one queue: a node validates and
 * indexes a filing only while it holds the filing's claim ({@code filing_claim}), renewed every
 * third of the lease by a thread of its own. A node killed mid-run stops renewing; once its lease
 * expires another node claims the filing and restarts its job where it stopped.
 *
 * <p>The node id ({@link BatchNode}) is stable across restarts of one node, so a node restarted
 * after a crash releases its own claims at once ({@link #start}) instead of waiting for them to
 * expire. The job runs themselves are recovered like every job's (execution {@code
 * InterruptedRuns}).
 */
@Component
class FilingClaims implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(FilingClaims.class);

  private final JdbcClient jdbc;
  private final String nodeId;
  private final Duration lease;

  /** Claims this process holds right now: never claimed twice by two threads of one node. */
  private final Set<String> held = ConcurrentHashMap.newKeySet();

  private final BackgroundLoop renewer = new BackgroundLoop("filing-lease-renewer");

  FilingClaims(
      JdbcClient jdbc, BatchNode node, @Value("${cpsx.filing.lease:PT30S}") Duration lease) {
    this.jdbc = jdbc;
    this.nodeId = node.id();
    this.lease = lease;
  }

  String nodeId() {
    return nodeId;
  }

  /**
   * Claims the oldest filing waiting for work that no live node holds; skips rows other nodes are
   * claiming this instant ({@code SKIP LOCKED}), so concurrent nodes get different filings. An
   * institution's filings are validated in receipt order, as on one node: a filing waits while an
   * earlier one of its institution is unvalidated. {@code except}: filings this pass tried already.
   */
  Optional<String> claimNext(Collection<String> except) {
    Optional<String> claimed =
        jdbc.sql(
                """
                WITH next AS (
                  SELECT f.filing_id FROM filing f
                   WHERE f.filing_id <> ALL (:except)
                     AND """
                    + FilingQueue.WAITING
                    + """
                     AND NOT EXISTS (SELECT 1 FROM filing_claim c
                                      WHERE c.filing_id = f.filing_id AND c.lease_until > now())
                     AND NOT EXISTS (SELECT 1 FROM filing e
                                      WHERE e.institution_uscc = f.institution_uscc
                                        AND e.seq < f.seq AND e.validated_at IS NULL)
                   ORDER BY f.seq LIMIT 1
                   FOR UPDATE OF f SKIP LOCKED)
                INSERT INTO filing_claim (filing_id, owner, lease_until)
                SELECT filing_id, :owner, now() + make_interval(secs => :lease) FROM next
                ON CONFLICT (filing_id) DO UPDATE
                   SET owner = excluded.owner, lease_until = excluded.lease_until
                 WHERE filing_claim.lease_until <= now()
                RETURNING filing_id
                """)
            .param("except", except.toArray(String[]::new))
            .param("owner", nodeId)
            .param("lease", lease.toMillis() / 1000.0)
            .query(String.class)
            .optional();
    claimed.ifPresent(held::add);
    return claimed;
  }

  /**
   * Claims this filing unless another live node holds it (or another thread of this node): true
   * when this node may work on it now.
   */
  boolean claim(String filingId) {
    if (!held.add(filingId)) {
      return false;
    }
    boolean claimed =
        jdbc.sql(
                """
                INSERT INTO filing_claim (filing_id, owner, lease_until)
                VALUES (:id, :owner, now() + make_interval(secs => :lease))
                ON CONFLICT (filing_id) DO UPDATE
                   SET owner = excluded.owner, lease_until = excluded.lease_until
                 WHERE filing_claim.lease_until <= now() OR filing_claim.owner = excluded.owner
                RETURNING filing_id
                """)
            .param("id", filingId)
            .param("owner", nodeId)
            .param("lease", lease.toMillis() / 1000.0)
            .query(String.class)
            .optional()
            .isPresent();
    if (!claimed) {
      held.remove(filingId);
    }
    return claimed;
  }

  void release(String filingId) {
    jdbc.sql("DELETE FROM filing_claim WHERE filing_id = ? AND owner = ?")
        .params(filingId, nodeId)
        .update();
    held.remove(filingId);
  }

  /**
   * True when no live node works on the filing: no claim, an expired one, or one of this node
   * (which, at start-up, is a claim left by this node before a crash).
   */
  boolean abandoned(String filingId) {
    if (held.contains(filingId)) {
      return false; // this process runs it right now
    }
    return jdbc.sql(
            """
            SELECT count(*) = 0 FROM filing_claim
             WHERE filing_id = ? AND owner <> ? AND lease_until > now()
            """)
        .params(filingId, nodeId)
        .query(Boolean.class)
        .single();
  }

  /**
   * Start-up: what this node held before it was restarted; nothing of it runs any more (a filing a
   * wake-up already had this process claim is kept).
   */
  void releaseAllOfThisNode() {
    int released =
        jdbc.sql("DELETE FROM filing_claim WHERE owner = ? AND filing_id <> ALL (?)")
            .params(nodeId, held.toArray(String[]::new))
            .update();
    if (released > 0) {
      log.info("released {} claims this node ({}) held before its restart", released, nodeId);
    }
  }

  private void renew() {
    if (held.isEmpty()) {
      return;
    }
    try {
      jdbc.sql(
              """
              UPDATE filing_claim SET lease_until = now() + make_interval(secs => :lease)
               WHERE owner = :owner AND filing_id = ANY (:ids)
              """)
          .param("lease", lease.toMillis() / 1000.0)
          .param("owner", nodeId)
          .param("ids", held.toArray(String[]::new))
          .update();
    } catch (RuntimeException e) {
      log.warn("could not renew the leases of node {}: {}", nodeId, e.getMessage());
    }
  }

  @Override
  public void start() {
    releaseAllOfThisNode();
    Duration period = lease.dividedBy(3);
    renewer.start(this::renew, period, period);
    log.info("batch-jobs node {} claims filings with a lease of {}", nodeId, lease);
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

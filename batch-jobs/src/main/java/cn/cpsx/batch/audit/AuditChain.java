package cn.cpsx.batch.audit;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the audit log's hash chain from its first entry to the chain head and names the first
 * broken link: the entry where the chain shows that something was changed, removed or slipped in,
 * with what the chain expected there and what is there. Hashes are recomputed here ({@link
 * AuditEntryHash}), not by the database function that sealed them.
 */
@Component
public class AuditChain {

  /** What can be wrong at an entry, in the order the walk checks it. */
  public enum Problem {
    /** An entry's seq is past the chain head: written around the seal, or the head was rewound. */
    BEYOND_HEAD,
    /** seq jumps: entries between were deleted. */
    ENTRIES_MISSING,
    /** prev_hash is not the hash of the entry before: that one was changed or replaced. */
    LINK_BROKEN,
    /** The entry's fields no longer hash to its entry_hash: it was changed after it was sealed. */
    CONTENT_CHANGED,
    /** The entry at an earlier verification's head hashes differently: the chain was rewritten. */
    ANCHOR_MISMATCH,
    /** An entry without a place in the chain: inserted with the seal switched off. */
    UNSEALED,
    /** The chain ends before the head or an earlier verification's head: entries were removed. */
    TAIL_MISSING,
    /** The last entry's hash is not the one the head recorded. */
    HEAD_MISMATCH
  }

  /**
   * The outcome of a walk. {@code entries}, {@code headSeq} and {@code headHash} cover the entries
   * that verified (all of them when nothing is broken); the broken fields are null when verified.
   */
  public record Verdict(
      long entries,
      long headSeq,
      String headHash,
      Long brokenEntryId,
      Long brokenSeq,
      Problem problem,
      String expected,
      String found) {
    public boolean verified() {
      return problem == null;
    }
  }

  /** A verified earlier run's head: the entry at {@code seq} must still hash to {@code hash}. */
  record Anchor(long id, long seq, String hash) {}

  record Head(long seq, String entryHash) {}

  record Entry(
      long id,
      long seq,
      OffsetDateTime at,
      String actor,
      String action,
      String subject,
      String detail,
      String prevHash,
      String entryHash) {}

  static final int PAGE = 5_000;

  /** An entry with its chain columns, detail as PostgreSQL prints it (the text that is hashed). */
  static final String ENTRY =
      "SELECT id, seq, at, actor, action, subject, detail::text AS detail, prev_hash, entry_hash"
          + " FROM audit_log ";

  private final JdbcClient jdbc;
  private final TransactionTemplate snapshot;

  AuditChain(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    // one snapshot for the head and every page, so entries sealed meanwhile are simply not seen
    this.snapshot = new TransactionTemplate(transactionManager);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.setReadOnly(true);
  }

  /** Walks the whole chain (in the caller's transaction, if there is one). */
  public Verdict verify() {
    return snapshot.execute(status -> walk());
  }

  private Verdict walk() {
    Head head =
        jdbc.sql("SELECT seq, entry_hash FROM audit_chain_head")
            .query(Head.class)
            .optional()
            .orElse(null);
    Anchor anchor =
        jdbc.sql(
                """
                SELECT id, head_seq AS seq, head_hash AS hash FROM audit_chain_verification
                 WHERE verified AND head_seq > 0 ORDER BY id DESC LIMIT 1
                """)
            .query(Anchor.class)
            .optional()
            .orElse(null);
    long walked = 0;
    long expectedSeq = 1;
    String prev = AuditEntryHash.GENESIS;
    Entry last = null;
    List<Entry> page;
    do {
      page =
          jdbc.sql(ENTRY + "WHERE seq > ? ORDER BY seq LIMIT ?")
              .params(last == null ? 0 : last.seq(), PAGE)
              .query(Entry.class)
              .list();
      for (Entry e : page) {
        Verdict ok = new Verdict(walked, expectedSeq - 1, prev, e.id(), e.seq(), null, null, null);
        if (head != null && e.seq() > head.seq()) {
          return broken(ok, Problem.BEYOND_HEAD, "seq ≤ " + head.seq(), "seq " + e.seq());
        }
        if (e.seq() != expectedSeq) {
          return broken(ok, Problem.ENTRIES_MISSING, "seq " + expectedSeq, "seq " + e.seq());
        }
        if (!prev.equals(e.prevHash())) {
          return broken(ok, Problem.LINK_BROKEN, prev, e.prevHash());
        }
        String computed =
            AuditEntryHash.of(
                e.prevHash(),
                e.seq(),
                e.id(),
                e.at(),
                e.actor(),
                e.action(),
                e.subject(),
                e.detail());
        if (!computed.equals(e.entryHash())) {
          return broken(ok, Problem.CONTENT_CHANGED, e.entryHash(), computed);
        }
        if (anchor != null && anchor.seq() == e.seq() && !anchor.hash().equals(computed)) {
          return broken(ok, Problem.ANCHOR_MISMATCH, anchor.hash(), computed);
        }
        walked++;
        expectedSeq++;
        prev = computed;
        last = e;
      }
    } while (page.size() == PAGE);
    Long lastId = last == null ? null : last.id();
    Verdict ok =
        new Verdict(walked, expectedSeq - 1, prev, lastId, expectedSeq - 1, null, null, null);
    Long unsealed =
        jdbc.sql("SELECT id FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT 1")
            .query(Long.class)
            .optional()
            .orElse(null);
    if (unsealed != null) {
      return broken(
          new Verdict(walked, expectedSeq - 1, prev, unsealed, null, null, null, null),
          Problem.UNSEALED,
          "seq",
          "none");
    }
    if (anchor != null && anchor.seq() > expectedSeq - 1) {
      return broken(ok, Problem.TAIL_MISSING, "seq " + anchor.seq(), "seq " + (expectedSeq - 1));
    }
    if (head == null) {
      return broken(ok, Problem.HEAD_MISMATCH, "a chain head", "none");
    }
    if (head.seq() > expectedSeq - 1) {
      return broken(ok, Problem.TAIL_MISSING, "seq " + head.seq(), "seq " + (expectedSeq - 1));
    }
    if (!head.entryHash().equals(prev)) {
      return broken(ok, Problem.HEAD_MISMATCH, head.entryHash(), prev);
    }
    return new Verdict(walked, expectedSeq - 1, prev, null, null, null, null, null);
  }

  private static Verdict broken(Verdict at, Problem problem, String expected, String found) {
    return new Verdict(
        at.entries(),
        at.headSeq(),
        at.headHash(),
        at.brokenEntryId(),
        at.brokenSeq(),
        problem,
        expected,
        found);
  }
}

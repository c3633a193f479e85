package cn.cpsx.portal.audit;

import cn.cpsx.schemas.ReportingTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What batch-jobs' {@code auditChainVerificationJob} found when it last walked the audit log's hash
 * chain, and the way a supervisor asks for a walk now (a row it picks up within seconds).
 */
@Component
class AuditChainStatus {

  /**
   * One verification; {@code verified} null while it waits or runs. When broken, {@code
   * brokenEntryId}/{@code brokenSeq} name the first broken link and {@code problem} what is wrong
   * there, {@code expected} what the chain says should be there and {@code found} what is.
   */
  public record Verification(
      long id,
      String requestedBy,
      OffsetDateTime requestedAt,
      OffsetDateTime finishedAt,
      Boolean verified,
      Long entries,
      Long headSeq,
      String headHash,
      Long brokenEntryId,
      Long brokenSeq,
      String problem,
      String expected,
      String found) {
    public Verification {
      requestedAt = requestedAt.atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime();
      finishedAt =
          finishedAt == null
              ? null
              : finishedAt.atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime();
    }

    public boolean pending() {
      return verified == null;
    }

    public boolean broken() {
      return Boolean.FALSE.equals(verified);
    }
  }

  private static final String COLUMNS =
      """
      SELECT id, requested_by, requested_at, finished_at, verified, entries, head_seq, head_hash,
             broken_entry_id, broken_seq, problem, expected, found
        FROM audit_chain_verification
      """;

  private final JdbcClient jdbc;

  AuditChainStatus(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The newest finished verification: what the audit page reports. */
  Optional<Verification> lastFinished() {
    return jdbc.sql(COLUMNS + " WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1")
        .query(Verification.class)
        .optional();
  }

  List<Verification> recent(int limit) {
    return jdbc.sql(COLUMNS + " ORDER BY id DESC LIMIT ?")
        .param(limit)
        .query(Verification.class)
        .list();
  }

  /** Asks batch-jobs for a walk; one waiting request is enough, so a second click adds none. */
  void request(String actor) {
    jdbc.sql(
            """
            INSERT INTO audit_chain_verification (requested_by)
            SELECT ? WHERE NOT EXISTS (SELECT 1 FROM audit_chain_verification
                                        WHERE finished_at IS NULL)
            """)
        .param(actor)
        .update();
  }
}

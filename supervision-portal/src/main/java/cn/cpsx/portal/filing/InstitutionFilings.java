package cn.cpsx.portal.filing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One institution's filings, read with its USCC in every query (never filtered in the view). */
@Component
public class InstitutionFilings {

  /** A line of the filings list. */
  public record FilingSummary(
      String filingId,
      String filingType,
      String period,
      String channel,
      String mode,
      OffsetDateTime receivedAt,
      String status,
      Integer recordCount,
      Integer acceptedCount,
      Integer rejectedCount,
      int indexedCount,
      OffsetDateTime indexedAt,
      String statusDetail,
      String sha256) {

    /** Times are shown as institutions file them: Asia/Shanghai (REPORTING-SPEC §9). */
    public FilingSummary {
      receivedAt = shanghai(receivedAt);
      indexedAt = shanghai(indexedAt);
    }

    private static OffsetDateTime shanghai(OffsetDateTime time) {
      return time == null ? null : time.atZoneSameInstant(SHANGHAI).toOffsetDateTime();
    }
  }

  private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");

  /** A line of the validation report. */
  public record ReportedFinding(
      String rule,
      String severity,
      Integer record,
      String field,
      String messageZh,
      String messageEn) {}

  private final JdbcClient jdbc;

  InstitutionFilings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<FilingSummary> recent(String uscc, int limit) {
    return jdbc.sql(SELECT + " WHERE institution_uscc = :uscc ORDER BY seq DESC LIMIT :limit")
        .param("uscc", uscc)
        .param("limit", limit)
        .query(FilingSummary.class)
        .list();
  }

  public Optional<FilingSummary> find(String uscc, String filingId) {
    return jdbc.sql(SELECT + " WHERE institution_uscc = :uscc AND filing_id = :id")
        .param("uscc", uscc)
        .param("id", filingId)
        .query(FilingSummary.class)
        .optional();
  }

  /** The report of a filing of this institution; empty for anyone else's filing. */
  public List<ReportedFinding> findings(String uscc, String filingId) {
    return jdbc.sql(
            """
            SELECT v.rule, v.severity, v.record_index AS record, v.field, v.message_zh, v.message_en
              FROM validation_finding v JOIN filing f ON f.filing_id = v.filing_id
             WHERE f.institution_uscc = :uscc AND v.filing_id = :id
             ORDER BY v.id
            """)
        .param("uscc", uscc)
        .param("id", filingId)
        .query(ReportedFinding.class)
        .list();
  }

  private static final String SELECT =
      """
      SELECT filing_id, filing_type, period, channel, mode, received_at, status, record_count,
             accepted_count, rejected_count, indexed_count, indexed_at, status_detail, sha256
        FROM filing
      """;
}

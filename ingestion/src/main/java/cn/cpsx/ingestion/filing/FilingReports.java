package cn.cpsx.ingestion.filing;

import cn.cpsx.schemas.ReportingTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A filing's status and validation report, as its institution sees it on every channel (REST and
 * SOAP status calls, the SFTP {@code outbox/…result.json}). Read with the institution's USCC, so
 * another institution's filing id finds nothing.
 */
@Component
public class FilingReports {

  /** What an institution sees of its filing. */
  public record FilingStatus(
      String filingId,
      String filingType,
      String channel,
      String mode,
      OffsetDateTime receivedAt,
      String sha256,
      String status,
      String statusDetail,
      Integer recordCount,
      Integer acceptedCount,
      Integer rejectedCount,
      int indexedCount,
      OffsetDateTime indexedAt,
      List<ReportedFinding> findings) {

    /** Times as institutions file them: Asia/Shanghai (§9), like the receipt's. */
    public FilingStatus {
      receivedAt = shanghai(receivedAt);
      indexedAt = shanghai(indexedAt);
    }
  }

  private static OffsetDateTime shanghai(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime();
  }

  /** A line of the institution's list of filings (no findings: ask for the filing for those). */
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
      Integer rejectedCount) {

    public FilingSummary {
      receivedAt = shanghai(receivedAt);
    }
  }

  /** Most filings one list answer holds. */
  public static final int MAX_LIST = 1000;

  /** One line of the validation report. */
  public record ReportedFinding(
      String rule,
      String severity,
      Integer record,
      String field,
      String messageZh,
      String messageEn) {}

  private final JdbcClient jdbc;

  FilingReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The institution's own filings, newest first, optionally of one type and one period (the period
   * as filed: {@code 2026-Q3}, {@code 2025}). Every query takes its USCC.
   */
  public List<FilingSummary> list(String uscc, String filingType, String period, int limit) {
    return jdbc.sql(
            """
            SELECT filing_id, filing_type, period, channel, mode, received_at, status,
                   record_count, accepted_count, rejected_count
              FROM filing
             WHERE institution_uscc = :uscc
               AND (CAST(:type AS TEXT) IS NULL OR filing_type = :type)
               AND (CAST(:period AS TEXT) IS NULL OR period = :period)
             ORDER BY seq DESC LIMIT :limit
            """)
        .param("uscc", uscc)
        .param("type", filingType)
        .param("period", period)
        .param("limit", Math.clamp(limit, 1, MAX_LIST))
        .query(FilingSummary.class)
        .list();
  }

  public Optional<FilingStatus> find(String filingId, String uscc) {
    FilingStatus filing =
        jdbc.sql(
                """
                SELECT filing_id, filing_type, channel, mode, received_at, sha256, status,
                       status_detail, record_count, accepted_count, rejected_count,
                       indexed_count, indexed_at
                  FROM filing WHERE filing_id = :id AND institution_uscc = :uscc
                """)
            .param("id", filingId)
            .param("uscc", uscc)
            .query(
                (rs, i) ->
                    new FilingStatus(
                        rs.getString("filing_id"),
                        rs.getString("filing_type"),
                        rs.getString("channel"),
                        rs.getString("mode"),
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getString("sha256"),
                        rs.getString("status"),
                        rs.getString("status_detail"),
                        (Integer) rs.getObject("record_count"),
                        (Integer) rs.getObject("accepted_count"),
                        (Integer) rs.getObject("rejected_count"),
                        rs.getInt("indexed_count"),
                        rs.getObject("indexed_at", OffsetDateTime.class),
                        List.of()))
            .optional()
            .orElse(null);
    if (filing == null) {
      return Optional.empty();
    }
    List<ReportedFinding> findings =
        jdbc.sql(
                """
                SELECT rule, severity, record_index, field, message_zh, message_en
                  FROM validation_finding WHERE filing_id = :id ORDER BY id
                """)
            .param("id", filingId)
            .query(
                (rs, i) ->
                    new ReportedFinding(
                        rs.getString("rule"),
                        rs.getString("severity"),
                        (Integer) rs.getObject("record_index"),
                        rs.getString("field"),
                        rs.getString("message_zh"),
                        rs.getString("message_en")))
            .list();
    return Optional.of(
        new FilingStatus(
            filing.filingId(),
            filing.filingType(),
            filing.channel(),
            filing.mode(),
            filing.receivedAt(),
            filing.sha256(),
            filing.status(),
            filing.statusDetail(),
            filing.recordCount(),
            filing.acceptedCount(),
            filing.rejectedCount(),
            filing.indexedCount(),
            filing.indexedAt(),
            findings));
  }
}

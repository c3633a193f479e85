package cn.cpsx.portal.filing;

import cn.cpsx.schemas.CasesCsv;
import cn.cpsx.schemas.FilingOutcome;
import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.schemas.database.FilingStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one read model of filings in the portal: a filing's line (status, counts, indexing) and its
 * validation report with the explanations that answer it. The institution's own list and detail
 * read it with the institution's USCC in every query (never filtered in the view); the regulator's
 * filings board reads any institution's filing through the same records and the same SQL.
 */
@Component
public class FilingRecords {

  /** A line of the filings list. */
  public record FilingSummary(
      String filingId,
      String institutionUscc,
      String filingType,
      String period,
      String channel,
      String mode,
      OffsetDateTime receivedAt,
      FilingStatus status,
      Integer recordCount,
      Integer acceptedCount,
      Integer rejectedCount,
      int indexedCount,
      OffsetDateTime indexedAt,
      String statusDetail,
      String sha256,
      String format) {

    /** Times are shown as institutions file them: Asia/Shanghai (REPORTING-SPEC §9). */
    public FilingSummary {
      receivedAt = shanghai(receivedAt);
      indexedAt = shanghai(indexedAt);
    }

    private static OffsetDateTime shanghai(OffsetDateTime time) {
      return time == null ? null : time.atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime();
    }

    /**
     * The outcome in words (REPORTING-SPEC §5, §9 "Records vs filing"): a message key of {@code
     * filings.verdict.*} and its arguments, or null while the filing is not yet checked.
     */
    public Verdict verdict() {
      if (status == null || !status.validated()) {
        return null;
      }
      int total = recordCount == null ? 0 : recordCount;
      int rejected = rejectedCount == null ? 0 : rejectedCount;
      boolean cases = "CASES".equals(filingType) && total > 0;
      if (status == FilingStatus.REJECTED) {
        // the same rule batch-jobs applied: over the limit only when records decided it
        return cases
                && rejected > 0
                && FilingOutcome.ofRecords(total, rejected, false) == FilingOutcome.REJECTED
            ? new Verdict("overLimit", rejected, total, percent(rejected, total), total - rejected)
            : new Verdict("rejectedWhole");
      }
      if (!cases) {
        return new Verdict(
            status == FilingStatus.ACCEPTED_WITH_WARNINGS ? "acceptedWarnings" : "accepted");
      }
      if (rejected > 0) {
        return new Verdict("partial", rejected, total, percent(rejected, total), total - rejected);
      }
      return new Verdict(
          status == FilingStatus.ACCEPTED_WITH_WARNINGS ? "allRecordsWarnings" : "allRecords",
          total);
    }

    /**
     * A rejected filing keeps nothing, a test filing is never indexed, nor is anything but cases.
     */
    public boolean searchable() {
      return "CASES".equals(filingType)
          && "LIVE".equals(mode)
          && status != null
          && status.accepted()
          && indexedAt != null;
    }

    /**
     * Why the cases of this filing are not searchable, as a {@code filings.notSearchable.*} key.
     */
    public String notSearchableReason() {
      if (!"CASES".equals(filingType)) {
        return "notCases";
      }
      if ("TEST".equals(mode)) {
        return "test";
      }
      if (status == FilingStatus.REJECTED) {
        return "rejected";
      }
      return "notYet";
    }

    private static java.math.BigDecimal percent(int part, int whole) {
      return java.math.BigDecimal.valueOf(part * 100L)
          .divide(java.math.BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_UP)
          .stripTrailingZeros();
    }
  }

  /** A sentence of the report: {@code filings.verdict.<key>} with its arguments. */
  public record Verdict(String key, Object... args) {}

  /**
   * A line of the validation report.
   *
   * @param explanation the institution's answer to a warning (REPORTING-SPEC §4.1), or null
   * @param explainedIn the filing that carried the answer
   */
  public record ReportedFinding(
      String rule,
      String severity,
      Integer record,
      String field,
      String messageZh,
      String messageEn,
      String explanation,
      String explainedIn) {}

  private final JdbcClient jdbc;

  FilingRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<FilingSummary> recent(String uscc, int limit) {
    return jdbc.sql(SELECT + " WHERE institution_uscc = :uscc ORDER BY seq DESC LIMIT :limit")
        .param("uscc", uscc)
        .param("limit", limit)
        .query(FilingSummary.class)
        .list();
  }

  /** Any institution's filing, for the regulator's board. */
  public Optional<FilingSummary> find(String filingId) {
    return jdbc.sql(SELECT + " WHERE filing_id = :id")
        .param("id", filingId)
        .query(FilingSummary.class)
        .optional();
  }

  /** The regulator's view of any filing's report. */
  public List<ReportedFinding> findings(String filingId) {
    return jdbc.sql(FINDINGS + " WHERE v.filing_id = :id ORDER BY v.id")
        .param("id", filingId)
        .query(ReportedFinding.class)
        .list();
  }

  /** An institution's own filing; empty for anyone else's. */
  public Optional<FilingSummary> find(String uscc, String filingId) {
    return jdbc.sql(SELECT + " WHERE institution_uscc = :uscc AND filing_id = :id")
        .param("uscc", uscc)
        .param("id", filingId)
        .query(FilingSummary.class)
        .optional();
  }

  /**
   * Where each record of a CSV filing stands in its file (element {@code i}: the row of the record
   * with index {@code i}, header = 1), so the report can name the line people see in their editor;
   * empty for JSON and XML filings.
   */
  public List<Integer> csvRecordRows(FilingSummary filing) {
    if (!"CSV".equals(filing.format())) {
      return List.of();
    }
    return jdbc.sql("SELECT raw FROM filing WHERE filing_id = ?")
        .param(filing.filingId())
        .query(byte[].class)
        .optional()
        .map(CasesCsv::recordRows)
        .orElse(List.of());
  }

  /** The report of a filing of this institution; empty for anyone else's filing. */
  public List<ReportedFinding> findings(String uscc, String filingId) {
    return jdbc.sql(
            """
            """
                + FINDINGS
                + """
             WHERE f.institution_uscc = :uscc AND v.filing_id = :id
             ORDER BY v.id
            """)
        .param("uscc", uscc)
        .param("id", filingId)
        .query(ReportedFinding.class)
        .list();
  }

  /**
   * Findings with the newest explanation that answers each (schemas/README.md, "Explanations"): one
   * from the same institution, in this filing or a later one, for the same rule and the same record
   * — its index or its caseNo — or, for a finding on the whole filing, naming the filing or its
   * period.
   */
  private static final String FINDINGS =
      """
      SELECT v.rule, v.severity, v.record_index AS record, v.field, v.message_zh, v.message_en,
             e.text AS explanation, e.filing_id AS explained_in
        FROM validation_finding v
        JOIN filing f ON f.filing_id = v.filing_id
        LEFT JOIN complaint_case_version c
               ON c.filing_id = v.filing_id AND c.record_index = v.record_index
        LEFT JOIN LATERAL (
             SELECT x.text, x.filing_id FROM filing_explanation x
               JOIN filing xf ON xf.filing_id = x.filing_id
              WHERE xf.institution_uscc = f.institution_uscc AND xf.seq >= f.seq
                AND v.severity = 'WARNING' AND x.rule = v.rule
                AND (x.record = v.record_index::text OR x.record = c.case_no
                     OR (v.record_index IS NULL AND x.record IN (f.filing_id, f.period)))
              ORDER BY xf.seq DESC LIMIT 1) e ON true
      """;

  private static final String SELECT =
      """
      SELECT filing_id, institution_uscc, filing_type, period, channel, mode, received_at, status, record_count,
             accepted_count, rejected_count, indexed_count, indexed_at, status_detail, sha256, format
        FROM filing
      """;
}

package cn.cpsx.portal.complaint;

import cn.cpsx.schemas.CaseFields;
import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.search.document.CaseSearchDocument;
import cn.cpsx.search.privacy.PersonalDataMasker;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One case as PostgreSQL (the system of record) holds it: its current version and every version
 * filed before, masked exactly as the index masks them unless a reveal was asked for and audited.
 */
@Component
public class CaseDetails {

  private static final JsonMapper JSON = JsonMapper.shared();

  /** A field as shown: {@code codeList} is empty for fields that are not codes. */
  public record Field(String name, String codeList, String value) {

    /** A date-time field in Asia/Shanghai (REPORTING-SPEC §9), or null for any other field. */
    public OffsetDateTime time() {
      if (!name.endsWith("At")) {
        return null;
      }
      try {
        return OffsetDateTime.parse(value).atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime();
      } catch (java.time.format.DateTimeParseException e) {
        return null; // as filed, should an old version hold something else
      }
    }
  }

  /** One filed version of the case, newest first in {@link CaseView#versions()}. */
  public record Version(
      String filingId, long filingSeq, OffsetDateTime filedAt, String channel, List<Field> fields) {
    public String value(String name) {
      return fields.stream()
          .filter(f -> f.name().equals(name))
          .findFirst()
          .map(Field::value)
          .orElse(null);
    }
  }

  /**
   * @param revealed true when personal data are shown unmasked (a supervisor's audited reveal)
   */
  public record CaseView(
      String institution,
      String institutionName,
      String caseNo,
      boolean revealed,
      List<Version> versions) {
    public Version current() {
      return versions.getFirst();
    }

    /**
     * The handling deadline of the current version (REPORTING-SPEC §2.1, computed as the index
     * computes it), in Asia/Shanghai.
     */
    public OffsetDateTime deadline() {
      String receivedAt = current().value("receivedAt");
      if (receivedAt == null) {
        return null;
      }
      return CaseSearchDocument.deadline(
              OffsetDateTime.parse(receivedAt), "true".equals(current().value("extended")))
          .atZoneSameInstant(ReportingTime.ZONE)
          .toOffsetDateTime();
    }

    /** Still being handled: its status does not end the handling. */
    public boolean open() {
      return !CaseFilters.CLOSED_STATUSES.contains(current().value("status"));
    }

    /** Open and past its deadline now, as the search's overdue filter judges it. */
    public boolean overdue() {
      OffsetDateTime deadline = deadline();
      return open() && deadline != null && deadline.toInstant().isBefore(Instant.now());
    }
  }

  private final JdbcClient jdbc;

  CaseDetails(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The case masked, or empty when no accepted live filing holds it. */
  public Optional<CaseView> masked(String institution, String caseNo) {
    return find(institution, caseNo, false);
  }

  /** The case with personal data in clear: callers write the audit line first. */
  public Optional<CaseView> revealed(String institution, String caseNo) {
    return find(institution, caseNo, true);
  }

  private record Row(
      String institutionName,
      String filingId,
      long filingSeq,
      OffsetDateTime filedAt,
      String channel,
      String record) {}

  private Optional<CaseView> find(String institution, String caseNo, boolean reveal) {
    List<Row> rows =
        jdbc.sql(
                """
                SELECT i.short_name AS institution_name, v.filing_id, v.filing_seq,
                       f.received_at AS filed_at, f.channel, v.record::text AS record
                  FROM complaint_case_version v
                  JOIN filing f ON f.filing_id = v.filing_id
                  LEFT JOIN institution i ON i.uscc = v.institution_uscc
                 WHERE v.institution_uscc = :institution AND v.case_no = :caseNo
                 ORDER BY v.filing_seq DESC
                """)
            .param("institution", institution)
            .param("caseNo", caseNo)
            .query(Row.class)
            .list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<Version> versions = new ArrayList<>();
    for (Row row : rows) {
      JsonNode record = JSON.readTree(row.record());
      if (!reveal) {
        record = PersonalDataMasker.caseRecord(record);
      }
      versions.add(
          new Version(
              row.filingId(),
              row.filingSeq(),
              row.filedAt().atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime(),
              row.channel(),
              fields(record)));
    }
    return Optional.of(
        new CaseView(institution, rows.getFirst().institutionName(), caseNo, reveal, versions));
  }

  private static List<Field> fields(JsonNode record) {
    List<Field> fields = new ArrayList<>();
    for (String field : CaseFields.ALL) {
      JsonNode value = record.at("/" + field.replace('.', '/'));
      if (!value.isMissingNode() && !value.isNull()) {
        fields.add(
            new Field(field, CaseFields.CODE_LISTS.getOrDefault(field, ""), value.asString()));
      }
    }
    return fields;
  }
}

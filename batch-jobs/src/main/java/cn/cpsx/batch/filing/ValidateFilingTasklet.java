package cn.cpsx.batch.filing;

import cn.cpsx.batch.institution.InstitutionRegistry;
import cn.cpsx.schemas.FilingContext;
import cn.cpsx.schemas.FilingHistory;
import cn.cpsx.schemas.FilingValidation;
import cn.cpsx.schemas.FilingValidator;
import cn.cpsx.schemas.database.FilingStatus;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Validates one filing and records the outcome in one transaction: findings, accepted data (case
 * versions, statistics, self-assessment), explanations and the filing's status land together or not
 * at all, so a crash mid-way leaves the filing as it was and a rerun starts clean. A filing already
 * validated is left alone.
 */
class ValidateFilingTasklet implements Tasklet {

  private final String filingId;
  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final FilingValidator validator;
  private final InstitutionRegistry registry;
  private final FilingHistory history;

  ValidateFilingTasklet(
      String filingId,
      JdbcClient jdbc,
      FilingValidator validator,
      InstitutionRegistry registry,
      FilingHistory history,
      JdbcTemplate jdbcTemplate) {
    this.filingId = filingId;
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.validator = validator;
    this.registry = registry;
    this.history = history;
  }

  record InboxFiling(
      String filingId,
      long seq,
      String uscc,
      OffsetDateTime receivedAt,
      String channel,
      String originalName,
      byte[] raw,
      boolean done) {}

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    InboxFiling filing =
        jdbc.sql(
                """
                SELECT filing_id, seq, institution_uscc, received_at, channel, original_name, raw,
                       validated_at IS NOT NULL AS done
                  FROM filing WHERE filing_id = ? FOR UPDATE
                """)
            .param(filingId)
            .query(
                (rs, i) ->
                    new InboxFiling(
                        rs.getString("filing_id"),
                        rs.getLong("seq"),
                        rs.getString("institution_uscc"),
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getString("channel"),
                        rs.getString("original_name"),
                        rs.getBytes("raw"),
                        rs.getBoolean("done")))
            .optional()
            .orElseThrow(() -> new IllegalArgumentException("no filing " + filingId));
    if (filing.done()) {
      return RepeatStatus.FINISHED;
    }
    FilingContext context =
        new FilingContext(
            filing.uscc(), filing.receivedAt().toInstant(), registry::isActive, history);
    // A file from SFTP is judged by its name too (F010); REST carries JSON, SOAP XML.
    FilingValidation result =
        switch (filing.channel()) {
          case "SFTP" -> validator.validateSftpFile(filing.raw(), filing.originalName(), context);
          case "SOAP" -> validator.validateXml(filing.raw(), context);
          default -> validator.validateJson(filing.raw(), context);
        };
    batch(
        """
        INSERT INTO validation_finding (filing_id, rule, severity, record_index, field,
                                        message_zh, message_en)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        result.findings().stream()
            .map(
                finding ->
                    new Object[] {
                      filingId,
                      finding.rule().name(),
                      finding.severity().name(),
                      finding.record(),
                      finding.field(),
                      finding.messageZh(),
                      finding.messageEn()
                    })
            .toList());
    // TEST filings are checked exactly like live ones, but nothing of them is kept as data (§4.1).
    if (result.isLive() && result.outcome().countsAsAccepted()) {
      storeCaseVersions(filing, result.acceptedCases());
      if (result.document() != null) {
        jdbc.sql(
                """
                INSERT INTO periodic_report (filing_id, filing_seq, institution_uscc, filing_type,
                                             period, supersedes, document)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                """)
            .params(
                filingId,
                filing.seq(),
                filing.uscc(),
                result.filingType(),
                result.period(),
                result.supersedes(),
                result.document().toString())
            .update();
      }
    }
    for (FilingValidation.Explanation explanation : result.explanations()) {
      jdbc.sql("INSERT INTO filing_explanation (filing_id, rule, record, text) VALUES (?, ?, ?, ?)")
          .params(filingId, explanation.rule(), explanation.record(), explanation.text())
          .update();
    }
    contribution.incrementWriteCount(result.acceptedCases().size());
    jdbc.sql(
            """
            UPDATE filing SET status = :status, mode = COALESCE(:mode, mode),
                   filing_type = COALESCE(:type, filing_type), period = :period,
                   record_count = :records, accepted_count = :accepted,
                   rejected_count = :rejected, validated_at = now(),
                   status_detail = NULL
             WHERE filing_id = :id
            """)
        .param("status", FilingStatus.of(result.outcome()).name())
        .param("mode", result.mode())
        .param("type", result.filingType())
        .param("period", result.period())
        .param("records", result.totalRecords())
        .param(
            "accepted",
            result.outcome().countsAsAccepted()
                ? result.totalRecords() - result.rejectedRecords()
                : 0)
        .param("rejected", result.rejectedRecords())
        .param("id", filingId)
        .update();
    return RepeatStatus.FINISHED;
  }

  /**
   * Keeps every version; the current case is the one from the newest filing (receipt order). The
   * versions go in one {@code COPY} (each record serialised, sent and parsed into JSONB once); the
   * current cases are then upserted from the rows just written, so the record is not sent twice.
   *
   * <p>The versions need no conflict handling: their key holds the filing's own sequence, this
   * filing is validated once (its row is locked and {@code validated_at} checked above) and a
   * filing accepts no case number twice (C006).
   */
  private void storeCaseVersions(InboxFiling filing, List<FilingValidation.AcceptedCase> accepted) {
    if (accepted.isEmpty()) {
      return;
    }
    jdbcTemplate.execute(
        (ConnectionCallback<Long>)
            connection -> {
              CopyIn copy =
                  connection
                      .unwrap(PGConnection.class)
                      .getCopyAPI()
                      .copyIn(
                          """
                          COPY complaint_case_version (institution_uscc, case_no, filing_id,
                                                       filing_seq, record_index, record)
                          FROM STDIN
                          """);
              try {
                StringBuilder rows = new StringBuilder(1 << 16);
                for (FilingValidation.AcceptedCase c : accepted) {
                  copyField(rows, filing.uscc()).append('\t');
                  copyField(rows, c.caseNo()).append('\t');
                  copyField(rows, filing.filingId()).append('\t');
                  rows.append(filing.seq()).append('\t').append(c.index()).append('\t');
                  copyField(rows, c.record().toString()).append('\n');
                  if (rows.length() >= 1 << 16) {
                    send(copy, rows);
                  }
                }
                send(copy, rows);
                return copy.endCopy();
              } finally {
                if (copy.isActive()) {
                  copy.cancelCopy();
                }
              }
            });
    jdbc.sql(
            """
            INSERT INTO complaint_case (institution_uscc, case_no, filing_id, filing_seq,
                                        received_at, status, record)
            SELECT institution_uscc, case_no, filing_id, filing_seq,
                   (record ->> 'receivedAt')::timestamptz, record ->> 'status', record
              FROM complaint_case_version
             WHERE filing_id = ?
             ORDER BY record_index
            ON CONFLICT (institution_uscc, case_no) DO UPDATE
               SET filing_id = excluded.filing_id, filing_seq = excluded.filing_seq,
                   received_at = excluded.received_at, status = excluded.status,
                   record = excluded.record
             WHERE complaint_case.filing_seq <= excluded.filing_seq
            """)
        .param(filing.filingId())
        .update();
  }

  /** A value in COPY's text format: backslash, tab and line breaks escaped. */
  private static StringBuilder copyField(StringBuilder out, String value) {
    if (!needsEscape(value)) {
      return out.append(value); // nearly always: the record's JSON escapes its own line breaks
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out;
  }

  private static boolean needsEscape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  private static void send(CopyIn copy, StringBuilder rows) throws SQLException {
    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    rows.setLength(0);
  }

  private void batch(String sql, List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += 1000) {
      jdbcTemplate.batchUpdate(sql, rows.subList(from, Math.min(from + 1000, rows.size())));
    }
  }
}

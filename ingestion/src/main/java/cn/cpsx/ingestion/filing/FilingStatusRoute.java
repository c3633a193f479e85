package cn.cpsx.ingestion.filing;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Status and validation report of one filing, for the institution that filed it. Another
 * institution's filing id is answered exactly like an unknown one.
 */
@Component
class FilingStatusRoute extends RouteBuilder {

  static final String INSTITUTION_HEADER = "CpsxInstitution";

  /** What an institution sees of its filing. */
  record FilingStatus(
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
      List<ReportedFinding> findings) {}

  /** One line of the validation report. */
  record ReportedFinding(
      String rule,
      String severity,
      Integer record,
      String field,
      String messageZh,
      String messageEn) {}

  private final JdbcClient jdbc;

  FilingStatusRoute(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void configure() {
    from("direct:filing-status")
        .routeId("filing-status")
        .process(
            exchange -> {
              String filingId = exchange.getMessage().getHeader("filingId", String.class);
              String uscc = exchange.getMessage().getHeader(INSTITUTION_HEADER, String.class);
              exchange.getMessage().setBody(find(filingId, uscc));
            });
  }

  private FilingStatus find(String filingId, String uscc) {
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
            .orElseThrow(
                () ->
                    new FilingRejection(
                        404,
                        new FilingRejection.IntakeError(
                            null,
                            "本机构没有编号为 " + filingId + " 的报送",
                            "This institution has no filing " + filingId)));
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
    return new FilingStatus(
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
        findings);
  }
}

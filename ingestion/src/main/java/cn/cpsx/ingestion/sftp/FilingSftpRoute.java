package cn.cpsx.ingestion.sftp;

import cn.cpsx.ingestion.filing.FilingEnvelope;
import cn.cpsx.ingestion.filing.FilingRejection;
import cn.cpsx.ingestion.filing.FilingReports;
import cn.cpsx.ingestion.filing.IncomingFiling;
import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.Rule;
import cn.cpsx.schemas.SftpFileName;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Takes completed uploads from every institution's {@code inbox/} (closed by the institution and
 * size unchanged for 2 s, §9), files each through the one inbox route, and answers in {@code
 * outbox/}: the receipt at once, the validation result once batch-jobs has checked the filing. The
 * folder a file lies in says which institution filed it: only that institution can write there.
 */
@Component
@ConditionalOnBean(SftpGateway.class)
class FilingSftpRoute extends RouteBuilder {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final SftpGateway gateway;
  private final SftpProperties properties;
  private final SftpOutbox outbox;
  private final FilingReports reports;
  private final JdbcClient jdbc;

  FilingSftpRoute(
      SftpGateway gateway,
      SftpProperties properties,
      SftpOutbox outbox,
      FilingReports reports,
      JdbcClient jdbc) {
    this.gateway = gateway;
    this.properties = properties;
    this.outbox = outbox;
    this.reports = reports;
    this.jdbc = jdbc;
  }

  @Override
  public void configure() {
    // Uploads still open at the gateway are skipped, however long their size stands still.
    getContext().getRegistry().bind("sftpOpenUploads", gateway.openUploads());
    // An upload cut off before it was closed was deleted unread: its result says so (F001).
    gateway.onCutOffUpload(
        (uscc, fileName) -> {
          Finding f001 = Finding.variant(Rule.F001, "interrupted", null, null);
          writeRefusal(
              uscc,
              fileName,
              new FilingRejection.IntakeError("F001", f001.messageZh(), f001.messageEn()));
        });
    String consumer =
        "sftp://"
            + SftpGateway.GATEWAY_USER
            + "@127.0.0.1:"
            + properties.port()
            + "/?password=RAW("
            + gateway.gatewayPassword()
            + ")&recursive=true&antInclude=*/inbox/*&antExclude=**/.*,**/*.part,**/*.filepart"
            + "&readLock=changed&readLockMinAge=2000&readLockCheckInterval=1000&readLockTimeout=60000"
            + "&move=.received/${file:onlyname}.${date:now:yyyyMMddHHmmssSSS}"
            + "&moveFailed=.failed/${file:onlyname}.${date:now:yyyyMMddHHmmssSSS}"
            + "&filter=#sftpOpenUploads"
            + "&binary=true&delay=1000&maxMessagesPerPoll=100"
            + "&strictHostKeyChecking=no&useUserKnownHostsFile=false&autoCreate=false";

    from(consumer)
        .routeId("sftp-take-filing")
        .process(this::toIncomingFiling)
        .doTry()
        .to("direct:receive-filing")
        .process(
            exchange ->
                outbox.write(
                    exchange.getProperty("uscc", String.class),
                    exchange.getProperty("fileName", String.class) + ".receipt.json",
                    exchange.getMessage().getBody()))
        .doCatch(FilingRejection.class)
        .process(this::refusedAtTheDoor)
        .end();

    from("timer:sftp-results?period=3000&delay=3000")
        .routeId("sftp-deliver-results")
        .process(exchange -> deliverResults());
  }

  private void toIncomingFiling(Exchange exchange) {
    String path = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
    String[] parts = path.split("/");
    String uscc = parts[0];
    String fileName = parts[parts.length - 1];
    byte[] raw = exchange.getMessage().getBody(byte[].class);
    String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
    FilingEnvelope envelope =
        switch (SftpFileName.parse(fileName, LocalDate.now(SHANGHAI))) {
          case SftpFileName.Valid valid when extension.equals("json") ->
              FilingEnvelope.probeJson(raw);
          case SftpFileName.Valid valid ->
              new FilingEnvelope(
                  valid.name().uscc(),
                  valid.name().filingType(),
                  valid.name().test() ? "TEST" : "LIVE",
                  valid.name().filingType().equals("CASES") ? null : valid.name().period());
          default -> new FilingEnvelope(null, null, null, null); // F010 in the result
        };
    IncomingFiling.Format format =
        switch (extension) {
          case "csv" -> IncomingFiling.Format.CSV;
          case "xml" -> IncomingFiling.Format.XML;
          default -> IncomingFiling.Format.JSON;
        };
    exchange.setProperty("uscc", uscc);
    exchange.setProperty("fileName", fileName);
    exchange
        .getMessage()
        .setBody(
            new IncomingFiling(uscc, IncomingFiling.Channel.SFTP, format, fileName, envelope, raw));
  }

  /** A file refused before it is stored (F005): its result says so, and no receipt is written. */
  private void refusedAtTheDoor(Exchange exchange) {
    FilingRejection rejection =
        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, FilingRejection.class);
    writeRefusal(
        exchange.getProperty("uscc", String.class),
        exchange.getProperty("fileName", String.class),
        rejection.error());
  }

  /** A result without a receipt: the file was never filed, and this says which rule refused it. */
  private void writeRefusal(String uscc, String fileName, FilingRejection.IntakeError error) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("fileName", fileName);
    result.put("status", "REJECTED");
    result.put(
        "findings",
        List.of(
            Map.of(
                "rule", error.rule(),
                "severity", "ERROR",
                "messageZh", error.messageZh(),
                "messageEn", error.messageEn())));
    outbox.write(uscc, fileName + ".result.json", result);
  }

  /** Writes the result of every SFTP filing validated since the last round, once. */
  private void deliverResults() {
    List<Map<String, Object>> due =
        jdbc.sql(
                """
                SELECT filing_id, institution_uscc, original_name FROM filing
                 WHERE channel = 'SFTP' AND validated_at IS NOT NULL AND result_delivered_at IS NULL
                 ORDER BY seq LIMIT 200
                """)
            .query()
            .listOfRows();
    for (Map<String, Object> filing : due) {
      String filingId = (String) filing.get("filing_id");
      String uscc = ((String) filing.get("institution_uscc")).trim();
      reports
          .find(filingId, uscc)
          .ifPresent(
              report -> outbox.write(uscc, filing.get("original_name") + ".result.json", report));
      jdbc.sql("UPDATE filing SET result_delivered_at = now() WHERE filing_id = ?")
          .param(filingId)
          .update();
    }
  }
}

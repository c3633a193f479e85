package cn.cpsx.ingestion.filing;

import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.Rule;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one route every channel ends in: refuse a filing that names another institution (F005), then
 * commit it to the inbox and answer with the receipt.
 */
@Component
class ReceiveFilingRoute extends RouteBuilder {

  private final FilingInbox inbox;
  private final JdbcClient jdbc;

  ReceiveFilingRoute(FilingInbox inbox, JdbcClient jdbc) {
    this.inbox = inbox;
    this.jdbc = jdbc;
  }

  @Override
  public void configure() {
    from("direct:receive-filing")
        .routeId("receive-filing")
        // Refusals go back to the calling channel's route, which answers in its own way.
        .errorHandler(noErrorHandler())
        .process(
            exchange -> {
              IncomingFiling filing = exchange.getMessage().getBody(IncomingFiling.class);
              String named = filing.envelope().institution();
              if (named != null && !named.equals(filing.institutionUscc())) {
                audit(filing, named);
                throw new FilingRejection(
                    403,
                    Finding.of(Rule.F005, null, "institution", named, filing.institutionUscc()));
              }
              exchange.getMessage().setBody(inbox.receive(filing));
            })
        .log("filing ${body.filingId} received, sha256 ${body.sha256}");
  }

  /** A filing naming another institution is refused and written down: who tried, for whom. */
  private void audit(IncomingFiling filing, String named) {
    jdbc.sql(
            """
            INSERT INTO audit_log (actor, action, subject, detail)
            VALUES (?, 'FILING_REFUSED_F005', ?, jsonb_build_object('channel', ?::text, 'fileName', ?::text))
            """)
        .params(filing.institutionUscc(), named, filing.channel().name(), filing.originalName())
        .update();
  }
}

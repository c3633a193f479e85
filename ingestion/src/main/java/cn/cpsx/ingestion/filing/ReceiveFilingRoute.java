package cn.cpsx.ingestion.filing;

import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.Rule;
import cn.cpsx.schemas.Uscc;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one route every channel ends in: refuse an empty filing (F001) and one that names a malformed
 * USCC (F004) or another institution (F005), then one over the institution's filings a minute (429,
 * {@link IntakeRateLimit}), then commit it to the inbox and answer with the receipt.
 */
@Component
class ReceiveFilingRoute extends RouteBuilder {

  private final FilingInbox inbox;
  private final IntakeRateLimit rateLimit;
  private final JdbcClient jdbc;

  ReceiveFilingRoute(FilingInbox inbox, IntakeRateLimit rateLimit, JdbcClient jdbc) {
    this.inbox = inbox;
    this.rateLimit = rateLimit;
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
              if (filing.raw().length == 0) {
                throw new FilingRejection(
                    400,
                    Finding.of(Rule.F001, null, null, filing.format().name(), "empty document"));
              }
              String named = filing.envelope().institution();
              if (named != null && !named.equals(filing.institutionUscc())) {
                if (!Uscc.isValid(named)) {
                  // The filer learns first that the USCC itself is wrong, not only that it differs.
                  throw new FilingRejection(400, Finding.of(Rule.F004, null, "institution", named));
                }
                audit(filing, named);
                throw new FilingRejection(
                    403,
                    Finding.of(Rule.F005, null, "institution", named, filing.institutionUscc()));
              }
              rateLimit.take(
                  filing); // last: a refusal for its content does not use up the allowance
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

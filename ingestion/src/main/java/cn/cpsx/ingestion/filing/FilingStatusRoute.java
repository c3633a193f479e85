package cn.cpsx.ingestion.filing;

import cn.cpsx.ingestion.IntakeError;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Status and validation report of one filing, for the institution that filed it. Another
 * institution's filing id is answered exactly like an unknown one.
 */
@Component
class FilingStatusRoute extends RouteBuilder {

  static final String INSTITUTION_HEADER = "CpsxInstitution";

  private final FilingReports reports;

  FilingStatusRoute(FilingReports reports) {
    this.reports = reports;
  }

  @Override
  public void configure() {
    from("direct:filing-status")
        .routeId("filing-status")
        // Refusals go back to the calling channel's route, which answers in its own way.
        .errorHandler(noErrorHandler())
        .process(
            exchange -> {
              String filingId = exchange.getMessage().getHeader("filingId", String.class);
              String uscc = exchange.getMessage().getHeader(INSTITUTION_HEADER, String.class);
              exchange
                  .getMessage()
                  .setBody(
                      reports
                          .find(filingId, uscc)
                          .orElseThrow(
                              () ->
                                  new FilingRejection(
                                      404,
                                      new IntakeError(
                                          null,
                                          "本机构没有编号为 " + filingId + " 的报送",
                                          "This institution has no filing " + filingId))));
            });
  }
}

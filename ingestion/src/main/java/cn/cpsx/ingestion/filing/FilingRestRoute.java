package cn.cpsx.ingestion.filing;

import cn.cpsx.ingestion.IntakeError;
import cn.cpsx.ingestion.security.AuthenticatedInstitution;
import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.Rule;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** REST channel of REPORTING-SPEC §4: {@code /api/v1/filings}. */
@Component
class FilingRestRoute extends RouteBuilder {

  private static final String OPENAPI = resource("/openapi/filings-v1.yaml");
  private static final String FILING_XSD = resource("/xsd/filing-v1.xsd");

  private final IntakeLimits limits;
  private final FilingReports reports;

  FilingRestRoute(IntakeLimits limits, FilingReports reports) {
    this.limits = limits;
    this.reports = reports;
  }

  @Override
  public void configure() {
    restConfiguration().bindingMode(RestBindingMode.off);

    // The OpenAPI document is the contract in schemas/, served as it is.
    rest("/api/v1")
        .get("/openapi.yaml")
        .id("rest-openapi")
        .produces("application/yaml")
        .to("direct:rest-openapi")
        .get("/filing-v1.xsd")
        .id("rest-filing-xsd")
        .produces("application/xml")
        .to("direct:rest-filing-xsd");
    from("direct:rest-filing-xsd")
        .routeId("rest-filing-xsd")
        .setHeader(Exchange.CONTENT_TYPE, constant("application/xml"))
        .setBody(constant(FILING_XSD));
    from("direct:rest-openapi")
        .routeId("rest-openapi")
        .setHeader(Exchange.CONTENT_TYPE, constant("application/yaml"))
        .setBody(constant(OPENAPI));

    rest("/api/v1/filings")
        .post()
        .id("rest-submit-filing")
        .to("direct:rest-submit-filing")
        .get()
        .id("rest-list-filings")
        .to("direct:rest-list-filings")
        .get("/{filingId}")
        .id("rest-filing-status")
        .to("direct:rest-filing-status");

    from("direct:rest-submit-filing")
        .routeId("rest-submit-filing")
        .routeConfigurationId(IntakeErrorHandling.REST_ERRORS)
        .process(this::toIncomingFiling)
        .to("direct:receive-filing")
        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
        .process(JsonAnswer::write);

    from("direct:rest-list-filings")
        .routeId("rest-list-filings")
        .routeConfigurationId(IntakeErrorHandling.REST_ERRORS)
        .process(this::listFilings)
        .process(JsonAnswer::write);

    from("direct:rest-filing-status")
        .routeId("rest-filing-status")
        .routeConfigurationId(IntakeErrorHandling.REST_ERRORS)
        .process(
            exchange ->
                exchange
                    .getMessage()
                    .setHeader(
                        FilingStatusRoute.INSTITUTION_HEADER,
                        AuthenticatedInstitution.of(request(exchange)).uscc()))
        .to("direct:filing-status")
        .process(JsonAnswer::write);
  }

  /** {@code GET /api/v1/filings?type=…&period=…&limit=…}: the institution's own filings. */
  private void listFilings(Exchange exchange) {
    HttpServletRequest request = request(exchange);
    String type = blankToNull(request.getParameter("type"));
    if (type != null && !List.of("CASES", "STATS_Q", "SELF_ASSESSMENT").contains(type)) {
      throw new FilingRejection(
          400,
          new IntakeError(
              null,
              "参数 type 须为 CASES、STATS_Q 或 SELF_ASSESSMENT",
              "Parameter type must be CASES, STATS_Q or SELF_ASSESSMENT"));
    }
    int limit = 100;
    String limitText = blankToNull(request.getParameter("limit"));
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        throw new FilingRejection(
            400,
            new IntakeError(
                null, "参数 limit 须为 1–1000 的整数", "Parameter limit must be a whole number 1–1000"));
      }
    }
    exchange
        .getMessage()
        .setBody(
            reports.list(
                AuthenticatedInstitution.of(request).uscc(),
                type,
                blankToNull(request.getParameter("period")),
                limit));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private void toIncomingFiling(Exchange exchange) {
    HttpServletRequest request = request(exchange);
    AuthenticatedInstitution institution = AuthenticatedInstitution.of(request);
    String contentType = request.getContentType();
    if (!isJson(contentType)) {
      throw new FilingRejection(
          415,
          Finding.variant(
              Rule.F001,
              "restContentType",
              null,
              null,
              contentType == null ? "missing" : shortened(contentType)));
    }
    if (request.getContentLengthLong() > limits.maxFilingBytes()) {
      throw limits.tooLarge();
    }
    // An empty body has no stream at all; it is F001 like any empty filing (receive-filing).
    InputStream body = exchange.getMessage().getBody(InputStream.class);
    byte[] raw = body == null ? new byte[0] : limits.readBounded(body);
    FilingEnvelope envelope = FilingEnvelope.probeJson(raw);
    exchange
        .getMessage()
        .setBody(
            new IncomingFiling(
                institution.uscc(),
                IncomingFiling.Channel.REST,
                IncomingFiling.Format.JSON,
                null,
                envelope,
                raw));
  }

  /**
   * application/json, with or without parameters (a charset), as the spec and the OpenAPI document
   * name it; not anything that merely starts so ({@code application/jsonp}), nor another {@code
   * +json} type.
   */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException unreadable) {
      return false;
    }
  }

  private static String shortened(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "…";
  }

  private static String resource(String name) {
    try (var in = FilingRestRoute.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("missing " + name, e);
    }
  }

  private static HttpServletRequest request(Exchange exchange) {
    PlatformHttpMessage message = exchange.getIn(PlatformHttpMessage.class);
    if (message == null) {
      throw new IllegalStateException("not an HTTP exchange: " + exchange.getIn().getClass());
    }
    return message.getRequest();
  }
}

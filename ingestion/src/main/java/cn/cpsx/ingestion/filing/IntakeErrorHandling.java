package cn.cpsx.ingestion.filing;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/** Error handling of the HTTP routes: refusals become JSON errors naming the rule. */
@Component
class IntakeErrorHandling extends RouteConfigurationBuilder {

  static final String REST_ERRORS = "rest-errors";

  @Override
  public void configuration() {
    routeConfiguration(REST_ERRORS)
        .onException(FilingRejection.class)
        .handled(true)
        .process(
            exchange -> {
              FilingRejection rejection =
                  exchange.getProperty(Exchange.EXCEPTION_CAUGHT, FilingRejection.class);
              exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, rejection.httpStatus());
              exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
              if (rejection.retryAfterSeconds() > 0) {
                exchange.getMessage().setHeader("Retry-After", rejection.retryAfterSeconds());
              }
              exchange.getMessage().setBody(rejection.error());
            })
        .process(JsonAnswer::write);
  }
}

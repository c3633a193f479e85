package cn.cpsx.ingestion.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The route every channel ends in, on its own: Camel with {@code receive-filing}, the intake's
 * error handling and the real per-institution rate limit (two a minute here), the inbox replaced by
 * a mock (it needs PostgreSQL). What reaches the inbox, what is refused with which rule and status,
 * and what the HTTP channels answer for a refusal. Seconds, no server.
 */
@SpringBootTest(
    classes = {
      ReceiveFilingRoute.class,
      IntakeErrorHandling.class,
      IntakeRateLimit.class,
      ReceiveFilingRouteTest.Slice.class
    })
@ImportAutoConfiguration(CamelAutoConfiguration.class)
class ReceiveFilingRouteTest {

  static final String BANK = "91110000770914530P";
  static final String OTHER_BANK = "911100009665537194";

  /** Banks only the rate-limit test files for: their allowance is untouched by the others. */
  static final String BUSY_BANK = "91110000416538280L";

  static final String CALM_BANK = "911100003159648543";

  @TestConfiguration(proxyBeanMethods = false)
  static class Slice {
    @Bean
    IntakeLimits intakeLimits() {
      return new IntakeLimits(1024, 2);
    }

    /** What the REST and SOAP routes do with a refusal: the intake's error handling. */
    @Bean
    RouteBuilder httpChannel() {
      return new RouteBuilder() {
        @Override
        public void configure() {
          from("direct:http-channel")
              .routeId("http-channel")
              .routeConfigurationId(IntakeErrorHandling.REST_ERRORS)
              .to("direct:receive-filing")
              .process(JsonAnswer::write);
        }
      };
    }
  }

  @Autowired CamelContext camel;
  @Autowired ProducerTemplate template;

  @MockitoBean FilingInbox inbox;

  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
  JdbcClient jdbc;

  MockEndpoint received;

  @BeforeEach
  void adviseAndStart() throws Exception {
    if (camel.hasEndpoint("mock:received") == null) {
      // once per context: every receipt the route hands back to its channel also goes to
      // mock:received
      AdviceWith.adviceWith(
          camel, "receive-filing", route -> route.weaveAddLast().to("mock:received"));
    }
    received = camel.getEndpoint("mock:received", MockEndpoint.class);
    received.reset();
    when(inbox.receive(any()))
        .thenAnswer(
            call ->
                new FilingReceipt(
                    "F-20261202-000001",
                    OffsetDateTime.parse("2026-12-02T10:00:00+08:00"),
                    FilingInbox.sha256(call.<IncomingFiling>getArgument(0).raw()),
                    "RECEIVED"));
  }

  @Test
  void aFilingOfItsOwnInstitutionIsCommittedAndItsReceiptHandedBack() throws Exception {
    received.expectedMessageCount(1);

    Exchange exchange = send(filing(BANK, "{\"institution\":\"" + BANK + "\"}"));

    received.assertIsSatisfied();
    assertThat(exchange.getException()).isNull();
    FilingReceipt receipt = exchange.getMessage().getBody(FilingReceipt.class);
    assertThat(receipt.filingId()).isEqualTo("F-20261202-000001");
    assertThat(receipt.status()).isEqualTo("RECEIVED");
    verify(inbox).receive(any());
  }

  @Test
  void anEmptyFilingIsRefusedWithF001AndNeverReachesTheInbox() throws Exception {
    received.expectedMessageCount(0);

    Exchange exchange = send(filing(BANK, ""));

    assertThat(exchange.getException())
        .isInstanceOfSatisfying(
            FilingRejection.class,
            r -> {
              assertThat(r.httpStatus()).isEqualTo(400);
              assertThat(r.error().rule()).isEqualTo("F001");
            });
    received.assertIsSatisfied();
    verifyNoInteractions(inbox);
  }

  @Test
  void aFilingNamingAnotherInstitutionIsRefusedWithF005AndWrittenToTheAuditLog() throws Exception {
    Exchange exchange = send(filing(BANK, "{\"institution\":\"" + OTHER_BANK + "\"}"));

    assertThat(exchange.getException())
        .isInstanceOfSatisfying(
            FilingRejection.class,
            r -> {
              assertThat(r.httpStatus()).isEqualTo(403);
              assertThat(r.error().rule()).isEqualTo("F005");
            });
    verify(jdbc).sql(contains("'FILING_REFUSED_F005'"));
    verifyNoInteractions(inbox);
  }

  @Test
  void aMalformedUsccIsToldAsF004BeforeItIsComparedAndNothingIsAudited() throws Exception {
    Exchange exchange = send(filing(BANK, "{\"institution\":\"91110000770914530X\"}"));

    assertThat(exchange.getException())
        .isInstanceOfSatisfying(
            FilingRejection.class, r -> assertThat(r.error().rule()).isEqualTo("F004"));
    verify(jdbc, never()).sql(any());
    verifyNoInteractions(inbox);
  }

  @Test
  void refusedFilingsDoNotUseUpTheAllowanceAndTheThirdInAMinuteIsToldWhenToComeBack()
      throws Exception {
    for (int i = 0; i < 3; i++) {
      send(filing(BUSY_BANK, "")); // refused for its content: costs nothing
    }
    assertThat(send(filing(BUSY_BANK, "{}")).getException()).isNull();
    assertThat(send(filing(BUSY_BANK, "{}")).getException()).isNull();

    Exchange third =
        template.send("direct:http-channel", e -> e.getMessage().setBody(filing(BUSY_BANK, "{}")));

    assertThat(third.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(429);
    assertThat(third.getMessage().getHeader("Retry-After", Long.class)).isBetween(1L, 30L);
    assertThat(third.getMessage().getBody(String.class))
        .contains("Too many filings: at most 2 a minute");
    // another institution has an allowance of its own
    assertThat(send(filing(CALM_BANK, "{}")).getException()).isNull();
  }

  @Test
  void aRefusalReachesTheHttpChannelAsJsonNamingTheRuleInBothLanguages() throws Exception {
    Exchange exchange =
        template.send("direct:http-channel", e -> e.getMessage().setBody(filing(BANK, "")));

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
    assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE))
        .isEqualTo("application/json");
    assertThat(exchange.getMessage().getBody(String.class))
        .contains("\"rule\":\"F001\"")
        .contains("\"messageZh\":")
        .contains("\"messageEn\":");
  }

  private Exchange send(IncomingFiling filing) {
    return template.send("direct:receive-filing", e -> e.getMessage().setBody(filing));
  }

  private static IncomingFiling filing(String authenticatedAs, String json) {
    byte[] raw = json.getBytes(StandardCharsets.UTF_8);
    return new IncomingFiling(
        authenticatedAs,
        IncomingFiling.Channel.REST,
        IncomingFiling.Format.JSON,
        null,
        FilingEnvelope.probeJson(raw),
        raw);
  }
}

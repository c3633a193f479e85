package cn.cpsx.ingestion.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-institution intake limit over REST, with the limit set to 3 a minute: the fourth filing
 * of a minute is refused with 429, {@code Retry-After} and a message in both languages, and is not
 * stored; another institution files meanwhile as if nothing happened.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cpsx.intake.filings-per-minute=3")
@ActiveProfiles("it")
class IntakeRateLimitIT {

  // banks no other intake test files for, so their allowance is this test's alone
  static final String BANK = "91110000075238464B";
  static final String OTHER_BANK = "91110000239579569M";

  static String bankToken;
  static String otherBankToken;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void tokens() throws Exception {
    bankToken = KeycloakTokens.forInstitution(BANK);
    otherBankToken = KeycloakTokens.forInstitution(OTHER_BANK);
  }

  @Test
  void theFilingOverTheLimitIsRefusedWithWhenToComeBackAndNothingStored() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(post(bankToken, FilingRestIT.casesFiling(BANK, "RL-" + UUID.randomUUID())))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(202);
    }
    byte[] fourth = FilingRestIT.casesFiling(BANK, "RL-" + UUID.randomUUID());

    HttpResponse<String> refused = post(bankToken, fourth);

    assertThat(refused.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    JsonNode error = JsonMapper.shared().readTree(refused.body());
    assertThat(error.get("messageZh").asString()).contains("每分钟最多 3 份");
    assertThat(error.get("messageEn").asString()).contains("at most 3 a minute");
    assertThat(
            jdbc.sql("SELECT count(*) FROM filing WHERE sha256 = ?")
                .param(FilingInbox.sha256(fourth))
                .query(Long.class)
                .single())
        .as("a refused filing is not stored")
        .isZero();

    assertThat(
            post(otherBankToken, FilingRestIT.casesFiling(OTHER_BANK, "RL-" + UUID.randomUUID())))
        .extracting(HttpResponse::statusCode)
        .as("another institution's allowance is its own")
        .isEqualTo(202);
  }

  private HttpResponse<String> post(String token, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/filings"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

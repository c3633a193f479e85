package cn.cpsx.ingestion.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A real Keycloak token presented after it expired (the realm's tokens live 15 minutes; this app's
 * clock runs 30 minutes ahead): refused on REST and SOAP, nothing stored. Part of the hostile-input
 * run of issue 16; its own application context because of the clock (its SFTP gateway on a port of
 * its own).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cpsx.sftp.port=18023",
      "cpsx.sftp.root=target/sftp-it/expired-token-root",
      "cpsx.sftp.host-key=target/sftp-it/expired-token-host-key.ser"
    })
@ActiveProfiles("it")
// Closed after the class: left cached, its own SFTP intake (another root) would keep polling the
// shared test database and deliver FilingSftpIT's results into its own outbox.
@DirtiesContext
class ExpiredTokenIT {

  @TestConfiguration
  static class HalfAnHourLater {
    @Bean
    @Primary
    Clock halfAnHourLater() {
      return Clock.offset(Clock.systemUTC(), Duration.ofMinutes(30));
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void anExpiredTokenIsRefusedOnRestAndSoapAndNothingIsStored() throws Exception {
    String token = KeycloakTokens.forInstitution(FilingRestIT.BANK);
    long before = filings();
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> rest =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/filings"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        FilingRestIT.casesFiling(FilingRestIT.BANK, "EXP-" + UUID.randomUUID())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> soap =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services/filing"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        HostileInputIT.envelope(
                            HostileInputIT.filingXml(
                                FilingRestIT.BANK, "EXP-" + UUID.randomUUID(), "客户称"))))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(rest.statusCode()).isEqualTo(401);
    assertThat(rest.body()).contains("bearer token").doesNotContain("Exception");
    assertThat(rest.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(soap.statusCode()).isEqualTo(500);
    assertThat(soap.body()).contains("<FilingFault", "bearer token").doesNotContain("<rule>");
    assertThat(filings()).isEqualTo(before);
  }

  private long filings() {
    return jdbc.sql("SELECT count(*) FROM filing WHERE institution_uscc = ?")
        .param(FilingRestIT.BANK)
        .query(Long.class)
        .single();
  }
}

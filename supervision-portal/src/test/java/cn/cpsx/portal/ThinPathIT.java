package cn.cpsx.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole thin path on real servers: an institution files a CASES filing over REST with its
 * client-credentials token; ingestion stores it and answers with a receipt; batch-jobs validates
 * and indexes it; an analyst signs in to the portal through Keycloak and finds the case by a
 * Chinese word of its narrative, with the complainant's phone number masked.
 *
 * <p>Ingestion and batch-jobs run as the jars the build just packaged, as separate processes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
class ThinPathIT {

  static final String BANK = "91110000770914530P";
  static final int INGESTION_PORT = 18091;
  static final int BATCH_PORT = 18092;
  static final String PORTAL = "http://localhost:18090";

  static final List<Process> apps = new ArrayList<>();

  @BeforeAll
  static void startIngestionAndBatchJobs() throws Exception {
    apps.add(AppProcesses.start("ingestion", INGESTION_PORT, "thin-path-ingestion"));
    apps.add(
        AppProcesses.start(
            "batch-jobs",
            BATCH_PORT,
            "thin-path-batch-jobs",
            "--cpsx.registry.import-location=classpath:registry/demo-institutions.csv"));
    AppProcesses.awaitHealthy(INGESTION_PORT);
    AppProcesses.awaitHealthy(BATCH_PORT);
  }

  @AfterAll
  static void stopApps() {
    apps.forEach(Process::destroy);
  }

  @Test
  void filedCaseIsFoundByAnAnalystThroughTheRealChannels() throws Exception {
    String caseNo = "THIN-" + UUID.randomUUID().toString().substring(0, 8);
    String body =
        """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[
          {"caseNo":"%s","receivedAt":"%s","channel":"ONLINE","businessCategory":"DEBIT_CARD",
           "reason":"OPERATIONS","demand":"CORRECTION","region":"440305",
           "complainant":{"name":"赵某","phone":"13700001111"},
           "narrative":"客户反映手机银行转账限额被无故调低，联系电话13700001111，要求恢复原限额。",
           "status":"RECEIVED"}]}
        """
            .formatted(
                BANK, caseNo, OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0));

    HttpResponse<String> receipt =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + INGESTION_PORT + "/api/v1/filings"))
                    .header("Authorization", "Bearer " + KeycloakTokens.institution(BANK))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(receipt.statusCode()).isEqualTo(202);
    assertThat(receipt.body()).contains("\"status\":\"RECEIVED\"");

    BrowserSession analyst = new BrowserSession();
    String search =
        PORTAL
            + "/regulator/cases?institution="
            + BANK
            + "&q="
            + URLEncoder.encode("转账限额", StandardCharsets.UTF_8);
    assertThat(analyst.open(search, "analyst", "analyst").statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              String page = analyst.get(search).body();
              assertThat(page).contains(caseNo).containsPattern("<em>[^<]*转账[^<]*</em>");
              assertThat(page).doesNotContain("13700001111").contains("137****1111");
            });
  }

  @Test
  void anInstitutionUserCannotOpenTheRegulatorSearch() throws Exception {
    HttpResponse<String> page =
        new BrowserSession().open(PORTAL + "/regulator/cases", "officer", "officer");

    assertThat(page.statusCode()).isEqualTo(403);
  }

  @Test
  void anonymousVisitorsAreSentToSignIn() throws Exception {
    HttpResponse<String> page = new BrowserSession().get(PORTAL + "/regulator/cases");

    assertThat(page.uri().toString()).startsWith("http://localhost:18080/realms/cpsx/");
  }
}

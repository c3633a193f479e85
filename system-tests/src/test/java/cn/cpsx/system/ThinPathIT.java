package cn.cpsx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cpsx.portal.BrowserSession;
import cn.cpsx.portal.KeycloakTokens;
import cn.cpsx.portal.PortalApi;
import cn.cpsx.system.AppProcesses.App;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole thin path on real servers: an institution files a CASES filing over REST with its
 * client-credentials token; ingestion stores it and answers with a receipt; batch-jobs validates
 * and indexes it; an analyst signs in to the portal through Keycloak and finds the case by a
 * Chinese word of its narrative, with the complainant's phone number masked.
 *
 * <p>All three apps run as the jars the build just packaged, as separate processes.
 */
class ThinPathIT {

  static final String BANK = "91110000770914530P";
  static final int INGESTION_PORT = 18091;
  static final int BATCH_PORT = 18092;

  /** The port the test realm lets the portal client return to after sign-in. */
  static final int PORTAL_PORT = 18090;

  static final String PORTAL = PortalApi.PORTAL;

  static final List<Process> apps = new ArrayList<>();

  final JdbcClient jdbc = TestStack.database();

  @BeforeAll
  static void startTheApps() throws Exception {
    // batch-jobs first: it migrates the test database the others then find ready
    apps.add(AppProcesses.start(App.BATCH_JOBS, BATCH_PORT, "thin-path-batch-jobs"));
    AppProcesses.awaitHealthy(BATCH_PORT);
    apps.add(AppProcesses.start(App.INGESTION, INGESTION_PORT, "thin-path-ingestion"));
    apps.add(
        AppProcesses.start(
            App.PORTAL,
            PORTAL_PORT,
            "thin-path-portal",
            // the recompute script pages through the open data far faster than §12's 60 a minute
            "--cpsx.open-data.rate-limit.requests-per-minute=1000000",
            "--cpsx.open-data.rate-limit.page-requests-per-minute=1000000"));
    AppProcesses.awaitHealthy(INGESTION_PORT);
    AppProcesses.awaitHealthy(PORTAL_PORT);
  }

  @AfterAll
  static void stopApps() throws InterruptedException {
    AppProcesses.stop(apps);
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

  /**
   * The public contract end to end: cases filed over REST are validated, rated by the batch-jobs
   * process for the current quarter, published by a supervisor through the portal, and every
   * published grade of the quarter is recomputed from the open data alone by the script anyone can
   * run (scripts/open-data/recompute_ratings.py).
   */
  @Test
  void aQuarterFiledThroughTheChannelsIsRatedPublishedAndRecomputedFromTheOpenDataAlone()
      throws Exception {
    OffsetDateTime received = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).withNano(0);
    String quarter = received.getYear() + "-Q" + ((received.getMonthValue() - 1) / 3 + 1);
    String prefix = "RATE-" + UUID.randomUUID().toString().substring(0, 8);
    String body =
        """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[
          {"caseNo":"%s-1","receivedAt":"%s","channel":"REGULATOR","businessCategory":"CREDIT_CARD",
           "reason":"FEES","demand":"REFUND","region":"110105","status":"RESOLVED",
           "resolvedAt":"%s","outcome":"UPHELD","satisfaction":"SATISFIED",
           "narrative":"客户称信用卡年费未经告知即被扣收，要求退还年费。"},
          {"caseNo":"%s-2","receivedAt":"%s","channel":"PHONE","businessCategory":"DEPOSIT",
           "reason":"SERVICE_QUALITY","demand":"APOLOGY","region":"110105","status":"IN_PROGRESS",
           "narrative":"客户到网点办理取款排队两小时，对服务态度不满。"}]}
        """
            .formatted(BANK, prefix, received, received, prefix, received);
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
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM complaint_case WHERE case_no LIKE ?")
                        .param(prefix + "-%")
                        .query(Long.class)
                        .single()
                    == 2);

    PortalApi supervisor = PortalApi.as("supervisor");
    HttpResponse<String> requested =
        supervisor.post("/regulator/ratings/runs", "period=" + quarter);
    assertThat(requested.statusCode()).isEqualTo(302);
    String location = requested.headers().firstValue("Location").orElseThrow();
    long run = Long.parseLong(location.substring(location.indexOf("run=") + 4));
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                jdbc.sql("SELECT computed_at IS NOT NULL FROM rating_run WHERE id = ?")
                    .param(run)
                    .query(Boolean.class)
                    .single());
    // The 10-day objection window would hold this test for days: close it in the database.
    jdbc.sql("UPDATE rating SET objection_deadline = current_date - 2 WHERE run_id = ?")
        .param(run)
        .update();
    assertThat(supervisor.post("/regulator/ratings/runs/" + run + "/publish", "").statusCode())
        .isEqualTo(302);

    JsonNode published =
        PortalApi.anonymous().json("/api/open/v1/ratings?period=" + quarter + "&q=" + BANK);
    JsonNode bank = published.get("items").get(0);
    assertThat(bank.get("uscc").asString()).isEqualTo(BANK);
    assertThat(bank.get("provisional").asBoolean()).isTrue();
    assertThat(bank.get("factors").get(0).get("figures").get("complaints").asLong())
        .isGreaterThanOrEqualTo(2);

    // decimals written out in full: an empty share is 0.0000000000, never 0E-10
    assertThat(PortalApi.anonymous().get("/api/open/v1/ratings?period=" + quarter).body())
        .doesNotContainPattern("[0-9][eE]-[0-9]");

    Process script =
        new ProcessBuilder(
                "python3",
                Path.of("..", "scripts", "open-data", "recompute_ratings.py").toString(),
                "--base-url",
                PORTAL,
                "--period",
                quarter)
            .redirectErrorStream(true)
            .start();
    String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(script.exitValue()).as(output).isZero();
    assertThat(output).contains("0 disagreement");
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

package cn.cpsx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cpsx.portal.KeycloakTokens;
import cn.cpsx.system.AppProcesses.App;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Receipts given, then ingestion is killed (SIGKILL) before anything validated them: after a
 * restart every receipted filing is there, the same bytes still get the same receipt, and once
 * batch-jobs runs each filing is validated exactly once.
 */
class IngestionCrashIT {

  static final String BANK = "91110000770914530P";
  static final int INGESTION_PORT = 18094;
  static final int BATCH_PORT = 18095;
  static final Pattern FILING_ID = Pattern.compile("\"filingId\"\\s*:\\s*\"([^\"]+)\"");

  final JdbcClient jdbc = TestStack.database();

  final List<Process> apps = new ArrayList<>();

  @AfterEach
  void stopApps() throws InterruptedException {
    AppProcesses.stop(apps);
  }

  @Test
  void everyReceiptedFilingSurvivesAKillAndIsValidatedOnce() throws Exception {
    String token = KeycloakTokens.institution(BANK);
    Process ingestion = AppProcesses.start(App.INGESTION, INGESTION_PORT, "crash-ingestion");
    apps.add(ingestion);
    AppProcesses.awaitHealthy(INGESTION_PORT);
    List<String> bodies = new ArrayList<>();
    List<String> receipts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String body = filing("CRASH-" + UUID.randomUUID());
      bodies.add(body);
      receipts.add(filingId(post(token, body)));
    }

    ingestion.destroyForcibly().waitFor();
    apps.remove(ingestion);
    assertThat(countValidated(receipts)).as("nothing validated them yet").isZero();

    apps.add(AppProcesses.start(App.INGESTION, INGESTION_PORT, "crash-ingestion"));
    AppProcesses.awaitHealthy(INGESTION_PORT);
    assertThat(filingId(post(token, bodies.getFirst()))).isEqualTo(receipts.getFirst());
    apps.add(AppProcesses.start(App.BATCH_JOBS, BATCH_PORT, "crash-batch-jobs"));
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> countValidated(receipts) == receipts.size());

    for (String filingId : receipts) {
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM validation_finding WHERE filing_id = ? AND rule = 'C009'")
                  .param(filingId)
                  .query(Long.class)
                  .single())
          .as("one short-narrative warning, found once, for " + filingId)
          .isEqualTo(1);
    }
  }

  private long countValidated(List<String> filingIds) {
    return filingIds.stream()
        .filter(
            id ->
                jdbc.sql("SELECT validated_at IS NOT NULL FROM filing WHERE filing_id = ?")
                    .param(id)
                    .query(Boolean.class)
                    .single())
        .count();
  }

  private static String post(String token, String body) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + INGESTION_PORT + "/api/v1/filings"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(202);
    return response.body();
  }

  private static String filingId(String receipt) {
    Matcher m = FILING_ID.matcher(receipt);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** One case whose only problem is a too-short narrative (C009): exactly one finding. */
  private static String filing(String caseNo) {
    return """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[
          {"caseNo":"%s","receivedAt":"%s","channel":"PHONE","businessCategory":"DEPOSIT",
           "reason":"FEES","demand":"REFUND","region":"110101","narrative":"收费不合理","status":"RECEIVED"}]}
        """
        .formatted(
            BANK, caseNo, OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0));
  }
}

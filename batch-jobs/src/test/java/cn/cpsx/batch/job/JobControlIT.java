package cn.cpsx.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job control over HTTP with real Keycloak tokens: who may call it, and an operator's whole round
 * with a job that fails at a planned point (reportJob without its Chinese font, as in
 * ReportJobRestartIT): start, follow it to FAILED with the cause, restart that execution once the
 * font is there, follow the restart to COMPLETED.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class JobControlIT {

  static final Path FONTS = tempDirectory();
  static final Path FONT = FONTS.resolve("DroidSansFallbackFull.ttf");

  @DynamicPropertySource
  static void fontNotThereYet(DynamicPropertyRegistry registry) {
    registry.add("cpsx.report.font", FONT::toString);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  @AfterAll
  static void removeFont() throws IOException {
    Files.deleteIfExists(FONT);
    Files.deleteIfExists(FONTS);
  }

  @Test
  void withoutATokenEveryJobAddressAnswers401() throws Exception {
    for (HttpRequest.Builder request :
        List.of(
            get("/jobs"),
            post("/jobs/case-reindex"),
            post("/jobs/rating?period=2025"),
            get("/jobs/executions/1"),
            post("/jobs/executions/1/restart"))) {
      HttpResponse<String> answer = send(request);
      assertThat(answer.statusCode()).as(answer.request().uri().toString()).isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }
    HttpResponse<String> forged =
        send(post("/jobs/hot-spots").header("Authorization", "Bearer x.y.z"));
    assertThat(forged.statusCode()).as("a token Keycloak did not sign").isEqualTo(401);
    assertThat(send(get("/actuator/health")).statusCode()).as("health stays open").isEqualTo(200);
  }

  @Test
  void aRegulatorOrAnInstitutionTokenIsRefusedWith403() throws Exception {
    for (String user : List.of("analyst", "supervisor", "officer")) {
      String token = OperatorTokens.user(user);
      assertThat(send(get("/jobs").header("Authorization", "Bearer " + token)).statusCode())
          .as(user + " lists jobs")
          .isEqualTo(403);
      assertThat(
              send(post("/jobs/hot-spots").header("Authorization", "Bearer " + token)).statusCode())
          .as(user + " starts a job")
          .isEqualTo(403);
    }
    assertThat(
            send(get("/jobs").header("Authorization", "Bearer " + OperatorTokens.user("admin")))
                .statusCode())
        .as("an administrator may")
        .isEqualTo(200);
  }

  @Test
  void anOperatorStartsFollowsAndRestartsAFailedExecution() throws Exception {
    String token = "Bearer " + OperatorTokens.operations();

    JsonNode jobs = json(send(get("/jobs").header("Authorization", token)), 200);
    assertThat(jobs.get("jobs").valueStream().map(JsonNode::asString))
        .containsExactly("audit-chain", "case-reindex", "hot-spots", "rating", "report");
    assertThat(
            send(post("/jobs/report?period=2025-Q9").header("Authorization", token)).statusCode())
        .as("a wrong period")
        .isEqualTo(400);
    assertThat(send(post("/jobs/no-such-job").header("Authorization", token)).statusCode())
        .isEqualTo(404);

    String period = freeYear() + "-Q2";
    HttpResponse<String> started =
        send(post("/jobs/report?period=" + period).header("Authorization", token));
    JsonNode first = json(started, 202);
    long firstId = first.get("id").asLong();
    assertThat(started.headers().firstValue("Location")).hasValue("/jobs/executions/" + firstId);
    assertThat(first.get("job").asString()).isEqualTo("reportJob");
    assertThat(first.get("parameters").has("reportId")).isTrue();

    JsonNode failed = followUntilDone(firstId, token);
    assertThat(failed.get("status").asString()).isEqualTo("FAILED");
    assertThat(failed.get("failure").asString())
        .as("the cause is reported, not dropped")
        .contains(FONT.toString());
    assertThat(failed.get("restartable").asBoolean()).isTrue();
    assertThat(
            failed
                .get("steps")
                .valueStream()
                .map(s -> s.get("step").asString() + "=" + s.get("status").asString()))
        .containsExactly("collectReportFiguresStep=COMPLETED", "renderReportStep=FAILED");

    Files.copy(Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), FONT);
    JsonNode restarted =
        json(
            send(post("/jobs/executions/" + firstId + "/restart").header("Authorization", token)),
            202);
    long secondId = restarted.get("id").asLong();
    assertThat(secondId).isNotEqualTo(firstId);
    assertThat(restarted.get("instanceId").asLong()).isEqualTo(first.get("instanceId").asLong());

    JsonNode completed = followUntilDone(secondId, token);
    assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.get("failure").isNull()).isTrue();
    assertThat(completed.get("steps").valueStream().map(s -> s.get("step").asString()))
        .as("the restart runs only what the failed execution left")
        .containsExactly("renderReportStep");
    assertThat(
            jdbc.sql("SELECT status FROM report_version WHERE id = ?")
                .param(first.get("parameters").get("reportId").asLong())
                .query(String.class)
                .single())
        .isEqualTo("DRAFT");

    assertThat(
            send(post("/jobs/executions/" + secondId + "/restart").header("Authorization", token))
                .statusCode())
        .as("a completed execution is not restarted")
        .isEqualTo(409);
    JsonNode recent = json(send(get("/jobs/report").header("Authorization", token)), 200);
    assertThat(recent.valueStream().map(r -> r.get("id").asLong()).limit(2))
        .as("newest first")
        .containsExactly(secondId, firstId);
  }

  private JsonNode followUntilDone(long executionId, String token) {
    return await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                json(
                    send(get("/jobs/executions/" + executionId).header("Authorization", token)),
                    200),
            run -> !List.of("STARTING", "STARTED").contains(run.get("status").asString()));
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
  }

  private HttpRequest.Builder post(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.noBody());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JsonMapper.shared().readTree(response.body());
  }

  /** A year without report versions (cases in it do not matter to this test). */
  private int freeYear() {
    int year;
    do {
      year = ThreadLocalRandom.current().nextInt(1200, 1400);
    } while (jdbc.sql("SELECT count(*) FROM report_version WHERE period LIKE ? || '%'")
            .param(String.valueOf(year))
            .query(Long.class)
            .single()
        > 0);
    return year;
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory("cpsx-job-control-fonts");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

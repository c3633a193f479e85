package cn.cpsx.portal.job;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SFTP intake as ingestion reports it ({@code actuator/health/sftp}: backlog, oldest waiting
 * upload, last file taken; nothing personal), so a stall shows on the processing page. Asked on
 * each page view with a short timeout: the page never waits on a stuck ingestion.
 */
@Component
class SftpIntakeStatus {

  /** What the page shows; {@code state} UP, DOWN (stalled) or UNREACHABLE. */
  record Snapshot(
      String state,
      Integer backlog,
      Long oldestWaitingSeconds,
      Long stallAfterSeconds,
      String lastTakenAt,
      String lastTakenFile,
      String lastOutcome,
      Long takenSinceStart,
      Long setAsideSinceStart) {

    static Snapshot unreachable() {
      return new Snapshot("UNREACHABLE", null, null, null, null, null, null, null, null);
    }

    public boolean stalled() {
      return "DOWN".equals(state);
    }
  }

  private final URI health;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  SftpIntakeStatus(
      @Value("${cpsx.portal.ingestion-sftp-health:http://127.0.0.1:8081/actuator/health/sftp}")
          URI health) {
    this.health = health;
  }

  Snapshot now() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      // a stalled intake answers 503 with the same body
      JsonNode body = JsonMapper.shared().readTree(response.body());
      JsonNode component = body.path("components").path("sftpIntake");
      JsonNode details = component.path("details");
      if (details.isMissingNode()) {
        details = body.path("details");
      }
      return new Snapshot(
          body.path("status").asString("UNREACHABLE"),
          details.has("backlog") ? details.get("backlog").asInt() : null,
          details.has("oldestWaitingSeconds") ? details.get("oldestWaitingSeconds").asLong() : null,
          details.has("stallAfterSeconds") ? details.get("stallAfterSeconds").asLong() : null,
          details.path("lastTakenAt").asString(null),
          details.path("lastTakenFile").asString(null),
          details.path("lastOutcome").asString(null),
          details.has("takenSinceStart") ? details.get("takenSinceStart").asLong() : null,
          details.has("setAsideSinceStart") ? details.get("setAsideSinceStart").asLong() : null);
    } catch (Exception e) {
      return Snapshot.unreachable();
    }
  }
}

package cn.cpsx.portal.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The processing page reads ingestion's SFTP health as ingestion writes it, stalls included. */
class SftpIntakeStatusTest {

  private static SftpIntakeStatus.Snapshot served(int status, String body) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/actuator/health/sftp",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    try {
      return new SftpIntakeStatus(
              URI.create(
                  "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health/sftp"))
          .now();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aStalledIntakeIsShownWithItsOldestWaitingUpload() throws Exception {
    SftpIntakeStatus.Snapshot snapshot =
        served(
            503,
            """
            {"status":"DOWN","components":{"sftpIntake":{"status":"DOWN","details":{
              "lastTakenAt":"2026-12-02T03:00:00Z","lastTakenFile":"91110000770914530P/inbox/a.json",
              "lastOutcome":"RECEIPT","takenSinceStart":7,"setAsideSinceStart":1,"backlog":3,
              "oldestWaitingSince":"2026-12-02T03:01:00Z","oldestWaitingSeconds":95,
              "stallAfterSeconds":60}}}}
            """);
    assertThat(snapshot.stalled()).isTrue();
    assertThat(snapshot.backlog()).isEqualTo(3);
    assertThat(snapshot.oldestWaitingSeconds()).isEqualTo(95L);
    assertThat(snapshot.lastTakenFile()).isEqualTo("91110000770914530P/inbox/a.json");
    assertThat(snapshot.setAsideSinceStart()).isEqualTo(1L);
  }

  @Test
  void aSilentIngestionIsUnreachableNotUp() {
    SftpIntakeStatus.Snapshot snapshot =
        new SftpIntakeStatus(URI.create("http://127.0.0.1:9/actuator/health/sftp")).now();
    assertThat(snapshot.state()).isEqualTo("UNREACHABLE");
    assertThat(snapshot.stalled()).isFalse();
  }
}

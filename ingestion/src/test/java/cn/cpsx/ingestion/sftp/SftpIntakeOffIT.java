package cn.cpsx.ingestion.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingestion without its SFTP intake ({@code cpsx.sftp.enabled=false}) starts, serves no gateway,
 * and says so where operators and the portal look ({@code actuator/health/sftp}). It did not start:
 * the {@code sftp} health group named a component that did not exist.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cpsx.sftp.enabled=false")
@ActiveProfiles("it")
class SftpIntakeOffIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void startsWithoutTheGatewayAndTheSftpHealthSaysItIsOff() throws Exception {
    assertThat(context.getBeanNamesForType(SftpGateway.class)).isEmpty();

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/sftp"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode intake =
        JsonMapper.shared().readTree(response.body()).path("components").path("sftpIntake");
    assertThat(intake.path("status").asString()).isEqualTo("UNKNOWN");
    assertThat(intake.path("details").path("enabled").asBoolean(true)).isFalse();
  }
}

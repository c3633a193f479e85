package cn.cpsx.portal.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.OwnDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public side of a system that has published nothing yet — the first day of a new installation,
 * or the demo while its first filings are still being processed: every public page and the open
 * data lists answer 200 with an empty list, never a 500. Runs against a database of its own,
 * emptied and migrated at each run (the shared test database always holds other tests'
 * publications).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class FreshSystemIT {

  static final String DATABASE = "cpsx_test_fresh";

  @DynamicPropertySource
  static void emptyDatabase(DynamicPropertyRegistry registry) throws Exception {
    String url = OwnDatabase.emptied(DATABASE);
    registry.add("spring.datasource.url", () -> url);
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/ratings",
        "/reports",
        "/reports/typical-cases",
        "/reports/alerts",
        "/methodology",
        "/open-data"
      })
  void aPublicPageAnswersBeforeAnythingIsPublished(String path) throws Exception {
    HttpResponse<String> page = get(path, "text/html");

    assertThat(page.statusCode()).as(path).isEqualTo(200);
    assertThat(page.body()).as(path).contains("<main").doesNotContain("error-page");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/open/v1/ratings", "/api/open/v1/enforcement"})
  void anOpenDataListIsEmptyWithNoUpdateTime(String path) throws Exception {
    HttpResponse<String> answer = get(path, "application/json");

    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    JsonNode list = JsonMapper.shared().readTree(answer.body());
    assertThat(list.path("total").asLong(-1)).isZero();
    assertThat(list.path("items").isArray()).isTrue();
    assertThat(list.path("items").isEmpty()).isTrue();
    assertThat(list.path("updated").isNull()).as("updated: " + list.path("updated")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/open/v1/ratings?format=csv", "/api/open/v1/enforcement?format=csv"})
  void anOpenDataCsvHoldsItsHeaderOnly(String path) throws Exception {
    HttpResponse<String> answer = get(path, "text/csv");

    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    List<String> lines = answer.body().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.getFirst()).contains("uscc");
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", accept)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

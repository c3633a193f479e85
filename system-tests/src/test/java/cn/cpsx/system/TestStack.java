package cn.cpsx.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test database and index alias on the shared stack, the same ones every module's tests use:
 * {@code SPRING_DATASOURCE_URL} and {@code CPSX_SEARCH_CASEALIAS} when set (each engineer's own),
 * else {@code cpsx_test} and {@code cpsx-test-cases}. The apps these tests start get them too.
 */
final class TestStack {

  static final String DATASOURCE_URL =
      env(
          "SPRING_DATASOURCE_URL",
          "jdbc:postgresql://127.0.0.1:" + env("CPSX_PG_PORT", "15432") + "/cpsx_test");
  static final String CASE_ALIAS = env("CPSX_SEARCH_CASEALIAS", "cpsx-test-cases");
  static final String ELASTICSEARCH = "http://127.0.0.1:" + env("CPSX_ES_PORT", "19200");

  private TestStack() {}

  /** The test database, as the demo stack's user (the credentials of application-demo.yml). */
  static JdbcClient database() {
    DataSource dataSource =
        new DriverManagerDataSource(
            DATASOURCE_URL, env("CPSX_DB_USER", "cpsx"), env("CPSX_DB_PASSWORD", "cpsx"));
    return JdbcClient.create(dataSource);
  }

  /** Documents of one filing in the test index, after a refresh. */
  static long indexedDocumentsOf(String filingId) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    http.send(
        HttpRequest.newBuilder(URI.create(ELASTICSEARCH + "/" + CASE_ALIAS + "/_refresh"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());
    String query =
        JsonMapper.shared()
            .writeValueAsString(
                java.util.Map.of(
                    "query", java.util.Map.of("term", java.util.Map.of("filingId", filingId))));
    HttpResponse<String> count =
        http.send(
            HttpRequest.newBuilder(URI.create(ELASTICSEARCH + "/" + CASE_ALIAS + "/_count"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(query))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (count.statusCode() != 200) {
      throw new AssertionError("count in " + CASE_ALIAS + ": " + count.body());
    }
    return JsonMapper.shared().readTree(count.body()).get("count").asLong();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}

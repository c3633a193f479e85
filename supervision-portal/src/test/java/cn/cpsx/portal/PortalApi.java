package cn.cpsx.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the test portal (port 18090) as a script would: with a Keycloak access token. */
public final class PortalApi {

  public static final String PORTAL = "http://localhost:18090";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String token;

  private PortalApi(String token) {
    this.token = token;
  }

  /** As a realm user (password = user name in the demo realm). */
  public static PortalApi as(String username) throws Exception {
    return new PortalApi(KeycloakTokens.user(username));
  }

  public static PortalApi withToken(String token) {
    return new PortalApi(token);
  }

  public static PortalApi anonymous() {
    return new PortalApi(null);
  }

  public HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** GET, asserting 200, as JSON. */
  public JsonNode json(String pathAndQuery) throws Exception {
    HttpResponse<String> response = get(pathAndQuery);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + pathAndQuery + " → " + response.statusCode() + ": " + response.body());
    }
    return JsonMapper.shared().readTree(response.body());
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(PORTAL + pathAndQuery));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }
}

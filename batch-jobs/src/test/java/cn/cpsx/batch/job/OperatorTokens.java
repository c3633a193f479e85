package cn.cpsx.batch.job;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.json.JsonMapper;

/** Access tokens from the real Keycloak and the demo realm, as operators and users get them. */
final class OperatorTokens {

  private static final String TOKEN_URL =
      "http://localhost:"
          + System.getenv().getOrDefault("CPSX_KC_PORT", "18080")
          + "/realms/cpsx/protocol/openid-connect/token";

  private OperatorTokens() {}

  /** The operations client's token (role OPERATOR), as scripts/cpsx and the demo get it. */
  static String operations() throws Exception {
    return token(
        "grant_type=client_credentials&client_id=cpsx-operations"
            + "&client_secret=cpsx-operations-secret");
  }

  /** A demo user's token (password = user name) through the portal's client. */
  static String user(String username) throws Exception {
    return token(
        "grant_type=password&client_id=cpsx-portal&client_secret=cpsx-portal-secret&username="
            + username
            + "&password="
            + username);
  }

  private static String token(String form) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(TOKEN_URL))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Keycloak refused a token: " + response.body());
    }
    return JsonMapper.shared().readTree(response.body()).get("access_token").asString();
  }
}

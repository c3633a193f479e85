package cn.cpsx.portal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the test stack's real Keycloak (realm cpsx, port {@code CPSX_KC_PORT}, default
 * 18080, the port the portal under test takes its issuer from).
 */
public final class KeycloakTokens {

  private static final URI TOKEN_ENDPOINT =
      URI.create(
          "http://localhost:"
              + System.getenv().getOrDefault("CPSX_KC_PORT", "18080")
              + "/realms/cpsx/protocol/openid-connect/token");

  private KeycloakTokens() {}

  /** A client-credentials token of a demo institution (secret demo-<uscc in lower case>). */
  public static String institution(String uscc) throws Exception {
    return token(
        "grant_type=client_credentials&client_id=inst-"
            + uscc
            + "&client_secret=demo-"
            + uscc.toLowerCase(Locale.ROOT));
  }

  /** A realm user's token through the portal client, as a regulator's script would get one. */
  public static String user(String username) throws Exception {
    return token(
        "grant_type=password&client_id=cpsx-portal&client_secret=cpsx-portal-secret&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(username, StandardCharsets.UTF_8));
  }

  private static String token(String form) throws Exception {
    String response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(TOKEN_ENDPOINT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    var token = JsonMapper.shared().readTree(response).get("access_token");
    if (token == null) {
      throw new IllegalStateException("Keycloak gave no token: " + response);
    }
    return token.asString();
  }
}

package cn.cpsx.ingestion.filing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/** Client-credentials tokens from the real Keycloak, as institutions obtain them. */
public final class KeycloakTokens {

  private static final String TOKEN_URL =
      "http://localhost:"
          + System.getenv().getOrDefault("CPSX_KC_PORT", "18080")
          + "/realms/cpsx/protocol/openid-connect/token";

  private KeycloakTokens() {}

  /** The demo realm's secret for an institution client is {@code demo-<uscc in lower case>}. */
  public static String forInstitution(String uscc) throws Exception {
    String form =
        "grant_type=client_credentials&client_id=inst-"
            + uscc
            + "&client_secret=demo-"
            + uscc.toLowerCase(Locale.ROOT);
    return token(form);
  }

  /** A demo user's token through the portal's client (password grant): a regulator, not a filer. */
  public static String forUser(String username) throws Exception {
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

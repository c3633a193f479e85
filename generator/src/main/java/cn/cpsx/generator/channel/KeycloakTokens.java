package cn.cpsx.generator.channel;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Access tokens from the demo realm: an institution's client credentials ({@code inst-<USCC>} /
 * {@code demo-<uscc in lower case>}) and a regulator user's password grant through the portal's
 * client. Cached until shortly before they expire.
 */
public final class KeycloakTokens {

  private final Http http = new Http();
  private final String tokenUrl;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(String token, Instant renewAfter) {}

  /**
   * @param keycloakUrl e.g. {@code http://localhost:18080}
   */
  public KeycloakTokens(String keycloakUrl) {
    this.tokenUrl = keycloakUrl + "/realms/cpsx/protocol/openid-connect/token";
  }

  public static String demoSecret(String uscc) {
    return "demo-" + uscc.toLowerCase(Locale.ROOT);
  }

  public String institution(String uscc) {
    return cached(
        "inst:" + uscc,
        () -> {
          Map<String, String> form = new LinkedHashMap<>();
          form.put("grant_type", "client_credentials");
          form.put("client_id", "inst-" + uscc);
          form.put("client_secret", demoSecret(uscc));
          return token(form);
        });
  }

  /** The operations client (realm role OPERATOR): job control on batch-jobs. */
  public String operations() {
    return cached(
        "operations",
        () -> {
          Map<String, String> form = new LinkedHashMap<>();
          form.put("grant_type", "client_credentials");
          form.put("client_id", "cpsx-operations");
          form.put("client_secret", "cpsx-operations-secret");
          return token(form);
        });
  }

  /** A regulator user (e.g. {@code supervisor}) through the portal's confidential client. */
  public String user(String username, String password) {
    return cached(
        "user:" + username,
        () -> {
          Map<String, String> form = new LinkedHashMap<>();
          form.put("grant_type", "password");
          form.put("client_id", "cpsx-portal");
          form.put("client_secret", "cpsx-portal-secret");
          form.put("username", username);
          form.put("password", password);
          form.put("scope", "openid");
          return token(form);
        });
  }

  private String cached(String key, Supplier<Cached> fetch) {
    return cache
        .compute(
            key,
            (k, old) -> old != null && Instant.now().isBefore(old.renewAfter()) ? old : fetch.get())
        .token();
  }

  private Cached token(Map<String, String> form) {
    HttpRequest request =
        Http.request(tokenUrl, null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(Http.form(form))
            .build();
    JsonNode answer = Http.json(http.send(request), 200);
    long seconds = answer.path("expires_in").asLong(300);
    return new Cached(
        answer.get("access_token").asString(),
        Instant.now().plusSeconds(Math.max(10, seconds - 30)));
  }
}

package cn.cpsx.ingestion.sftp;

import cn.cpsx.schemas.Uscc;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may log in to the SFTP gateway. The user name is the institution's USCC. The password is its
 * Keycloak client secret, checked by asking Keycloak for a token (so there is one identity store,
 * and revoking the client revokes SFTP too); a public key must be in {@code
 * <authorizedKeys>/<USCC>.pub}.
 */
class InstitutionSftpLogin implements PasswordAuthenticator, PublickeyAuthenticator {

  private static final Logger log = LoggerFactory.getLogger(InstitutionSftpLogin.class);

  private final SftpProperties properties;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  InstitutionSftpLogin(SftpProperties properties) {
    this.properties = properties;
  }

  @Override
  public boolean authenticate(String username, String password, ServerSession session) {
    if (!Uscc.isValid(username)) {
      return false;
    }
    try {
      String form =
          "grant_type=client_credentials&client_id="
              + URLEncoder.encode("inst-" + username, StandardCharsets.UTF_8)
              + "&client_secret="
              + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(properties.tokenUrl()))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return false;
      }
      String token = JsonMapper.shared().readTree(response.body()).get("access_token").asString();
      JsonNode claims =
          JsonMapper.shared()
              .readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
      // The token came straight from Keycloak over its own connection: its claims are its word.
      return username.equals(claims.path("institution_id").asString(null));
    } catch (Exception e) {
      log.warn("SFTP login of {} could not be checked with Keycloak: {}", username, e.toString());
      return false;
    }
  }

  @Override
  public boolean authenticate(String username, PublicKey key, ServerSession session) {
    if (!Uscc.isValid(username) || properties.authorizedKeys() == null) {
      return false;
    }
    Path keys = properties.authorizedKeys().resolve(username + ".pub");
    if (!Files.isRegularFile(keys)) {
      return false;
    }
    return new AuthorizedKeysAuthenticator(keys).authenticate(username, key, session);
  }
}

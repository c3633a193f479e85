package cn.cpsx.portal;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP client that signs in through the real Keycloak login form, as a person
 * would: portal → Keycloak login page → credentials → back to the portal.
 */
public final class BrowserSession {

  /** What a browser asks for: the portal answers it with pages and sign-in redirects, not 401. */
  private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

  private static final Pattern LOGIN_FORM_ACTION =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new LocalhostCookies())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  /** Opens a portal page; if Keycloak asks, signs in with the given user and returns the page. */
  public HttpResponse<String> open(String url, String username, String password) throws Exception {
    HttpResponse<String> page = get(url);
    Matcher form = LOGIN_FORM_ACTION.matcher(page.body());
    if (!form.find()) {
      return page;
    }
    String action = form.group(1).replace("&amp;", "&");
    String credentials =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&credentialId=";
    return http.send(
        HttpRequest.newBuilder(URI.create(action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", HTML)
            .POST(HttpRequest.BodyPublishers.ofString(credentials))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Browsers treat http://localhost as a secure context and send "Secure" cookies to it, as
   * Keycloak expects; Java's CookieManager does not, so the flag is dropped on the way in.
   */
  private static final class LocalhostCookies extends CookieHandler {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers)
        throws IOException {
      return cookies.get(uri, headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      Map<String, List<String>> insecure = new HashMap<>();
      headers.forEach(
          (name, values) ->
              insecure.put(
                  name,
                  name != null && name.equalsIgnoreCase("Set-Cookie")
                      ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList()
                      : values));
      cookies.put(uri, insecure);
    }
  }

  public HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).header("Accept", HTML).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

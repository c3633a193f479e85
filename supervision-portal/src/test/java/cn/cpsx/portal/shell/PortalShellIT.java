package cn.cpsx.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.CaseFixtures;
import cn.cpsx.portal.KeycloakTokens;
import cn.cpsx.portal.PortalApi;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.catalina.Context;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The portal's shell over HTTP against the real servers: security headers on every kind of answer,
 * branded error pages (404, 405; 403 in ShellBrowserIT) for browsers and JSON for scripts, an
 * unknown address answering 404 to anyone, bad search input shown on the form, the reveal's
 * redirect after POST, the language parameter, Keycloak's sign-in page in the chosen language, and
 * the session's idle timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalShellIT {

  static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient es;
  @Autowired cn.cpsx.portal.complaint.SearchIndexProperties index;
  @Autowired WebServerApplicationContext context;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  final HttpClient http = HttpClient.newHttpClient();
  CaseFixtures fixture;
  String analyst;
  String supervisor;
  String officer;

  @BeforeAll
  void load() throws Exception {
    fixture = CaseFixtures.load(jdbc, es, index.caseAlias());
    analyst = KeycloakTokens.user("analyst");
    supervisor = KeycloakTokens.user("supervisor");
    officer = KeycloakTokens.user("officer");
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
    "/, anonymous",
    "/ratings, anonymous",
    "/css/cpsx.css, anonymous",
    "/api/open/v1/reports, anonymous",
    "/no-such-page, anonymous",
    "/regulator/cases, analyst",
    "/regulator/api/cases, analyst",
    "/regulator/cases, officer"
  })
  void everyAnswerCarriesTheSecurityHeaders(String path, String who) throws Exception {
    HttpResponse<String> response = get(path, HTML, token(who), null);

    String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
        .contains("object-src 'none'", "form-action 'self' http://localhost:")
        .doesNotContain("script-src 'self' 'unsafe-inline'", "unsafe-eval");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("Referrer-Policy"))
        .hasValue("strict-origin-when-cross-origin");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "zh, /no-such-page, 404, 页面不存在",
    "en, /no-such-page, 404, Page not found",
    "zh, /ratings/x/y/z/w, 404, 页面不存在",
    "en, /regulator/no-such-page, 404, Page not found"
  })
  void anUnknownAddressIsABrandedNotFoundForAnyoneNotASignIn(
      String lang, String path, int status, String title) throws Exception {
    String token = path.startsWith("/regulator") ? analyst : null;
    HttpResponse<String> page = get(path + "?lang=" + lang, HTML, token, null);

    assertThat(page.statusCode()).isEqualTo(status);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains(title, "class=\"error-page\"", "href=\"/\"", "class=\"skip\"")
        .contains("lang=\"" + (lang.equals("zh") ? "zh-CN" : "en") + "\"")
        .doesNotContain("Whitelabel", "Exception");
  }

  /** Addresses Tomcat itself refuses, before Spring Security or the portal see them. */
  @ParameterizedTest
  @CsvSource({"/ratings/%00", "/ratings/a%2Fb", "/ratings/%ff", "/ratings/a%5Cb", "/%2e%2e/etc"})
  void anAddressTomcatRefusesIsTheBranded400InBothLanguages(String path) throws Exception {
    HttpResponse<String> page = get(path, HTML, null, null);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains("class=\"error-page\"", "请求无法处理", "The request could not be understood")
        .contains("href=\"/css/cpsx.css\"", "href=\"/?lang=en\"")
        .doesNotContain("Tomcat", "HTTP Status");
  }

  /** A signed-in browser gets the branded 403 (ShellBrowserIT); a script just the status. */
  @Test
  void aScriptWithoutTheRightGetsA403AndNoPage() throws Exception {
    HttpResponse<String> answer = get("/regulator/cases?lang=en", HTML, officer, null);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).doesNotContain("<html");
  }

  @Test
  void aGetOnAFormOnlyAddressIsABranded405() throws Exception {
    HttpResponse<String> page =
        get("/regulator/hotspots/999999999/dismiss?lang=zh", HTML, analyst, null);

    assertThat(page.statusCode()).isEqualTo(405);
    assertThat(page.body()).contains("无法以此方式打开此页面", "data-status=\"405\"");
  }

  @Test
  void scriptsKeepJsonErrorsAndApiAddressesAnswerJsonEvenToABrowser() throws Exception {
    HttpResponse<String> json = get("/no-such-page", "application/json", null, null);
    assertThat(json.statusCode()).isEqualTo(404);
    assertThat(json.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(json.body()).contains("\"status\":404");

    HttpResponse<String> api = get("/api/open/v1/no-such-thing", HTML, null, null);
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(api.body()).contains("\"status\":404").doesNotContain("<html");

    HttpResponse<String> search =
        get("/regulator/api/cases?amountMin=abc", "application/json", analyst, null);
    assertThat(search.statusCode()).isEqualTo(400);
    assertThat(search.body()).contains("amountMin");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "receivedFrom=2026-05-01&receivedTo=2026-04-01 | receivedTo | 结束日期早于开始日期",
        "amountMin=abc | amountMin | 请输入人民币金额",
        "amountMin=500&amountMax=100 | amountMax | 最高金额低于最低金额",
        "receivedFrom=2026-13-45 | receivedFrom | 请按 YYYY-MM-DD 格式输入日期",
        "after=not-a-cursor&page=3 | after | 此翻页链接已失效"
      })
  void badSearchInputIsShownOnTheFormNextToTheField(String query, String field, String says)
      throws Exception {
    String mine =
        fixture.institutions().stream()
            .map(i -> "institution=" + i)
            .reduce((a, b) -> a + "&" + b)
            .orElseThrow();
    HttpResponse<String> page =
        get("/regulator/cases?lang=zh&" + mine + "&" + query, HTML, analyst, null);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains("id=\"" + field + "-error\"", says, "id=\"case-search\"")
        .doesNotContain("\"detail\"", "\"status\":400");
  }

  @Test
  void aBadPeriodOnTheFilingsBoardIsShownNextToItsField() throws Exception {
    HttpResponse<String> page =
        get("/regulator/filings?period=2026-Q9&lang=en", HTML, analyst, null);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("id=\"period-error\"", "2026-Q9", "Enter a period as");
  }

  @Test
  void aRevealRedirectsSoItsAddressCanBeReloadedAndTheDataIsShownOnce() throws Exception {
    CaseFixtures.FixtureCase revealed = fixture.cases().get(3);
    String casePath = "/regulator/cases/" + revealed.institution() + "/" + revealed.caseNo();
    HttpResponse<String> posted =
        http.send(
            HttpRequest.newBuilder(URI.create(PortalApi.PORTAL + casePath + "/reveal"))
                .header("Authorization", "Bearer " + supervisor)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "reason=" + URLEncoder.encode("复核 PRG 测试", StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(posted.statusCode()).isEqualTo(302);
    assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith(casePath);
    String session =
        posted.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> shown = get(casePath, HTML, supervisor, session);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains("王小明", revealed.phone());
    assertThat(shown.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

    HttpResponse<String> reloaded = get(casePath, HTML, supervisor, session);
    assertThat(reloaded.statusCode()).isEqualTo(200);
    assertThat(reloaded.body()).contains("王**").doesNotContain("王小明");

    HttpResponse<String> bookmarked = get(casePath + "/reveal", HTML, analyst, null);
    assertThat(bookmarked.statusCode()).isEqualTo(302);
    assertThat(bookmarked.headers().firstValue("Location").orElseThrow()).endsWith(casePath);
  }

  @ParameterizedTest(name = "lang={0}")
  @CsvSource({"zh, zh-CN", "zh-CN, zh-CN", "en, en", "en-US, en"})
  void bothShortAndFullLanguageTagsWork(String asked, String shown) throws Exception {
    HttpResponse<String> page = get("/methodology?lang=" + asked, HTML, null, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"" + shown + "\"");
    assertThat(page.body())
        .contains(shown.equals("en") ? "Methodology" : "方法")
        .doesNotContain(shown.equals("en") ? "首页" : ">Home<");
  }

  @Test
  void theLanguageLinkKeepsThePageQueryAndFilters() throws Exception {
    HttpResponse<String> page = get("/ratings?period=2025&grade=A&lang=en", HTML, null, null);

    assertThat(page.body())
        .contains("class=\"language\" href=\"/ratings?period=2025&amp;grade=A&amp;lang=zh\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"en, en, Sign in to", "zh, zh-CN, 登录"})
  void theSignInPageOfKeycloakSpeaksThePortalsLanguage(String lang, String tag, String heading)
      throws Exception {
    HttpResponse<String> start =
        get("/oauth2/authorization/keycloak", HTML, null, "cpsx-lang=" + tag);

    String keycloak = start.headers().firstValue("Location").orElseThrow();
    assertThat(keycloak).contains("ui_locales=" + tag);
    HttpResponse<String> signIn =
        http.send(
            HttpRequest.newBuilder(URI.create(keycloak)).header("Accept", HTML).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.body()).contains("lang=\"" + tag + "\"");
  }

  @Test
  void aSessionExpiresAfterTheConfiguredIdleTime() {
    Context portal =
        (Context)
            ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];

    assertThat(portal.getSessionTimeout())
        .as("minutes (server.servlet.session.timeout)")
        .isEqualTo(30);
    assertThat(portal.getSessionTimeout()).isPositive();
  }

  /** The guard that lets unknown addresses be public 404s: every page lives in a known area. */
  @Test
  void everyHandlerIsInTheSignedInAreasOrAPublicOne() {
    List<String> publicPrefixes =
        List.of("/ratings", "/methodology", "/open-data", "/reports", "/api/open/", "/error");
    for (var mapping : mappings.getHandlerMethods().keySet()) {
      for (String pattern : mapping.getPatternValues()) {
        boolean known =
            pattern.equals("/")
                || pattern.startsWith("/regulator/")
                || pattern.equals("/regulator")
                || pattern.startsWith("/institution/")
                || publicPrefixes.stream().anyMatch(pattern::startsWith);
        assertThat(known).as(pattern + " is in no known area").isTrue();
      }
    }
  }

  private String token(String who) {
    return switch (who) {
      case "analyst" -> analyst;
      case "officer" -> officer;
      default -> null;
    };
  }

  private HttpResponse<String> get(String path, String accept, String token, String cookie)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(PortalApi.PORTAL + path)).header("Accept", accept);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}

package cn.cpsx.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.CaseFixtures;
import cn.cpsx.portal.PortalApi;
import cn.cpsx.portal.UxPagesFixtures;
import cn.cpsx.portal.opendata.PublicFixtures;
import cn.cpsx.portal.report.ReportFixtures;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portal's shell in headless Chromium, in Chinese and English, at a desk's 1366×768 and a
 * phone's 390×844: every page of every role passes axe-core with no serious or critical violation,
 * draws under the Content-Security-Policy without a refusal, posts every form with its CSRF token
 * and, on a phone, never scrolls sideways; the header, the search's filters and its result cards on
 * a phone; the skip link; a facet ticked with the keyboard keeps the focus; the language link keeps
 * the search; Keycloak's sign-in page speaks the chosen language. Screenshots of every page go to
 * target/screenshots/shell-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellBrowserIT {

  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient es;
  @Autowired cn.cpsx.portal.complaint.SearchIndexProperties index;

  CaseFixtures cases;
  PublicFixtures world;
  ReportFixtures reports;
  UxPagesFixtures ux;
  long draftRating;
  String mine;
  String oneCase;
  String oneFiling;

  @BeforeAll
  void load() throws Exception {
    assertThat(Path.of("/usr/bin/chromium")).isExecutable();
    assertThat(Path.of("/usr/bin/chromedriver")).isExecutable();
    cases = CaseFixtures.load(jdbc, es, index.caseAlias());
    reports = ReportFixtures.load(jdbc);
    world = reports.world;
    ux = UxPagesFixtures.load(jdbc, es, index.caseAlias());
    draftRating =
        jdbc.sql("SELECT id FROM rating WHERE institution_uscc = ? AND period = ? ORDER BY id")
            .params(world.draftOnly, world.period)
            .query(Long.class)
            .list()
            .getFirst();
    mine =
        cases.institutions().stream().map(i -> "institution=" + i).collect(Collectors.joining("&"));
    CaseFixtures.FixtureCase c = cases.cases().getFirst();
    oneCase = "/regulator/cases/" + c.institution() + "/" + c.caseNo();
    oneFiling =
        "/regulator/filings/"
            + jdbc.sql(
                    "SELECT filing_id FROM complaint_case WHERE institution_uscc = ? AND case_no = ?")
                .params(c.institution(), c.caseNo())
                .query(String.class)
                .single();
  }

  static Stream<Arguments> languagesAndWidths() {
    List<Arguments> all = new ArrayList<>();
    for (String lang : List.of("zh", "en")) {
      for (int width : List.of(1366, 390)) {
        all.add(Arguments.of(lang, width));
      }
    }
    return all.stream();
  }

  static Stream<Arguments> rolesLanguagesAndWidths() {
    return languagesAndWidths()
        .flatMap(
            a ->
                Stream.of("anonymous", "analyst", "supervisor", "officer")
                    .map(role -> Arguments.of(a.get()[0], a.get()[1], role)));
  }

  /** The pages each role reads (the public pages for everyone, the unknown address's 404 too). */
  private Map<String, List<String>> pages() {
    return Map.of(
        "anonymous",
        List.of(
            "/",
            "/ratings?period=" + world.period,
            "/ratings/" + world.corrected,
            "/ratings/" + world.corrected + "/" + world.period,
            "/reports",
            "/reports/" + reports.year,
            "/reports/typical-cases",
            "/reports/alerts",
            "/methodology",
            "/open-data",
            "/no-such-page"),
        "analyst",
        List.of(
            "/regulator/cases?" + mine,
            oneCase,
            "/regulator/trends?" + mine + "&interval=month&by=reason&top=3",
            "/regulator/deadlines",
            "/regulator/hotspots",
            "/regulator/filings",
            oneFiling,
            "/regulator/jobs",
            "/regulator/ratings",
            "/regulator/ratings/" + draftRating,
            "/regulator/enforcement",
            "/regulator/reports",
            "/regulator/reports/" + reports.current,
            "/regulator/cases?" + mine + "&receivedFrom=2026-05-01&receivedTo=2026-04-01"),
        "supervisor",
        List.of(oneCase, "/regulator/audit", "/regulator/audit/chain"),
        "officer",
        List.of(
            "/institution/filings",
            "/institution/filings/" + ux.rejectedFiling,
            "/institution/cases",
            "/institution/cases/" + ux.ownCaseNo,
            "/institution/ratings",
            "/regulator/cases"));
  }

  @ParameterizedTest(name = "{0} {1}px {2}")
  @MethodSource("rolesLanguagesAndWidths")
  void everyPageIsAccessibleKeepsThePolicyAndFitsTheScreen(String lang, int width, String role)
      throws Exception {
    List<String> problems = new ArrayList<>();
    try (ShellBrowser browser = new ShellBrowser(width, lang)) {
      List<String> paths = pages().get(role);
      if (!role.equals("anonymous")) {
        browser.signIn(role, paths.getFirst());
      }
      for (String path : paths) {
        browser.open(path);
        // signed in once: a session lost between pages would show Keycloak's form here
        if (!browser.driver.getCurrentUrl().startsWith(PortalApi.PORTAL + "/")) {
          browser.screenshot("lost-" + role + path.replaceAll("\\?.*", ""));
          throw new AssertionError(
              path
                  + " after signing in as "
                  + role
                  + " ended on "
                  + browser.driver.getCurrentUrl()
                  + ": "
                  + browser.driver.findElement(By.tagName("body")).getText());
        }
        if (path.startsWith("/regulator/trends")) {
          browser.waitFor(By.cssSelector("#trend-chart canvas"));
        }
        if (path.startsWith("/ratings?")) {
          browser.waitFor(By.cssSelector("#grade-chart canvas"));
        }
        String page = path.replaceAll("\\?.*", "");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
            .as(path)
            .isEqualTo(lang.equals("zh") ? "zh-CN" : "en");
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(path + " axe " + v));
        browser.cspViolations().forEach(v -> problems.add(path + " CSP refused " + v));
        browser.postFormsWithoutCsrf().forEach(f -> problems.add(path + " no CSRF in " + f));
        browser.crampedText().forEach(t -> problems.add(path + " text a character a line: " + t));
        if (browser.sidewaysOverflow() > 0) {
          problems.add(path + " scrolls sideways by " + browser.sidewaysOverflow() + " px");
        }
        if (role.equals("officer") && path.startsWith("/regulator/")) {
          // a signed-in reader without the right: the branded 403, offering their own area
          By refusal =
              By.cssSelector("main.error-page[data-status='403'] a[href='/institution/filings']");
          try {
            browser.waitFor(refusal);
          } catch (org.openqa.selenium.TimeoutException e) {
            problems.add(path + " is not the 403 page: " + browser.driver.getPageSource());
          }
        }
        browser.screenshot(role + page);
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}px")
  @MethodSource("languagesAndWidths")
  void aFacetTickedWithTheKeyboardKeepsTheFocusAndTheSkipLinkComesFirst(String lang, int width)
      throws Exception {
    try (ShellBrowser browser = new ShellBrowser(width, lang)) {
      browser.signIn("analyst", "/regulator/cases?" + mine);
      boolean phone = width < 600;
      WebElement filters = browser.driver.findElement(By.cssSelector("details.filters"));
      assertThat(filters.getAttribute("open") != null)
          .as("filters open on a desk, folded on a phone")
          .isEqualTo(!phone);
      if (phone) {
        browser
            .driver
            .findElement(By.cssSelector("details.filters > summary"))
            .sendKeys(Keys.ENTER);
      }

      WebElement box =
          browser.driver.findElement(By.cssSelector("input[name=reason][value=CLAIMS]"));
      box.sendKeys(Keys.SPACE);
      // the tick submits the search: wait for the new page's address (the box is already ticked
      // on the old page; asking the old node whether it is stale can itself fail mid-navigation)
      new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
          .ignoring(org.openqa.selenium.WebDriverException.class)
          .until(d -> d.getCurrentUrl().contains("reason=CLAIMS"));
      browser.waitFor(By.cssSelector("input[name=reason][value=CLAIMS]:checked"));

      WebElement focused = browser.driver.switchTo().activeElement();
      assertThat(focused.getAttribute("name")).isEqualTo("reason");
      assertThat(focused.getAttribute("value")).isEqualTo("CLAIMS");
      assertThat(focused.getCssValue("outline-style")).as("visible focus").isNotEqualTo("none");
      assertThat(browser.driver.getCurrentUrl()).contains("reason=CLAIMS");
      browser.screenshot("facet-focus");

      browser.open("/regulator/deadlines"); // the search page puts the focus in its words box
      browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
      WebElement first = browser.driver.switchTo().activeElement();
      assertThat(first.getAttribute("class")).isEqualTo("skip");
      assertThat(first.isDisplayed()).isTrue();
      assertThat(first.getCssValue("outline-style")).isNotEqualTo("none");
    }
  }

  @ParameterizedTest(name = "{0} {1}px")
  @MethodSource("languagesAndWidths")
  void theLanguageLinkKeepsTheSearchAndKeycloakSpeaksTheLanguage(String lang, int width)
      throws Exception {
    try (ShellBrowser browser = new ShellBrowser(width, lang)) {
      browser.open("/regulator/cases?" + mine + "&reason=FEES&q=" + "年费");
      browser.waitFor(By.id("username"));
      assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
          .as("Keycloak's sign-in page")
          .isEqualTo(lang.equals("zh") ? "zh-CN" : "en");
      browser.screenshot("keycloak-sign-in");
      browser.signIn("analyst", "/regulator/cases?" + mine + "&reason=FEES&q=年费");

      if (width < 600) {
        browser.driver.findElement(By.cssSelector("details.menu > summary")).click();
      }
      browser.driver.findElement(By.cssSelector("a.language")).click();
      String other = lang.equals("zh") ? "en" : "zh-CN";
      new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
          .until(d -> other.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
      String url = browser.driver.getCurrentUrl();
      assertThat(url).contains("/regulator/cases?", "reason=FEES", "q=");
      for (String institution : cases.institutions()) {
        assertThat(url).contains("institution=" + institution);
      }
      assertThat(browser.driver.findElement(By.name("q")).getAttribute("value")).isEqualTo("年费");
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector("input[name=reason][value=FEES]"))
                  .isSelected())
          .isTrue();
      browser.screenshot("language-switched");
    }
  }

  @ParameterizedTest(name = "{0} {1}px")
  @MethodSource("languagesAndWidths")
  void onAPhoneTheHeaderKeepsWordsWholeAndResultsComeAsCards(String lang, int width)
      throws Exception {
    try (ShellBrowser browser = new ShellBrowser(width, lang)) {
      browser.signIn("analyst", "/regulator/cases?" + mine);
      boolean phone = width < 600;
      WebElement menu = browser.driver.findElement(By.cssSelector("details.menu"));
      assertThat(menu.getAttribute("open") != null).isEqualTo(!phone);
      if (phone) {
        menu.findElement(By.tagName("summary")).click();
      }
      @SuppressWarnings("unchecked")
      List<String> broken =
          (List<String>)
              browser.driver.executeScript(
                  "return Array.prototype.filter.call("
                      + "document.querySelectorAll('nav.main-nav a, nav.main-nav button, .brand'),"
                      + " function (a) { return a.getClientRects().length > 1"
                      + "   || a.scrollWidth > a.clientWidth + 1; })"
                      + ".map(function (a) { return a.textContent.trim(); });");
      assertThat(broken).as("header entries broken over lines").isEmpty();
      browser.screenshot("header-menu");

      List<WebElement> rows = browser.driver.findElements(By.cssSelector("table.cases tr.case"));
      assertThat(rows).isNotEmpty();
      WebElement firstRow = rows.getFirst();
      if (phone) {
        assertThat(firstRow.getCssValue("display")).as("a row is a card").isEqualTo("block");
        for (WebElement cell : firstRow.findElements(By.tagName("td"))) {
          assertThat(cell.getRect().getWidth()).as("a card's cell").isGreaterThan(300);
        }
        assertThat(firstRow.findElement(By.tagName("td")).getAttribute("data-label")).isNotBlank();
        for (WebElement facet :
            browser.driver.findElements(By.cssSelector("aside.facets fieldset"))) {
          assertThat(facet.isDisplayed()).as("filters folded away before results").isFalse();
        }
        assertThat(firstRow.getRect().getY())
            .as("first result within the first screen and a half")
            .isLessThan(1266);
      } else {
        assertThat(firstRow.getCssValue("display")).isEqualTo("table-row");
      }
      assertThat(browser.sidewaysOverflow()).isLessThanOrEqualTo(0L);
      browser.screenshot("search-results");
    }
  }
}

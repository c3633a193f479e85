package cn.cpsx.portal;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portal in a real headless Chromium (Debian's chromium and chromedriver, installed by
 * scripts/cpsx): sign-in through the Keycloak form, search, a facet click, a supervisor's reveal
 * and the CSV export. Screenshots of each end state go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient es;
  @Autowired cn.cpsx.portal.complaint.SearchIndexProperties index;

  CaseFixtures fixture;
  String mine;
  WebDriver browser;

  @BeforeAll
  void load() throws Exception {
    assertThat(CHROMIUM).as("Debian chromium (scripts/cpsx test installs it)").isExecutable();
    assertThat(CHROMEDRIVER).as("Debian chromium-driver").isExecutable();
    fixture = CaseFixtures.load(jdbc, es, index.caseAlias());
    mine =
        fixture.institutions().stream()
            .map(i -> "institution=" + i)
            .collect(Collectors.joining("&"));
  }

  @AfterEach
  void screenshotAndQuit(TestInfo test) throws Exception {
    if (browser != null) {
      Path shots = Path.of("target", "screenshots");
      Files.createDirectories(shots);
      byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(shots.resolve(test.getTestMethod().orElseThrow().getName() + ".png"), png);
      browser.quit();
      browser = null;
    }
  }

  @Test
  void analystSignsInSearchesChineseAndNarrowsWithAFacet() {
    signIn("analyst", "/regulator/cases?" + mine);
    WebElement words = browser.findElement(By.name("q"));
    words.sendKeys("信用卡年费");
    browser.findElement(By.cssSelector("form#case-search button[type=submit]")).click();
    waitFor(By.cssSelector("td.narrative em"));
    long fees = fixture.cases().stream().filter(c -> c.reason().equals("FEES")).count();
    assertThat(browser.findElement(By.cssSelector("p.total")).getText())
        .contains(String.valueOf(fees));

    // ticking a facet box submits the form (js/facets.js): only credit-card fee cases remain
    browser.findElement(By.cssSelector("input[name=businessCategory][value=CREDIT_CARD]")).click();
    waitFor(By.cssSelector("input[name=businessCategory][value=CREDIT_CARD]:checked"));
    long creditCardFees =
        fixture.cases().stream()
            .filter(c -> c.reason().equals("FEES") && c.category().equals("CREDIT_CARD"))
            .count();
    assertThat(browser.findElement(By.cssSelector("p.total")).getText())
        .contains(String.valueOf(creditCardFees));
    assertThat(browser.getPageSource()).doesNotContain("王小明");
  }

  @Test
  void supervisorRevealsACaseWithAReasonAndFindsItInTheAuditLog() {
    CaseFixtures.FixtureCase fixtureCase = fixture.cases().get(7);
    signIn(
        "supervisor", "/regulator/cases/" + fixtureCase.institution() + "/" + fixtureCase.caseNo());
    assertThat(browser.getPageSource()).contains("王**").doesNotContain("王小明");

    String reason = "浏览器测试复核 " + fixtureCase.caseNo();
    browser.findElement(By.name("reason")).sendKeys(reason);
    browser.findElement(By.cssSelector("form.reveal button[type=submit]")).click();
    waitFor(By.cssSelector("p.note"));
    assertThat(browser.getPageSource()).contains("王小明", fixtureCase.phone());

    browser.get(PortalApi.PORTAL + "/regulator/audit");
    assertThat(browser.findElement(By.cssSelector("table.cases")).getText()).contains(reason);
  }

  @Test
  void theExportLinkDownloadsTheSearchAsMaskedCsv() {
    signIn("analyst", "/regulator/cases?" + mine + "&reason=CLAIMS");
    String href = browser.findElement(By.linkText(exportLabel())).getAttribute("href");

    Object csv =
        ((ChromeDriver) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text()).then(done);",
                href);

    List<String> lines = csv.toString().lines().toList();
    long claims = fixture.cases().stream().filter(c -> c.reason().equals("CLAIMS")).count();
    assertThat(lines).hasSize(1 + (int) claims);
    assertThat(csv.toString()).contains("王**").doesNotContain("王小明");
  }

  @Test
  void trendsDrawAChartFromTheTableWithTheSelfServedLibrary() {
    signIn("analyst", "/regulator/trends?" + mine + "&interval=month&by=reason&top=3");
    waitFor(By.cssSelector("#trend-chart canvas"));
    assertThat(browser.findElements(By.cssSelector("#trend-table thead th"))).hasSize(2 + 3);
  }

  private String exportLabel() {
    return browser.getPageSource().contains("导出 CSV") ? "导出 CSV" : "Export CSV";
  }

  /** Opens a portal page; Keycloak's form asks who we are; then we land on the page. */
  private void signIn(String user, String path) {
    browser = chromium();
    signIn(browser, user, path);
  }

  private void waitFor(By element) {
    waitFor(browser, element);
  }

  /** A headless Chromium at 1366 px, for this and the other browser tests of the portal. */
  static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,1000",
        "--lang=zh-CN");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    WebDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return browser;
  }

  /** Opens a portal page in the browser, signs in on Keycloak's form and lands on the page. */
  static void signIn(WebDriver browser, String user, String path) {
    browser.get(PortalApi.PORTAL + path);
    waitFor(browser, By.id("username"));
    KeycloakSignIn.submit(browser, user);
  }

  static void waitFor(WebDriver browser, By element) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(element));
  }

  /** The page as it looks now, to target/screenshots/{name}.png. */
  static void screenshot(WebDriver browser, String name) throws java.io.IOException {
    Path shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    Files.write(
        shots.resolve(name + ".png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
  }
}

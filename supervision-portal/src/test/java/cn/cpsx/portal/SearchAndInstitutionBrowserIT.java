package cn.cpsx.portal;

import static cn.cpsx.portal.PortalBrowserIT.screenshot;
import static cn.cpsx.portal.PortalBrowserIT.signIn;
import static cn.cpsx.portal.PortalBrowserIT.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.CaseFixtures.FixtureCase;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 17's search and institution pages in a real headless Chromium, in Chinese and English:
 * chips removed by a click, an institution added by typing its name, the case deadline, trends with
 * the partial period shaded on the chart, the processing page, and the institution's validation
 * report and own case. Screenshots of each end state go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAndInstitutionBrowserIT {

  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient es;
  @Autowired cn.cpsx.portal.complaint.SearchIndexProperties index;

  CaseFixtures fixture;
  UxPagesFixtures ux;
  WebDriver browser;

  @BeforeAll
  void load() throws Exception {
    assertThat(PortalBrowserIT.CHROMIUM).isExecutable();
    fixture = CaseFixtures.load(jdbc, es, index.caseAlias());
    ux = UxPagesFixtures.load(jdbc, es, index.caseAlias());
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  private void open(String user, String path, String lang) {
    browser = PortalBrowserIT.chromium();
    signIn(browser, user, path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private static String shot(String name, String lang) {
    return name + "-" + (lang.startsWith("zh") ? "zh" : "en");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void analystRemovesAChipAndAddsAnInstitutionByItsName(String lang) throws Exception {
    String first = fixture.institutions().getFirst();
    String second = fixture.institutions().get(1);
    open("analyst", "/regulator/cases?institution=" + first + "&reason=FEES", lang);
    waitFor(browser, By.cssSelector("a.chip[data-param=reason]"));
    assertThat(text("nav.chips")).contains(fixture.name(first));

    browser.findElement(By.cssSelector("a.chip[data-param=reason]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("a.chip"), 1));
    long all = fixture.cases().stream().filter(c -> c.institution().equals(first)).count();
    assertThat(text("p.total")).contains(String.valueOf(all));

    browser.findElement(By.name("institution")).sendKeys(fixture.name(second));
    browser.findElement(By.cssSelector("form#case-search button[type=submit]")).click();
    waitFor(browser, By.cssSelector("a.chip[data-value='" + second + "']"));
    assertThat(text("nav.chips")).contains(fixture.name(first), fixture.name(second));
    screenshot(browser, shot("search-chips", lang));

    browser.findElement(By.name("institution")).sendKeys("无此机构" + ux.run);
    browser.findElement(By.cssSelector("form#case-search button[type=submit]")).click();
    waitFor(browser, By.id("institution-problem"));
    assertThat(text("#institution-problem")).contains("无此机构" + ux.run);
    screenshot(browser, shot("search-unknown-institution", lang));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void caseDetailShowsItsDeadlineAndOverdueFlag(String lang) throws Exception {
    FixtureCase overdue = fixture.cases().stream().filter(FixtureCase::overdue).findFirst().get();
    open("analyst", "/regulator/cases/" + overdue.institution() + "/" + overdue.caseNo(), lang);
    waitFor(browser, By.cssSelector(".case-deadline"));

    assertThat(text(".case-deadline"))
        .isEqualTo(
            overdue
                .receivedAt()
                .plusDays(15)
                .atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    assertThat(text(".deadline-facts strong.overdue"))
        .isEqualTo(lang.startsWith("zh") ? "已超期" : "Overdue");
    assertThat(browser.getPageSource()).contains(lang.startsWith("zh") ? "广东" : "Guangdong");
    screenshot(browser, shot("case-deadline", lang));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void trendsShowTheSearchAndShadeThePartialPeriod(String lang) throws Exception {
    String first = fixture.institutions().getFirst();
    open("analyst", "/regulator/trends?institution=" + first, lang);
    waitFor(browser, By.cssSelector("#trend-chart canvas"));

    LocalDate from = LocalDate.now(ZoneId.of("Asia/Shanghai")).withDayOfMonth(1).minusMonths(11);
    assertThat(browser.getCurrentUrl()).contains("receivedFrom=" + from);
    assertThat(browser.findElement(By.name("receivedFrom")).getAttribute("value"))
        .isEqualTo(from.toString());
    assertThat(text("section.charted")).contains(fixture.name(first));
    assertThat(browser.findElements(By.cssSelector("#trend-table tr.partial"))).hasSize(1);
    // the chart draws the partial month apart: a dashed line into a labelled point
    Object labelled =
        ((JavascriptExecutor) browser)
            .executeScript(
                "var s = echarts.getInstanceByDom(document.getElementById('trend-chart'))"
                    + ".getOption().series.filter(function (x) {"
                    + "  return x.lineStyle && x.lineStyle.type === 'dashed'; })[0];"
                    + "var last = s.data[s.data.length - 1];"
                    + "return last && last.label ? last.label.formatter : null;");
    assertThat(labelled).isEqualTo(lang.startsWith("zh") ? "不完整" : "partial");
    screenshot(browser, shot("trends-partial", lang));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void theProcessingPageSpeaksTheReadersLanguage(String lang) throws Exception {
    open("analyst", "/regulator/jobs", lang);
    waitFor(browser, By.cssSelector("main h1"));

    assertThat(text("main h1")).isEqualTo(lang.startsWith("zh") ? "处理进度" : "Processing");
    for (var cell : browser.findElements(By.cssSelector("main table tbody td:nth-child(3)"))) {
      assertThat(cell.getText()).doesNotMatch("COMPLETED|FAILED|STARTED");
    }
    screenshot(browser, shot("jobs", lang));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void officerReadsWhyAFilingWasRejectedAndOpensItsOwnCase(String lang) throws Exception {
    open("officer", "/institution/filings/" + ux.rejectedFiling, lang);
    waitFor(browser, By.cssSelector("dd.verdict"));

    assertThat(text("dd.verdict"))
        .startsWith(
            lang.startsWith("zh")
                ? "2 条记录中 1 条被拒收（50%），超过 20% 的上限"
                : "1 of 2 records rejected (50%), over the 20% limit");
    assertThat(text("dd.searchable")).startsWith(lang.startsWith("zh") ? "否" : "No");
    assertThat(text("td.record")).contains("2", lang.startsWith("zh") ? "CSV 第 4 行" : "CSV line 4");
    screenshot(browser, shot("institution-rejected-filing", lang));

    // the "most recent" list opens a case in its detail view (which case heads the list depends on
    // what else the shared test database holds: the first one is followed)
    browser.get(PortalApi.PORTAL + "/institution/cases");
    WebElement first = browser.findElement(By.cssSelector("a[href^='/institution/cases/']"));
    String firstCaseNo = first.getText();
    first.click();
    waitFor(browser, By.cssSelector(".case-deadline"));
    assertThat(text("main h1")).contains(firstCaseNo);
    // the fixture's own case, past its deadline and open, says so
    browser.get(PortalApi.PORTAL + "/institution/cases/" + ux.ownCaseNo);
    waitFor(browser, By.cssSelector(".case-deadline"));
    assertThat(text("main h1")).contains(ux.ownCaseNo);
    assertThat(text(".deadline-facts")).contains(lang.startsWith("zh") ? "已超期" : "Overdue");
    screenshot(browser, shot("institution-own-case", lang));
  }
}

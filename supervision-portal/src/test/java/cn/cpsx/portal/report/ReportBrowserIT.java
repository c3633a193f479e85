package cn.cpsx.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.PortalApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The report archive, a report page and the typical cases in headless Chromium, in both languages
 * at a phone's width (390 px) and a desk's (1280 px): what is shown is what is published, nothing
 * is wider than the screen, and the skip link comes first. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserIT {

  @Autowired JdbcClient jdbc;
  ReportFixtures f;
  ChromeDriver browser;

  @BeforeAll
  void load() {
    assertThat(Path.of("/usr/bin/chromium")).isExecutable();
    f = ReportFixtures.load(jdbc);
  }

  @AfterEach
  void screenshotAndQuit(TestInfo test) throws Exception {
    if (browser != null) {
      Path shots = Path.of("target", "screenshots");
      Files.createDirectories(shots);
      Files.write(
          shots.resolve(
              "report-" + test.getDisplayName().replaceAll("[^A-Za-z0-9-]+", "_") + ".png"),
          browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
      browser = null;
    }
  }

  @ParameterizedTest(name = "{0} {1}px {2}")
  @CsvSource({
    "zh-CN, 390, archive",
    "en, 390, archive",
    "zh-CN, 1280, archive",
    "en, 1280, archive",
    "zh-CN, 390, report",
    "en, 390, report",
    "zh-CN, 1280, report",
    "en, 1280, report",
    "zh-CN, 390, typical",
    "en, 390, typical",
    "zh-CN, 1280, typical",
    "en, 1280, typical"
  })
  void aReportPageShowsWhatIsPublishedAndFitsTheScreen(String lang, int width, String page) {
    open(width);
    boolean zh = lang.startsWith("zh");
    String path =
        switch (page) {
          case "archive" -> "/reports";
          case "report" -> "/reports/" + f.year;
          default -> "/reports/typical-cases";
        };
    browser.get(PortalApi.PORTAL + path + "?lang=" + lang);
    String text = browser.findElement(By.tagName("main")).getText();
    switch (page) {
      case "archive" -> {
        assertThat(
                browser.findElements(
                    By.cssSelector("#report-archive tr[data-period='" + f.year + "']")))
            .hasSize(2);
        assertThat(browser.findElements(By.cssSelector("tr[data-period='" + f.draftQuarter + "']")))
            .isEmpty();
        assertThat(text).contains(zh ? "年度" : "Annual");
      }
      case "report" -> {
        assertThat(text).contains(f.marker(2, zh)).doesNotContain(f.marker(1, zh));
        assertThat(browser.findElement(By.id("report-pdf")).getAttribute("href"))
            .endsWith("/reports/" + f.year + ".pdf?version=2");
      }
      default -> {
        assertThat(text)
            .contains(zh ? f.typicalTitle(true) : f.typicalTitle(false))
            .doesNotContain(f.unpublishedMarker());
      }
    }
    assertThat(text).doesNotContain(f.unpublishedMarker());
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
        .startsWith(lang.substring(0, 2));
    Long overflow =
        (Long)
            browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(overflow).as("nothing wider than the screen").isLessThanOrEqualTo(0L);

    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("skip");
  }

  private void open(int width) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=" + width + ",900");
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build(),
            options);
  }
}

package cn.cpsx.portal.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.PortalApi;
import cn.cpsx.portal.opendata.PublicFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The public pages in headless Chromium at a phone's width (390 px) and a desk's, in both
 * languages: the charts are drawn from their tables, nothing is wider than the screen, and the skip
 * link is the first thing the keyboard reaches. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicBrowserIT {

  @Autowired JdbcClient jdbc;
  PublicFixtures world;
  ChromeDriver browser;

  @BeforeAll
  void load() {
    assertThat(Path.of("/usr/bin/chromium")).isExecutable();
    world = PublicFixtures.load(jdbc);
  }

  @AfterEach
  void screenshotAndQuit(TestInfo test) throws Exception {
    if (browser != null) {
      Path shots = Path.of("target", "screenshots");
      Files.createDirectories(shots);
      Files.write(
          shots.resolve(test.getDisplayName().replaceAll("[^A-Za-z0-9-]+", "_") + ".png"),
          browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
      browser = null;
    }
  }

  @ParameterizedTest(name = "{0} {1}px {2}")
  @CsvSource({
    "zh-CN, 390, ratings",
    "en, 390, ratings",
    "en, 1280, ratings",
    "zh-CN, 390, file",
    "en, 390, file",
    "zh-CN, 390, methodology",
    "en, 390, methodology"
  })
  void aPublicPageFitsTheScreenDrawsItsChartsAndStartsWithTheSkipLink(
      String lang, int width, String page) {
    open(width);
    String path =
        switch (page) {
          case "ratings" -> "/ratings?period=" + world.period;
          case "file" -> "/ratings/" + world.corrected;
          default -> "/methodology";
        };
    browser.get(PortalApi.PORTAL + path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    switch (page) {
      case "ratings" -> {
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grade-chart canvas")));
        assertThat(browser.findElements(By.cssSelector("#rating-list tbody tr"))).hasSize(3);
      }
      case "file" -> {
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#history-chart canvas")));
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#category-chart canvas")));
        assertThat(browser.findElements(By.cssSelector("#version-table tbody tr"))).hasSize(2);
      }
      default ->
          assertThat(browser.findElement(By.id("example-score")).getText()).matches("\\d+\\.\\d");
    }
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

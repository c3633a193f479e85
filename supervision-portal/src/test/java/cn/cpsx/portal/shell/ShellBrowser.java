package cn.cpsx.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.KeycloakSignIn;
import cn.cpsx.portal.PortalApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's, as scripts/cpsx installs it) at a given width and language, with
 * what the shell's browser tests check on every page: axe-core's accessibility rules (Deque's
 * build, from the test classpath), Content-Security-Policy violations, sideways scrolling, CSRF
 * tokens in every posting form. Chinese shows as Chinese: scripts/cpsx installs a CJK font.
 */
final class ShellBrowser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Registered before any page script runs, so a violation on load is caught too. */
  private static final String WATCH_CSP =
      "window.__csp = [];"
          + "document.addEventListener('securitypolicyviolation', function (e) {"
          + "  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });";

  private static String axeScript;

  final ChromeDriver driver;
  final int width;
  final String lang;

  ShellBrowser(int width, String lang) {
    this.width = width;
    this.lang = lang;
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
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
        "--hide-scrollbars",
        "--window-size=" + width + "," + (width < 600 ? 844 : 768),
        "--lang=" + (lang.equals("zh") ? "zh-CN" : "en"));
    driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build(),
            options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH_CSP));
    if (width < 600) {
      // the window's outer size is not the page's: fix the viewport at the phone's exact width
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }
  }

  /** Opens a portal page in this browser's language. */
  void open(String pathAndQuery) {
    driver.get(
        PortalApi.PORTAL
            + pathAndQuery
            + (pathAndQuery.contains("?") ? "&" : "?")
            + "lang="
            + lang);
  }

  /**
   * Opens a signed-in area's page in this fresh browser and signs in on Keycloak's form, which it
   * waits for: looking once, right after the address was opened, can miss a form still on its way
   * and leave the browser signed out.
   */
  void signIn(String user, String pathAndQuery) {
    open(pathAndQuery);
    waitFor(By.id("username"));
    KeycloakSignIn.submit(driver, user);
  }

  void waitFor(By element) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(element));
  }

  /** axe-core's serious and critical violations on the page as it stands, one line each. */
  @SuppressWarnings("unchecked")
  List<String> seriousAccessibilityViolations() {
    driver.executeScript(axe());
    Object result =
        driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] })"
                + ".then(function (r) { done(r.violations.map(function (v) {"
                + "  return { id: v.id, impact: v.impact, help: v.help,"
                + "    nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }) };"
                + "})); })"
                + ".catch(function (e) { done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]); });");
    List<String> serious = new ArrayList<>();
    for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
      Object impact = violation.get("impact");
      if ("serious".equals(impact) || "critical".equals(impact)) {
        serious.add(
            impact
                + " "
                + violation.get("id")
                + ": "
                + violation.get("help")
                + " at "
                + violation.get("nodes"));
      }
    }
    return serious;
  }

  /** What the Content-Security-Policy refused since the page began loading. */
  @SuppressWarnings("unchecked")
  List<String> cspViolations() {
    Object seen = driver.executeScript("return window.__csp || [];");
    return (List<String>) seen;
  }

  /** How many pixels the page is wider than the screen (0 or less: no sideways scrolling). */
  long sidewaysOverflow() {
    return (Long)
        driver.executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
  }

  /**
   * Text squeezed into a column so narrow that it stands one or two characters a line (a table
   * caption left as a table caption when its table reflows into cards did that): any shown caption,
   * heading, cell, term, paragraph, list item, label, link or button of four or more characters
   * whose box is under 3.5 characters wide yet over three lines high.
   */
  @SuppressWarnings("unchecked")
  List<String> crampedText() {
    return (List<String>)
        driver.executeScript(
            "var found = [];"
                + "document.querySelectorAll('caption, h1, h2, h3, th, td, dt, dd, label, p, li, a, button')"
                + ".forEach(function (e) {"
                + "  var text = (e.innerText || '').trim();"
                + "  if (text.length < 4) return;"
                // headers a reflowed table keeps only for screen readers are clipped, not shown
                + "  if (e.closest('table.reflow thead, .visually-hidden')) return;"
                + "  var box = e.getBoundingClientRect();"
                + "  if (box.width === 0 || box.height === 0) return;"
                + "  var style = getComputedStyle(e);"
                + "  var em = parseFloat(style.fontSize);"
                + "  var line = parseFloat(style.lineHeight) || em * 1.2;"
                + "  if (box.width < 3.5 * em && box.height > 3 * line) {"
                + "    found.push(e.tagName.toLowerCase() + ' [' + text.slice(0, 30) + '] '"
                + "      + Math.round(box.width) + 'x' + Math.round(box.height) + ' px');"
                + "  }"
                + "});"
                + "return found;");
  }

  /** Forms that post without the CSRF token. */
  @SuppressWarnings("unchecked")
  List<String> postFormsWithoutCsrf() {
    return (List<String>)
        driver.executeScript(
            "return Array.prototype.filter.call(document.querySelectorAll('form'), function (f) {"
                + "  return f.method.toLowerCase() === 'post' && !f.querySelector('input[name=_csrf]'); })"
                + ".map(function (f) { return f.getAttribute('action'); });");
  }

  void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(
        SCREENSHOTS.resolve(
            "shell-" + name.replaceAll("[^A-Za-z0-9-]+", "_") + "-" + lang + "-" + width + ".png"),
        driver.getScreenshotAs(OutputType.BYTES));
  }

  private static synchronized String axe() {
    if (axeScript == null) {
      try (InputStream in = ShellBrowser.class.getResourceAsStream("/axe.min.js")) {
        assertThat(in).as("axe.min.js of com.deque.html.axe-core:selenium").isNotNull();
        axeScript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return axeScript;
  }

  @Override
  public void close() {
    driver.quit();
  }
}

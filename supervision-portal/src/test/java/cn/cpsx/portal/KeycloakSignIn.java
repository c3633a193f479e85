package cn.cpsx.portal;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signing in on Keycloak's form in a real browser, shared by the browser tests. */
public final class KeycloakSignIn {

  private KeycloakSignIn() {}

  /**
   * Fills in Keycloak's form shown now and waits until the browser is back on a portal page. Both
   * halves matter, or the next page opened cancels the sign-in half-way (the "lost sessions" of
   * issue 17): the address must start with the portal's, because Keycloak's own sign-in address
   * carries the portal's in its {@code redirect_uri} parameter; and it must have left the portal's
   * callback ({@code /login/oauth2/code/…}), whose answer sets the signed-in session's cookie.
   */
  public static void submit(WebDriver browser, String user) {
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(user);
    browser.findElement(By.id("kc-login")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            d -> {
              String url = d.getCurrentUrl();
              return url.startsWith(PortalApi.PORTAL + "/") && !url.contains("/login/oauth2/code/");
            });
    String landed = browser.getCurrentUrl();
    if (landed.startsWith(PortalApi.PORTAL + "/login")) {
      throw new AssertionError(
          "signing in as "
              + user
              + " ended on "
              + landed
              + ": "
              + browser.findElement(By.tagName("body")).getText());
    }
  }
}

package cn.cpsx.portal.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The portal's two languages, Chinese (default) and English, remembered in a cookie. Whatever a
 * link or a browser asks for is mapped onto one of them, so {@code ?lang=zh}, {@code zh-CN} and
 * {@code zh_CN} all give Chinese (a bare {@code zh} would otherwise miss {@code
 * messages_zh_CN.properties} and fall back to English) and anything else gives English.
 */
public final class PortalLanguage extends CookieLocaleResolver {

  public static final String COOKIE = "cpsx-lang";

  /** The request parameter that switches the language, on any page. */
  public static final String PARAM = "lang";

  public PortalLanguage() {
    super(COOKIE);
    setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    setCookieMaxAge(Duration.ofDays(365));
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    super.setLocale(request, response, locale == null ? null : supported(locale));
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return supported(super.resolveLocale(request));
  }

  /** Chinese for any Chinese tag, English for anything else. */
  public static Locale supported(Locale asked) {
    return "zh".equals(asked.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  /** The tag Keycloak's login page and the HTML {@code lang} attribute use. */
  public static String tag(Locale locale) {
    return supported(locale).toLanguageTag();
  }
}

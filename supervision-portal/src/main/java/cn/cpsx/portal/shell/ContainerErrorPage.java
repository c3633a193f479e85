package cn.cpsx.portal.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Requests Tomcat turns away before the portal sees them — an address with an encoded NUL, slash,
 * backslash or {@code ..}, or bytes that are not UTF-8 — get the portal's 400 page instead of
 * Tomcat's grey report. No language can be read from a request refused that early, so the page says
 * it in both, from the same messages as {@link PortalErrorController}'s page. Tomcat reads such a
 * page from a file: it is written once at start-up.
 */
@Component
class ContainerErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private static final Locale[] BOTH = {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH};

  private final MessageSource messages;

  ContainerErrorPage(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    Path page = write(html());
    factory.addContextCustomizers(
        context -> {
          ErrorReportValve valve = new ErrorReportValve();
          valve.setShowReport(false);
          valve.setShowServerInfo(false);
          valve.setProperty("errorCode.400", page.toString());
          context.getParent().getPipeline().addValve(valve);
        });
  }

  String html() {
    StringBuilder main = new StringBuilder();
    for (Locale locale : BOTH) {
      String lang = locale.equals(Locale.ENGLISH) ? "en" : "zh-CN";
      main.append("<section lang=\"")
          .append(lang)
          .append("\"><p class=\"meta\">")
          .append(text("error.status", locale, 400))
          .append("</p><h1>")
          .append(text("error.title.400", locale))
          .append("</h1><p>")
          .append(text("error.text.400", locale))
          .append("</p><p><a href=\"/?lang=")
          .append(lang.equals("en") ? "en" : "zh")
          .append("\">")
          .append(text("error.home", locale))
          .append("</a></p></section>");
    }
    return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + text("error.title.400", Locale.SIMPLIFIED_CHINESE)
        + " · "
        + text("error.title.400", Locale.ENGLISH)
        + "</title><link rel=\"stylesheet\" href=\"/css/cpsx.css\"></head><body>"
        + "<header class=\"top\"><a class=\"brand\" href=\"/\">"
        + text("app.name", Locale.SIMPLIFIED_CHINESE)
        + "</a></header><main class=\"error-page\" data-status=\"400\">"
        + main
        + "</main></body></html>";
  }

  private String text(String code, Locale locale, Object... args) {
    return HtmlUtils.htmlEscape(messages.getMessage(code, args, locale));
  }

  private static Path write(String html) {
    try {
      Path file = Files.createTempFile("cpsx-portal-400-", ".html");
      file.toFile().deleteOnExit();
      return Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the portal's 400 page for Tomcat", e);
    }
  }
}

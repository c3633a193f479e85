package cn.cpsx.portal.shell;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The header's language link: the page being read, with its query and filters, in the other
 * language. On an error page it is the address that failed, not {@code /error}.
 */
@ControllerAdvice
class LanguageSwitch {

  @ModelAttribute("otherLanguage")
  OtherLanguage otherLanguage(HttpServletRequest request, Locale locale) {
    Locale other =
        PortalLanguage.supported(locale).getLanguage().equals("zh")
            ? Locale.ENGLISH
            : Locale.SIMPLIFIED_CHINESE;
    String tag = other.getLanguage();
    Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = failedPath != null ? failedPath.toString() : request.getRequestURI();
    Object failedQuery = request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
    String query = failedPath != null ? (String) failedQuery : request.getQueryString();
    String url =
        UriComponentsBuilder.fromPath(path)
            .query(query)
            .replaceQueryParam(PortalLanguage.PARAM, tag)
            .build()
            .toUriString();
    return new OtherLanguage(url, other.toLanguageTag());
  }

  /**
   * @param url the same page and query in the other language
   * @param tag that language's tag, for {@code hreflang} and {@code lang}
   */
  record OtherLanguage(String url, String tag) {}
}

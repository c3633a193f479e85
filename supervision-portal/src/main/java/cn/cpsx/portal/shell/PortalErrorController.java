package cn.cpsx.portal.shell;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * Errors as a browser reader gets them: a page in the portal's look and language that says what
 * happened and offers a way on (home, the page before, the reader's own area), never Spring's
 * white-label page or a stack trace. Scripts keep JSON: anything that does not ask for HTML gets
 * Spring Boot's JSON error, and so does every {@code /api/} address even when a browser asks.
 */
@Controller
@RequestMapping("/error")
class PortalErrorController extends BasicErrorController {

  /** Statuses with their own title and text; any other has a general one. */
  private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 500);

  PortalErrorController(
      ErrorAttributes errors, WebProperties web, List<ErrorViewResolver> resolvers) {
    super(errors, web.getError(), resolvers);
  }

  @Override
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    HttpStatus status = getStatus(request);
    response.setStatus(status.value());
    if (failedPath(request).contains("/api/")) {
      return new ModelAndView(new JacksonJsonView(), error(request).getBody());
    }
    Map<String, Object> attributes =
        getErrorAttributes(
            request,
            status == HttpStatus.BAD_REQUEST
                ? ErrorAttributeOptions.of(ErrorAttributeOptions.Include.MESSAGE)
                : ErrorAttributeOptions.defaults());
    ModelAndView page = new ModelAndView("error/page");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("explained", EXPLAINED.contains(status.value()) ? status.value() : "other");
    page.addObject("path", failedPath(request));
    Object message = attributes.get("message");
    page.addObject(
        "problem",
        status == HttpStatus.BAD_REQUEST && message instanceof String text && !text.isBlank()
            ? text
            : null);
    page.addObject("back", sameSiteReferrer(request));
    return page;
  }

  private static String failedPath(HttpServletRequest request) {
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return path == null ? request.getRequestURI() : path.toString();
  }

  /** The page the reader came from, if it is one of the portal's own (never another site's). */
  private static String sameSiteReferrer(HttpServletRequest request) {
    String referrer = request.getHeader(HttpHeaders.REFERER);
    if (referrer == null) {
      return null;
    }
    try {
      URI from = URI.create(referrer);
      boolean sameSite =
          request.getServerName().equalsIgnoreCase(from.getHost())
              && request.getServerPort()
                  == (from.getPort() == -1 ? defaultPort(from.getScheme()) : from.getPort());
      if (!sameSite || from.getRawPath() == null || from.getRawPath().equals(failedPath(request))) {
        return null;
      }
      return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}

package cn.cpsx.ingestion.security;

import cn.cpsx.ingestion.IntakeError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters of the REST API that cannot be read (bytes that are not UTF-8) or that hold a
 * control character or an unpaired surrogate are answered 400, before any route sees them. Without
 * this, invalid UTF-8 failed Camel's reading of the parameters and a NUL reached PostgreSQL, which
 * cannot hold it: both were a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadableParameters extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!readable(request)) {
      response.setStatus(400);
      response.setContentType("application/json;charset=UTF-8");
      JSON.writeValue(
          response.getOutputStream(),
          new IntakeError(
              null,
              "请求参数无法读取：含有控制字符，或不是 UTF-8 编码",
              "A request parameter cannot be read: it holds a control character or is not UTF-8"));
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean readable(HttpServletRequest request) {
    Map<String, String[]> parameters;
    try {
      // This filter runs before Spring's CharacterEncodingFilter, and parameters are decoded once:
      // a form posted without a charset (what browsers send) would be read as ISO-8859-1 for good,
      // and every Chinese value in it garbled.
      if (request.getCharacterEncoding() == null) {
        request.setCharacterEncoding(StandardCharsets.UTF_8);
      }
      parameters = request.getParameterMap();
    } catch (RuntimeException undecodable) {
      return false;
    }
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      if (!clean(parameter.getKey())) {
        return false;
      }
      for (String value : parameter.getValue()) {
        if (!clean(value)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean clean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        if (!paired) {
          return false;
        }
      }
    }
    return true;
  }
}

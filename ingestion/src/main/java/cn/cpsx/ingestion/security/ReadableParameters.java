package cn.cpsx.ingestion.security;

import cn.cpsx.ingestion.IntakeError;
import cn.cpsx.schemas.RequestParameters;
import cn.cpsx.schemas.RequestParameters.Refusing;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Query parameters of the REST API that cannot be read (bytes that are not UTF-8) or that hold a
 * control character or an unpaired surrogate are answered 400, before any route sees them. Without
 * this, invalid UTF-8 failed Camel's reading of the parameters and a NUL reached PostgreSQL, which
 * cannot hold it: both were a 500. The check is the portal's too ({@link RequestParameters}); the
 * portal allows line breaks and tabs, which no query parameter of this API holds.
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
    if (!RequestParameters.readable(
        request::getCharacterEncoding,
        request::setCharacterEncoding,
        request::getParameterMap,
        Refusing.CONTROL_CHARACTERS)) {
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
}

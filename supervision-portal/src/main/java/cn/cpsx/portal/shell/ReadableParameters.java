package cn.cpsx.portal.shell;

import cn.cpsx.schemas.RequestParameters;
import cn.cpsx.schemas.RequestParameters.Refusing;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request parameters that cannot be read (bytes that are not UTF-8) or that hold U+0000 or an
 * unpaired surrogate are answered 400 on the portal's error page (JSON for {@code /api/}), before
 * any controller sees them: PostgreSQL cannot hold either character, and the container's failure to
 * decode parameters would otherwise surface as a 500. Line breaks and tabs stay allowed (forms hold
 * text areas); the check is ingestion's too ({@link RequestParameters}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadableParameters extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getDispatcherType() == DispatcherType.REQUEST
        && !RequestParameters.readable(
            request::getCharacterEncoding,
            request::setCharacterEncoding,
            request::getParameterMap,
            Refusing.UNSTORABLE)) {
      response.sendError(
          400,
          "A parameter of this request cannot be read: it holds U+0000 or is not UTF-8 /"
              + " 请求参数无法读取：含有 U+0000 字符或不是 UTF-8 编码");
      return;
    }
    chain.doFilter(request, response);
  }
}

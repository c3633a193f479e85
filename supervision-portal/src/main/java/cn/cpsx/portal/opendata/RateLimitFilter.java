package cn.cpsx.portal.opendata;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} and a JSON body once the client's address has used its
 * requests. The address is the TCP peer's ({@code getRemoteAddr()}): a forwarded-for header is
 * trusted only when the server is set up behind a known proxy (Spring Boot's {@code
 * server.forward-headers-strategy}), since anyone can send one.
 */
final class RateLimitFilter extends OncePerRequestFilter {

  private final ClientRateLimit limit;

  RateLimitFilter(ClientRateLimit limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ClientRateLimit.Decision decision = limit.consume(request.getRemoteAddr());
    response.setHeader("X-RateLimit-Limit", Integer.toString(limit.perMinute()));
    response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
    if (decision.allowed()) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json;charset=UTF-8");
    response
        .getOutputStream()
        .write(
            ("{\"error\":\"rate_limited\",\"message\":\"at most "
                    + limit.perMinute()
                    + " requests a minute per client address; retry after "
                    + decision.retryAfterSeconds()
                    + " s\",\"retryAfterSeconds\":"
                    + decision.retryAfterSeconds()
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
  }
}

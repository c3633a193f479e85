package cn.cpsx.ingestion.filing;

import cn.cpsx.ingestion.IntakeError;
import cn.cpsx.ingestion.security.RefusalAnswer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * The web server listens a moment before Camel has started the REST routes; a filing sent then got
 * 404 (found by the fault suite), which a filer may take as final and drop the filing. Until Camel
 * has started, the REST API answers 503 with {@code Retry-After}, which every filer knows to retry,
 * and the health ({@code intakeReadiness}) says OUT_OF_SERVICE, so whoever waits for the app to be
 * healthy (scripts, tests, a load balancer) waits for the routes too. A SOAP call, which the same
 * routes serve, gets its channel's answer instead ({@link RefusalAnswer}: a SOAP fault saying to
 * retry), not the generic fault CXF gave while the routes were missing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeReadiness extends OncePerRequestFilter implements HealthIndicator {

  static final int RETRY_AFTER_SECONDS = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BooleanSupplier routesStarted;
  private final List<RefusalAnswer> channelAnswers;

  @Autowired
  IntakeReadiness(CamelContext camel, List<RefusalAnswer> channelAnswers) {
    this(() -> camel.getStatus().isStarted(), channelAnswers);
  }

  IntakeReadiness(BooleanSupplier routesStarted, List<RefusalAnswer> channelAnswers) {
    this.routesStarted = routesStarted;
    this.channelAnswers = channelAnswers;
  }

  @Override
  public Health health() {
    return routesStarted.getAsBoolean()
        ? Health.up().build()
        : Health.outOfService().withDetail("reason", "the REST routes are starting").build();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/")
        && channelAnswers.stream().noneMatch(channel -> channel.answers(request));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (routesStarted.getAsBoolean()) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    IntakeError error =
        new IntakeError(
            null,
            "报送服务正在启动，请于 " + RETRY_AFTER_SECONDS + " 秒后重试",
            "The filing service is starting; retry in " + RETRY_AFTER_SECONDS + " seconds");
    for (RefusalAnswer channel : channelAnswers) {
      if (channel.answers(request)) {
        channel.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, error);
        return;
      }
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("application/json;charset=UTF-8");
    JSON.writeValue(response.getOutputStream(), error);
  }
}

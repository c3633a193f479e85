package cn.cpsx.portal.opendata;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The rate limits and caching of the public surface. Both limits run before Spring Security and
 * everything else, so a client over its limit costs no database query; static files (CSS, scripts,
 * ECharts) are not limited, a page needs them.
 */
@Configuration(proxyBeanMethods = false)
class OpenDataConfiguration {

  /** Paths of the public pages (publicsite), limited apart from the API. */
  static final String[] PUBLIC_PAGES = {
    "/", "/ratings", "/ratings/*", "/methodology", "/open-data"
  };

  @Bean
  FilterRegistrationBean<RateLimitFilter> openDataRateLimit(OpenDataProperties properties) {
    OpenDataProperties.RateLimit settings = properties.rateLimit();
    FilterRegistrationBean<RateLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RateLimitFilter(
                new ClientRateLimit(settings.requestsPerMinute(), settings.trackedAddresses())));
    registration.addUrlPatterns("/api/open/*");
    registration.setName("openDataRateLimit");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RateLimitFilter> publicPagesRateLimit(OpenDataProperties properties) {
    OpenDataProperties.RateLimit settings = properties.rateLimit();
    FilterRegistrationBean<RateLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RateLimitFilter(
                new ClientRateLimit(
                    settings.pageRequestsPerMinute(), settings.trackedAddresses())));
    registration.addUrlPatterns(PUBLIC_PAGES);
    registration.setName("publicPagesRateLimit");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** ETags on the API: a reader polling for new publications gets 304 while nothing changed. */
  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> openDataEtags() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
        new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns("/api/open/*");
    registration.setName("openDataEtags");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}

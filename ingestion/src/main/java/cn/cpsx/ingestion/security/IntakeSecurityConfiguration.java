package cn.cpsx.ingestion.security;

import cn.cpsx.ingestion.IntakeError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Filing endpoints take only institutions' bearer tokens. Refusals are the intake's error in both
 * languages: JSON, or a SOAP fault for SOAP calls (see {@link RefusalAnswer}).
 */
@Configuration(proxyBeanMethods = false)
class IntakeSecurityConfiguration {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  SecurityFilterChain intakeSecurity(HttpSecurity http, List<RefusalAnswer> channelAnswers)
      throws Exception {
    JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
    tokens.setJwtGrantedAuthoritiesConverter(IntakeSecurityConfiguration::realmRoles);
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/actuator/health/**",
                        "/actuator/health",
                        "/actuator/info",
                        "/api/v1/openapi.yaml",
                        "/api/v1/filing-v1.xsd",
                        // so a 404/405 reaches the caller as such, not as a misleading 403
                        "/error")
                    .permitAll()
                    // The WSDL (and anything else CXF serves on GET) is public; calls are POSTs.
                    .requestMatchers(HttpMethod.GET, "/services/**")
                    .permitAll()
                    .requestMatchers("/api/**", "/services/**")
                    .hasRole("INSTITUTION")
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            answer(
                                channelAnswers,
                                request,
                                response,
                                401,
                                new IntakeError(
                                    null,
                                    "需要有效的访问令牌（OAuth2 bearer token）",
                                    "A valid OAuth2 bearer token is required")))
                    .accessDeniedHandler(
                        (request, response, e) ->
                            answer(
                                channelAnswers,
                                request,
                                response,
                                403,
                                new IntakeError(
                                    null,
                                    "该令牌无权报送：需要机构角色和 institution_id 声明",
                                    "This token may not file: it needs the INSTITUTION role and an"
                                        + " institution_id claim"))))
        .addFilterAfter(new InstitutionAttributeFilter(), BearerTokenAuthenticationFilter.class);
    return http.build();
  }

  /**
   * Boot's decoder (keys from the issuer's metadata, fetched on first use), with expiry judged by
   * the application's clock: one clock for receipts and tokens, so a test can present a real
   * Keycloak token after its expiry.
   */
  @Bean
  JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, Clock clock) {
    String issuer = properties.getJwt().getIssuerUri();
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
          JwtTimestampValidator expiry = new JwtTimestampValidator();
          expiry.setClock(clock);
          decoder.setJwtValidator(
              new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(issuer)));
          return decoder;
        });
  }

  private static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
    List<String> roles = jwt.getClaimAsStringList("roles");
    if (roles == null) {
      return List.of();
    }
    boolean hasInstitution = jwt.getClaimAsString("institution_id") != null;
    return roles.stream()
        // An INSTITUTION role without the claim that says which one is worthless here.
        .filter(role -> !role.equals("INSTITUTION") || hasInstitution)
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
  }

  private static void answer(
      List<RefusalAnswer> channelAnswers,
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      IntakeError error)
      throws IOException {
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    for (RefusalAnswer channel : channelAnswers) {
      if (channel.answers(request)) {
        channel.write(response, status, error);
        return;
      }
    }
    writeJson(response, status, error);
  }

  private static void writeJson(HttpServletResponse response, int status, IntakeError error)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    JSON.writeValue(response.getOutputStream(), error);
  }

  /** Carries the token's institution to the Camel routes as a request attribute. */
  static final class InstitutionAttributeFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      var authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
        String uscc = jwt.getClaimAsString("institution_id");
        if (uscc != null) {
          request.setAttribute(
              AuthenticatedInstitution.ATTRIBUTE, new AuthenticatedInstitution(uscc));
        }
      }
      chain.doFilter(request, response);
    }
  }
}

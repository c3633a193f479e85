package cn.cpsx.portal.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

  @Bean
  SecurityFilterChain portalSecurity(
      HttpSecurity http, ClientRegistrationRepository clients, LocaleResolver language)
      throws Exception {
    OidcClientInitiatedLogoutSuccessHandler logout =
        new OidcClientInitiatedLogoutSuccessHandler(clients);
    logout.setPostLogoutRedirectUri("{baseUrl}/");
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/", "/css/**", "/js/**", "/webjars/**", "/error", "/actuator/health")
                    .permitAll()
                    // the public pages and open data (publicsite, opendata): no sign-in, §12
                    .requestMatchers(
                        "/ratings",
                        "/ratings/*",
                        "/ratings/*/*",
                        "/methodology",
                        "/open-data",
                        "/open-data/**",
                        "/reports",
                        "/reports/**",
                        "/api/open/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/regulator/cases/*/*/reveal")
                    .hasRole("SUPERVISOR")
                    // the audit log and its hash chain: supervisors and administrators
                    .requestMatchers("/regulator/audit/**")
                    .hasAnyRole("SUPERVISOR", "ADMIN")
                    // analysts read ratings; only supervisors request, decide and publish (§7)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/regulator/ratings/**",
                        "/regulator/enforcement/**",
                        "/regulator/reports/**")
                    .hasRole("SUPERVISOR")
                    .requestMatchers("/regulator/**")
                    .hasAnyRole("ANALYST", "SUPERVISOR")
                    .requestMatchers("/institution/**")
                    .hasRole("INSTITUTION")
                    .requestMatchers("/actuator/**")
                    .authenticated()
                    // Every page outside the two signed-in areas is public (PortalRoutesIT keeps
                    // it so), so an unknown address answers 404 to everyone, not a sign-in.
                    .anyRequest()
                    .permitAll())
        .oauth2Login(
            login ->
                login
                    .authorizationEndpoint(
                        a -> a.authorizationRequestResolver(new SignInLanguage(clients, language)))
                    .userInfoEndpoint(u -> u.userAuthoritiesMapper(realmRoles())))
        // Spring Security would answer every refusal the resource server's way (a bare 403):
        // a browser gets the portal's 403 page instead, a script with a token the bare status.
        .exceptionHandling(e -> e.accessDeniedHandler(refusal()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                ContentSecurityPolicy.forSignInAt(
                                    clients
                                        .findByRegistrationId("keycloak")
                                        .getProviderDetails()
                                        .getAuthorizationUri())))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy
                                    .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
        // Scripts call the same URLs (the JSON API, the export) with a Keycloak access token.
        .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(tokenRoles())))
        .logout(l -> l.logoutSuccessHandler(logout));
    return http.build();
  }

  static AccessDeniedHandler refusal() {
    AccessDeniedHandler page = new AccessDeniedHandlerImpl();
    AccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
    return (request, response, denied) ->
        (request.getHeader(HttpHeaders.AUTHORIZATION) != null ? bearer : page)
            .handle(request, response, denied);
  }

  /** An access token's {@code roles} claim as authorities; its user name as the principal name. */
  static JwtAuthenticationConverter tokenRoles() {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName("roles");
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(roles);
    converter.setPrincipalClaimName("preferred_username");
    return converter;
  }

  /** Keycloak's realm roles arrive in the ID token's {@code roles} claim (see the realm file). */
  static GrantedAuthoritiesMapper realmRoles() {
    return authorities -> {
      Set<GrantedAuthority> mapped = new HashSet<>(authorities);
      for (GrantedAuthority authority : authorities) {
        if (authority instanceof OidcUserAuthority oidc) {
          Collection<String> roles = oidc.getIdToken().getClaimAsStringList("roles");
          for (String role : roles == null ? List.<String>of() : roles) {
            mapped.add(new SimpleGrantedAuthority("ROLE_" + role));
          }
        }
      }
      return mapped;
    };
  }
}

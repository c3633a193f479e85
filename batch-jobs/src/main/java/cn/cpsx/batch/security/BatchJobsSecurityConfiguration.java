package cn.cpsx.batch.security;

import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * batch-jobs' HTTP side is job control and the actuator. Job control is no loopback exception: a
 * caller shows a Keycloak access token with the realm role OPERATOR or ADMIN (the {@code roles}
 * claim), as scripts/cpsx and the demo do with the {@code cpsx-operations} client. Health is open,
 * so scripts and supervisors see whether the process is up without a token.
 */
@Configuration(proxyBeanMethods = false)
class BatchJobsSecurityConfiguration {

  /** The realm roles that control jobs. */
  static final String[] OPERATOR_ROLES = {"OPERATOR", "ADMIN"};

  @Bean
  SecurityFilterChain batchJobsSecurity(HttpSecurity http) throws Exception {
    JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
    tokens.setJwtGrantedAuthoritiesConverter(BatchJobsSecurityConfiguration::realmRoles);
    tokens.setPrincipalClaimName("preferred_username");
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                    .permitAll()
                    .requestMatchers("/jobs", "/jobs/**", "/actuator/**")
                    .hasAnyRole(OPERATOR_ROLES)
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens)));
    return http.build();
  }

  private static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
    List<String> roles = jwt.getClaimAsStringList("roles");
    return roles == null
        ? List.of()
        : roles.stream()
            .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
            .toList();
  }
}

package cn.cpsx.portal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What a {@code @WebMvcTest} of a portal controller needs to run behind the portal's own security
 * configuration without Keycloak: the sign-in client registered by hand (no discovery call), and a
 * token decoder that knows four fixed tokens, each carrying the claims Keycloak's would (realm
 * roles in {@code roles}, the user name, an institution's {@code institution_id}). The role
 * mapping, the access rules and the CSRF rules stay the portal's.
 */
@TestConfiguration(proxyBeanMethods = false)
// the portal's security configuration, which a web slice does not pick up by itself
@ComponentScan(
    basePackages = "cn.cpsx.portal.security",
    useDefaultFilters = false,
    includeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "cn\\.cpsx\\.portal\\.security\\.PortalSecurityConfiguration"))
@EnableConfigurationProperties(PortalProperties.class)
public class PortalSlice {

  public static final String ANALYST = "Bearer analyst";
  public static final String SUPERVISOR = "Bearer supervisor";
  public static final String OFFICER = "Bearer officer";
  public static final String ADMIN = "Bearer admin";

  private static final Map<String, List<String>> ROLES =
      Map.of(
          "analyst", List.of("ANALYST"),
          "supervisor", List.of("SUPERVISOR", "ANALYST"),
          "officer", List.of("INSTITUTION"),
          "admin", List.of("ADMIN"));

  @Bean
  ClientRegistrationRepository clientRegistrations() {
    String realm = "http://localhost:18080/realms/cpsx/protocol/openid-connect";
    return new InMemoryClientRegistrationRepository(
        ClientRegistration.withRegistrationId("keycloak")
            .clientId("cpsx-portal")
            .clientSecret("slice")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid")
            .authorizationUri(realm + "/auth")
            .tokenUri(realm + "/token")
            .jwkSetUri(realm + "/certs")
            .userNameAttributeName("preferred_username")
            .build());
  }

  @Bean
  JwtDecoder tokens() {
    return token -> {
      List<String> roles = ROLES.get(token);
      if (roles == null) {
        throw new BadJwtException("not a token of the slice: " + token);
      }
      Jwt.Builder jwt =
          Jwt.withTokenValue(token)
              .header("alg", "none")
              .issuedAt(Instant.now())
              .expiresAt(Instant.now().plusSeconds(300))
              .claim("preferred_username", token)
              .claim("roles", roles);
      if (token.equals("officer")) {
        jwt.claim("institution_id", "91110000770914530P");
      }
      return jwt.build();
    };
  }
}

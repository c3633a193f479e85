package cn.cpsx.portal.security;

import cn.cpsx.portal.shell.PortalLanguage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sends the portal's language to Keycloak as {@code ui_locales} (OpenID Connect Core §3.1.2.1), so
 * the sign-in page speaks the language the reader chose; the realm offers zh-CN and en. The
 * language is read as the pages read it (the portal's cookie), since this runs before Spring MVC.
 */
final class SignInLanguage implements OAuth2AuthorizationRequestResolver {

  private final DefaultOAuth2AuthorizationRequestResolver standard;
  private final LocaleResolver language;
  private final RequestCache savedRequests = new HttpSessionRequestCache();

  SignInLanguage(ClientRegistrationRepository clients, LocaleResolver language) {
    this.standard =
        new DefaultOAuth2AuthorizationRequestResolver(
            clients,
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    this.language = language;
  }

  @Override
  public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
    return withLanguage(standard.resolve(request), request);
  }

  @Override
  public OAuth2AuthorizationRequest resolve(
      HttpServletRequest request, String clientRegistrationId) {
    return withLanguage(standard.resolve(request, clientRegistrationId), request);
  }

  private OAuth2AuthorizationRequest withLanguage(
      OAuth2AuthorizationRequest authorization, HttpServletRequest request) {
    if (authorization == null) {
      return null;
    }
    String tag = PortalLanguage.tag(languageOf(request));
    return OAuth2AuthorizationRequest.from(authorization)
        .additionalParameters(params -> params.put("ui_locales", tag))
        .build();
  }

  /**
   * A page opened with {@code ?lang=} before signing in never reached Spring MVC (sign-in came
   * first), so its parameter is read from the request saved for after sign-in; else the cookie.
   */
  private Locale languageOf(HttpServletRequest request) {
    SavedRequest saved = savedRequests.getRequest(request, null);
    String[] asked = saved == null ? null : saved.getParameterValues(PortalLanguage.PARAM);
    if (asked != null && asked.length > 0 && !asked[0].isBlank()) {
      return Locale.forLanguageTag(asked[0].replace('_', '-'));
    }
    return language.resolveLocale(request);
  }
}

package cn.cpsx.portal.security;

import java.net.URI;

/**
 * The portal's Content-Security-Policy. Scripts come only from the portal itself ({@code static/js}
 * and the ECharts webjar): no page has an inline script or event handler, so no nonce is needed and
 * none is allowed. Styles may be inline: the stored report HTML carries its own {@code <style>} and
 * ECharts styles its tooltips with attributes; styles cannot run code. Forms post only to the
 * portal, and to the sign-in server (sign-out is a form whose answer redirects there).
 */
final class ContentSecurityPolicy {

  private ContentSecurityPolicy() {}

  static String forSignInAt(String authorizationUri) {
    URI signIn = URI.create(authorizationUri);
    String signInOrigin =
        signIn.getScheme()
            + "://"
            + signIn.getHost()
            + (signIn.getPort() == -1 ? "" : ":" + signIn.getPort());
    return String.join(
        "; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self' " + signInOrigin,
        "frame-ancestors 'none'");
  }
}

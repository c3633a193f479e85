package cn.cpsx.portal.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts who is signed in (or nobody) into every page's model for the layout. */
@ControllerAdvice
class CurrentUser {

  /**
   * What the page header shows of the signed-in user; {@code auditor}: may read the audit log
   * (supervisors and administrators, as PortalSecurityConfiguration allows).
   */
  record Viewer(
      String name, boolean regulator, boolean supervisor, boolean institution, boolean auditor) {}

  @ModelAttribute("viewer")
  Viewer viewer(@AuthenticationPrincipal OidcUser user) {
    if (user == null) {
      return null;
    }
    var roles = user.getIdToken().getClaimAsStringList("roles");
    boolean regulator =
        roles != null && (roles.contains("ANALYST") || roles.contains("SUPERVISOR"));
    boolean supervisor = roles != null && roles.contains("SUPERVISOR");
    boolean institution = roles != null && roles.contains("INSTITUTION");
    boolean auditor = supervisor || (roles != null && roles.contains("ADMIN"));
    String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
    return new Viewer(name, regulator, supervisor, institution, auditor);
  }
}

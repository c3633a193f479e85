package cn.cpsx.portal.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.web.server.ResponseStatusException;

/** Who is asking, the same whether they signed in through the browser or sent an access token. */
public final class Identity {

  private Identity() {}

  /**
   * The USCC of a signed-in institution, from the {@code institution_id} claim. Without the claim
   * the request is refused outright: institution queries never run without it.
   */
  public static String institutionId(Authentication authentication) {
    String uscc = claim(authentication, "institution_id");
    if (uscc == null || uscc.isBlank()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "no institution_id claim");
    }
    return uscc;
  }

  /** The user name written to the audit log. */
  public static String actor(Authentication authentication) {
    String username = claim(authentication, "preferred_username");
    return username != null ? username : authentication.getName();
  }

  private static String claim(Authentication authentication, String name) {
    if (authentication == null) {
      return null;
    }
    Object principal = authentication.getPrincipal();
    if (principal instanceof ClaimAccessor claims) {
      return claims.getClaimAsString(name);
    }
    return null;
  }
}

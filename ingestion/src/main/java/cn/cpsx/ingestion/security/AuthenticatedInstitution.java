package cn.cpsx.ingestion.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The institution a request authenticated as. Kept as a request attribute because Camel's
 * platform-http processes the exchange on its own threads, where Spring Security's thread-bound
 * context is not available.
 */
public record AuthenticatedInstitution(String uscc) {

  static final String ATTRIBUTE = AuthenticatedInstitution.class.getName();

  public static AuthenticatedInstitution of(HttpServletRequest request) {
    Object institution = request.getAttribute(ATTRIBUTE);
    if (institution == null) {
      // Unreachable behind IntakeSecurityConfiguration; fail closed if that ever changes.
      throw new IllegalStateException("request reached a filing route without an institution");
    }
    return (AuthenticatedInstitution) institution;
  }
}

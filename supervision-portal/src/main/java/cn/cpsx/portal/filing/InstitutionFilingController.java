package cn.cpsx.portal.filing;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The institution area: its own filings and their validation reports. */
@Controller
class InstitutionFilingController {

  private final InstitutionFilings filings;

  InstitutionFilingController(InstitutionFilings filings) {
    this.filings = filings;
  }

  @GetMapping("/institution/filings")
  String list(@AuthenticationPrincipal OidcUser user, Model model) {
    model.addAttribute("filings", filings.recent(uscc(user), 200));
    return "institution/filings";
  }

  @GetMapping("/institution/filings/{filingId}")
  String detail(
      @AuthenticationPrincipal OidcUser user, @PathVariable String filingId, Model model) {
    String uscc = uscc(user);
    model.addAttribute(
        "filing",
        filings
            .find(uscc, filingId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    model.addAttribute("findings", filings.findings(uscc, filingId));
    return "institution/filing";
  }

  /** An institution user without the claim that says which institution is refused outright. */
  private static String uscc(OidcUser user) {
    String uscc = user.getClaimAsString("institution_id");
    if (uscc == null || uscc.isBlank()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "no institution_id claim");
    }
    return uscc;
  }
}

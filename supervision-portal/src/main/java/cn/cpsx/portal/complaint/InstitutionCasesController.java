package cn.cpsx.portal.complaint;

import cn.cpsx.portal.security.Identity;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The institution area's own case statistics: its cases as the regulator's index holds them
 * (masked), counted by status, category, reason and month. The USCC from the sign-in is part of the
 * query itself; no parameter can widen it.
 */
@Controller
class InstitutionCasesController {

  private final CaseSearch search;
  private final CaseTrends trends;
  private final CaseDetails details;

  InstitutionCasesController(CaseSearch search, CaseTrends trends, CaseDetails details) {
    this.search = search;
    this.trends = trends;
    this.details = details;
  }

  /**
   * One of the institution's own cases, masked, with its deadline and filed versions. The USCC of
   * the sign-in is part of the lookup, so another institution's case number is simply not found
   * (404), exactly like one that does not exist.
   */
  @GetMapping("/institution/cases/{caseNo}")
  String detail(@PathVariable String caseNo, Authentication user, Model model) {
    model.addAttribute(
        "view",
        details
            .masked(Identity.institutionId(user), caseNo)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case")));
    return "institution/case";
  }

  @GetMapping("/institution/cases")
  String own(Authentication user, Model model) throws IOException {
    String uscc = Identity.institutionId(user);
    CaseQuery own = CaseQuery.builder().with(CaseFacet.INSTITUTION, uscc).build();
    model.addAttribute("result", search.searchWithin(uscc, own));
    model.addAttribute("trend", trends.trend(own, new TrendOptions("month", null, null)));
    model.addAttribute(
        "facets",
        new CaseFacet[] {
          CaseFacet.STATUS, CaseFacet.BUSINESS_CATEGORY, CaseFacet.REASON, CaseFacet.CHANNEL
        });
    return "institution/cases";
  }
}

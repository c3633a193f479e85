package cn.cpsx.portal.complaint;

import cn.cpsx.portal.security.Identity;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The institution area's own case statistics: its cases as the regulator's index holds them
 * (masked), counted by status, category, reason and month. The USCC from the sign-in is part of the
 * query itself; no parameter can widen it.
 */
@Controller
class InstitutionCasesController {

  private final CaseSearch search;
  private final CaseTrends trends;

  InstitutionCasesController(CaseSearch search, CaseTrends trends) {
    this.search = search;
    this.trends = trends;
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

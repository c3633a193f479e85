package cn.cpsx.portal.filing;

import cn.cpsx.portal.security.Identity;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The institution area: its own filings and their validation reports. */
@Controller
class InstitutionFilingController {

  private final FilingRecords filings;

  InstitutionFilingController(FilingRecords filings) {
    this.filings = filings;
  }

  @GetMapping("/institution/filings")
  String list(Authentication user, Model model) {
    model.addAttribute("filings", filings.recent(Identity.institutionId(user), 200));
    return "institution/filings";
  }

  @GetMapping("/institution/filings/{filingId}")
  String detail(Authentication user, @PathVariable String filingId, Model model) {
    String uscc = Identity.institutionId(user);
    FilingRecords.FilingSummary filing =
        filings
            .find(uscc, filingId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("filing", filing);
    model.addAttribute("findings", filings.findings(uscc, filingId));
    model.addAttribute("csvRows", filings.csvRecordRows(filing));
    return "institution/filing";
  }
}

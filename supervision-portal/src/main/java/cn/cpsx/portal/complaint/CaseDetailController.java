package cn.cpsx.portal.complaint;

import cn.cpsx.portal.audit.AuditLog;
import cn.cpsx.portal.security.Identity;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A case with all its fields and versions, masked. A SUPERVISOR may reveal the personal data with a
 * stated reason (REPORTING-SPEC §6); the audit line is written before anything is shown.
 */
@Controller
class CaseDetailController {

  /** Shortest reason accepted: a reference or a few words, never empty. */
  static final int MIN_REASON = 4;

  private final CaseDetails details;
  private final AuditLog audit;

  CaseDetailController(CaseDetails details, AuditLog audit) {
    this.details = details;
    this.audit = audit;
  }

  @GetMapping("/regulator/cases/{institution}/{caseNo}")
  String detail(@PathVariable String institution, @PathVariable String caseNo, Model model) {
    model.addAttribute(
        "view", details.masked(institution, caseNo).orElseThrow(CaseDetailController::notFound));
    return "regulator/case";
  }

  @PostMapping("/regulator/cases/{institution}/{caseNo}/reveal")
  @Transactional
  String reveal(
      @PathVariable String institution,
      @PathVariable String caseNo,
      @RequestParam(defaultValue = "") String reason,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    CaseDetails.CaseView masked =
        details.masked(institution, caseNo).orElseThrow(CaseDetailController::notFound);
    String why = reason.strip();
    if (why.codePointCount(0, why.length()) < MIN_REASON) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("view", masked);
      model.addAttribute("reasonMissing", true);
      return "regulator/case";
    }
    audit.record(
        Identity.actor(user),
        AuditLog.REVEAL_PERSONAL_DATA,
        institution + ":" + caseNo,
        Map.of("reason", why));
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute(
        "view", details.revealed(institution, caseNo).orElseThrow(CaseDetailController::notFound));
    model.addAttribute("reason", why);
    return "regulator/case";
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case");
  }
}

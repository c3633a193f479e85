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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A case with all its fields and versions, masked. A SUPERVISOR may reveal the personal data with a
 * stated reason (REPORTING-SPEC §6); the audit line is written before anything is shown.
 */
@Controller
class CaseDetailController {

  /** Shortest reason accepted: a reference or a few words, never empty. */
  static final int MIN_REASON = 4;

  /** The flash attribute a reveal leaves for the page it redirects to: the reason given. */
  private static final String REVEALED_FOR = "revealedFor";

  private final CaseDetails details;
  private final AuditLog audit;

  CaseDetailController(CaseDetails details, AuditLog audit) {
    this.details = details;
    this.audit = audit;
  }

  /**
   * The case, masked; right after a reveal (a flash attribute the POST left for exactly this one
   * request), the revealed data. Reloading or bookmarking the page later shows it masked again.
   */
  @GetMapping("/regulator/cases/{institution}/{caseNo}")
  String detail(
      @PathVariable String institution,
      @PathVariable String caseNo,
      Model model,
      HttpServletResponse response) {
    Object revealedFor = model.getAttribute(REVEALED_FOR);
    if (revealedFor != null) {
      response.setHeader("Cache-Control", "no-store");
      model.addAttribute(
          "view",
          details.revealed(institution, caseNo).orElseThrow(CaseDetailController::notFound));
      model.addAttribute("reason", revealedFor);
      return "regulator/case";
    }
    model.addAttribute(
        "view", details.masked(institution, caseNo).orElseThrow(CaseDetailController::notFound));
    return "regulator/case";
  }

  /** A bookmarked or reloaded reveal address leads back to the case, never to a 405. */
  @GetMapping("/regulator/cases/{institution}/{caseNo}/reveal")
  String revealAddress(@PathVariable String institution, @PathVariable String caseNo) {
    return "redirect:" + casePath(institution, caseNo);
  }

  @PostMapping("/regulator/cases/{institution}/{caseNo}/reveal")
  @Transactional
  String reveal(
      @PathVariable String institution,
      @PathVariable String caseNo,
      @RequestParam(defaultValue = "") String reason,
      Authentication user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes next) {
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
    // redirect after POST: the address left in the browser is the case's, safe to reload
    next.addFlashAttribute(REVEALED_FOR, why);
    return "redirect:" + casePath(institution, caseNo);
  }

  private static String casePath(String institution, String caseNo) {
    return UriComponentsBuilder.fromPath("/regulator/cases/{institution}/{caseNo}")
        .buildAndExpand(institution, caseNo)
        .encode()
        .toUriString();
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case");
  }
}

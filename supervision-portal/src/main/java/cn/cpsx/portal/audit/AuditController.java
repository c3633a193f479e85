package cn.cpsx.portal.audit;

import cn.cpsx.portal.security.Identity;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Supervisors and administrators read the audit log (who saw personal data and why, who exported
 * what, who decided what) and whether its hash chain verified, and ask for a verification now.
 */
@Controller
class AuditController {

  static final int PAGE = 200;

  private final AuditLog audit;
  private final AuditChainStatus chain;

  AuditController(AuditLog audit, AuditChainStatus chain) {
    this.audit = audit;
    this.chain = chain;
  }

  /**
   * The log, newest first, 200 lines a page; {@code from}/{@code to} are days (yyyy-MM-dd, Beijing
   * time, inclusive). A bad day or a reversed range comes back on the form, status 400.
   */
  @GetMapping("/regulator/audit")
  String audit(
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String before,
      Model model,
      HttpServletResponse response) {
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate fromDay = day("from", from, problems);
    LocalDate toDay = day("to", to, problems);
    if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
      problems.put("to", "audit.error.range");
    }
    Long beforeId = null;
    if (before != null && !before.isBlank()) {
      try {
        beforeId = Long.parseLong(before.strip());
      } catch (NumberFormatException e) {
        problems.put("before", "audit.error.before");
      }
    }
    String chosen = action == null || action.isBlank() ? null : action;
    List<AuditEntryView> entries = List.of();
    if (problems.isEmpty()) {
      entries =
          audit.entries(new AuditLog.Selection(chosen, fromDay, toDay, beforeId), PAGE).stream()
              .map(AuditEntryView::of)
              .toList();
    } else {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    model.addAttribute("entries", entries);
    model.addAttribute("olderThan", entries.size() == PAGE ? entries.getLast().entry().id() : null);
    model.addAttribute("actions", audit.actions());
    model.addAttribute("action", chosen);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("problems", problems);
    model.addAttribute("verification", chain.lastFinished().orElse(null));
    return "regulator/audit";
  }

  /** Every verification lately: when, by whom, and the first broken link of a broken chain. */
  @GetMapping("/regulator/audit/chain")
  String verifications(Model model) {
    model.addAttribute("verifications", chain.recent(50));
    return "regulator/audit-chain";
  }

  @PostMapping("/regulator/audit/chain/verify")
  String verifyNow(Authentication user) {
    chain.request(Identity.actor(user));
    return "redirect:/regulator/audit/chain";
  }

  private static LocalDate day(String field, String text, Map<String, String> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.put(field, "audit.error.date");
      return null;
    }
  }
}

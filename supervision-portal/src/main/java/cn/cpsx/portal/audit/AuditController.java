package cn.cpsx.portal.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Supervisors read the audit log (who saw personal data, and why). */
@Controller
class AuditController {

  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/regulator/audit")
  String audit(@RequestParam(required = false) String action, Model model) {
    String chosen = action == null || action.isBlank() ? null : action;
    model.addAttribute("entries", audit.recent(chosen, 500));
    model.addAttribute("actions", audit.actions());
    model.addAttribute("action", chosen);
    return "regulator/audit";
  }
}

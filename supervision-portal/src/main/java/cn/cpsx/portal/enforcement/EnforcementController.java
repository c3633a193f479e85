package cn.cpsx.portal.enforcement;

import cn.cpsx.portal.security.Identity;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The regulator's enforcement register: everyone in the regulator reads; supervisors write. */
@Controller
class EnforcementController {

  private final EnforcementActions actions;

  EnforcementController(EnforcementActions actions) {
    this.actions = actions;
  }

  @GetMapping("/regulator/enforcement")
  String list(Model model, CsrfToken csrf) {
    // The forms need the CSRF token, and a page longer than the response buffer is committed
    // before they render: load it (and any session it needs) now.
    csrf.getToken();
    model.addAttribute("actions", actions.all(500));
    model.addAttribute("problems", Map.of());
    return "regulator/enforcement";
  }

  /** The register as JSON, for scripts (the demo looks up what it entered before). */
  @GetMapping("/regulator/api/enforcement")
  @ResponseBody
  List<EnforcementActions.Action> listJson() {
    return actions.all(500);
  }

  /** Saves a draft, or shows the form again with each problem next to its field (400). */
  @PostMapping("/regulator/enforcement")
  String enter(
      @RequestParam(defaultValue = "") String uscc,
      @RequestParam(defaultValue = "") String decisionNo,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate decisionDate,
      @RequestParam(defaultValue = "") String severity,
      @RequestParam(defaultValue = "") String measure,
      @RequestParam(required = false) BigDecimal fineCny,
      @RequestParam(defaultValue = "") String legalBasis,
      @RequestParam(defaultValue = "") String summaryZh,
      @RequestParam(defaultValue = "") String summaryEn,
      @RequestParam(required = false) Long corrects,
      Authentication user,
      Model model,
      HttpServletResponse response,
      CsrfToken csrf) {
    // The forms need the CSRF token, and a page longer than the response buffer is committed
    // before they render: load it (and any session it needs) now.
    csrf.getToken();
    EnforcementActions.Entry entry =
        new EnforcementActions.Entry(
            uscc,
            decisionNo,
            decisionDate,
            severity,
            measure,
            fineCny,
            legalBasis,
            summaryZh,
            summaryEn,
            corrects);
    Map<String, String> problems = actions.problems(entry);
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("actions", actions.all(500));
      model.addAttribute("problems", problems);
      model.addAttribute("entry", entry);
      return "regulator/enforcement";
    }
    actions.enter(entry, Identity.actor(user));
    return "redirect:/regulator/enforcement";
  }

  @PostMapping("/regulator/enforcement/{id}/publish")
  String publish(@PathVariable long id, Authentication user) {
    if (!actions.publish(id, Identity.actor(user))) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "没有该草稿（已发布的处罚不可修改） / no such draft (a published action is immutable)");
    }
    return "redirect:/regulator/enforcement";
  }
}

package cn.cpsx.portal.report;

import cn.cpsx.portal.BadParameter;
import cn.cpsx.portal.Period;
import cn.cpsx.portal.security.Identity;
import cn.cpsx.schemas.CodeLists;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regulator's side of reports: analysts and supervisors see every version and preview drafts;
 * only supervisors (PortalSecurityConfiguration: POST /regulator/reports/**) request, publish,
 * archive and retry, and write typical cases and consumer alerts.
 */
@Controller
class ReportReviewController {

  private final IntegrityReports reports;
  private final TypicalCases typical;
  private final MessageSource messages;

  ReportReviewController(IntegrityReports reports, TypicalCases typical, MessageSource messages) {
    this.reports = reports;
    this.typical = typical;
    this.messages = messages;
  }

  @GetMapping("/regulator/reports")
  String list(
      @RequestParam(required = false) String uscc,
      @RequestParam(required = false) String caseNo,
      @RequestParam(required = false) String alertPeriod,
      Model model,
      CsrfToken csrf) {
    if (!model.containsAttribute("entry")) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("uscc", uscc);
      entry.put("caseNo", caseNo);
      model.addAttribute("entry", entry);
    }
    if (alertPeriod != null && !alertPeriod.isBlank()) {
      Period period = parsePeriod("alertPeriod", alertPeriod);
      model.addAttribute("alertPeriod", period.code());
      model.addAttribute("rising", typical.rising(period, previous(period)));
    }
    return page(model, csrf);
  }

  /**
   * The review page with everything it lists. The forms need the CSRF token, and the page is longer
   * than the response buffer, so it is loaded (with any session it needs) before rendering.
   */
  private String page(Model model, CsrfToken csrf) {
    csrf.getToken();
    model.addAttribute("versions", reports.all());
    model.addAttribute("cases", typical.cases(false));
    model.addAttribute("alerts", typical.alerts(false));
    model.addAttribute(
        "categories", CodeLists.standard().codes(CodeLists.BUSINESS_CATEGORY).values());
    return "regulator/reports";
  }

  @GetMapping("/regulator/reports/{id}")
  String preview(@PathVariable long id, Locale locale, Model model) {
    IntegrityReports.Version version =
        reports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("shown", version);
    model.addAttribute("html", reports.html(id, ReportPagesController.zh(locale)).orElse(null));
    return "regulator/report";
  }

  @GetMapping("/regulator/reports/{id}.pdf")
  ResponseEntity<byte[]> previewPdf(@PathVariable long id, Locale locale) {
    byte[] pdf =
        reports
            .pdf(id, ReportPagesController.zh(locale))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pdf);
  }

  /** Every report version, drafts and failures included, as JSON for scripts (regulators only). */
  @GetMapping("/regulator/api/reports")
  @ResponseBody
  List<IntegrityReports.Version> versionsJson() {
    return reports.all();
  }

  @PostMapping("/regulator/reports")
  String request(@RequestParam String period, Authentication user, RedirectAttributes flash) {
    Period parsed = parsePeriod("period", period);
    reports.request(parsed.code(), Identity.actor(user));
    flash.addFlashAttribute("notice", "report.requested");
    return "redirect:/regulator/reports";
  }

  @PostMapping("/regulator/reports/{id}/publish")
  String publish(@PathVariable long id, Authentication user) {
    existing(id);
    if (!reports.publish(id, Identity.actor(user))) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "只能发布草稿（已发布的报告不可修改） / only a draft can be published");
    }
    return "redirect:/regulator/reports";
  }

  @PostMapping("/regulator/reports/{id}/archive")
  String archive(@PathVariable long id) {
    existing(id);
    if (!reports.archive(id)) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "只能归档草稿 / only a draft can be archived");
    }
    return "redirect:/regulator/reports";
  }

  @PostMapping("/regulator/reports/{id}/retry")
  String retry(@PathVariable long id) {
    existing(id);
    if (!reports.retry(id)) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "只能重试失败的生成 / only a failed generation is retried");
    }
    return "redirect:/regulator/reports";
  }

  private void existing(long id) {
    if (reports.find(id).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such report version");
    }
  }

  @PostMapping("/regulator/reports/typical-cases")
  String addTypicalCase(
      @RequestParam Map<String, String> form,
      Authentication user,
      Locale locale,
      Model model,
      HttpServletResponse response,
      CsrfToken csrf) {
    String period = form.getOrDefault("period", "").strip();
    List<String> problems =
        periodAndTextProblems(
            form, List.of("titleZh", "titleEn", "accountZh", "accountEn"), locale);
    String category = form.getOrDefault("businessCategory", "");
    if (!CodeLists.standard().contains(CodeLists.BUSINESS_CATEGORY, category)) {
      problems.add(message("report.problem.category", locale));
    }
    String uscc = blank(form.get("uscc"));
    String caseNo = blank(form.get("caseNo"));
    if ((uscc == null) != (caseNo == null) || (uscc != null && !typical.caseExists(uscc, caseNo))) {
      problems.add(message("report.problem.case", locale));
    }
    if (!problems.isEmpty()) {
      // refused: the form again, as typed, with what to change; nothing is stored
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("problems", problems);
      model.addAttribute("entry", form);
      return page(model, csrf);
    }
    typical.addCase(
        period,
        category,
        form.get("titleZh").strip(),
        form.get("titleEn").strip(),
        form.get("accountZh").strip(),
        form.get("accountEn").strip(),
        uscc,
        caseNo,
        Identity.actor(user));
    return "redirect:/regulator/reports#typical-case";
  }

  @PostMapping("/regulator/reports/typical-cases/{id}/publish")
  String publishTypicalCase(@PathVariable long id, Authentication user) {
    if (!typical.publishCase(id, Identity.actor(user))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such draft typical case");
    }
    return "redirect:/regulator/reports#typical-case";
  }

  @PostMapping("/regulator/reports/alerts")
  String addAlert(
      @RequestParam Map<String, String> form,
      @RequestParam(name = "categories", required = false) List<String> categories,
      Authentication user,
      Locale locale,
      Model model,
      HttpServletResponse response,
      CsrfToken csrf) {
    String period = form.getOrDefault("period", "").strip();
    List<String> problems =
        periodAndTextProblems(form, List.of("topicZh", "topicEn", "textZh", "textEn"), locale);
    List<String> chosen = categories == null ? List.of() : categories;
    if (chosen.stream()
        .anyMatch(c -> !CodeLists.standard().contains(CodeLists.BUSINESS_CATEGORY, c))) {
      problems.add(message("report.problem.category", locale));
    }
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("alertProblems", problems);
      model.addAttribute("alertEntry", form);
      return page(model, csrf);
    }
    typical.addAlert(
        period,
        form.get("topicZh").strip(),
        form.get("topicEn").strip(),
        form.get("textZh").strip(),
        form.get("textEn").strip(),
        chosen,
        Identity.actor(user));
    return "redirect:/regulator/reports#alert";
  }

  @PostMapping("/regulator/reports/alerts/{id}/publish")
  String publishAlert(@PathVariable long id, Authentication user) {
    if (!typical.publishAlert(id, Identity.actor(user))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such draft consumer alert");
    }
    return "redirect:/regulator/reports#alert";
  }

  /**
   * What a typical case and an alert are both refused for: a malformed period, and a text that is
   * missing, too long, or holds personal data (checked by the masker, naming what it found).
   */
  private List<String> periodAndTextProblems(
      Map<String, String> form, List<String> textFields, Locale locale) {
    List<String> problems = new ArrayList<>();
    try {
      Period.parse("period", form.getOrDefault("period", "").strip());
    } catch (BadParameter e) {
      problems.add(message("report.problem.period", locale));
    }
    List<String> found = new ArrayList<>();
    for (String field : textFields) {
      String text = form.getOrDefault(field, "").strip();
      if (text.isEmpty() || text.length() > MaskingCheck.MAX_LENGTH) {
        problems.add(message("report.problem.text", locale));
        continue;
      }
      found.addAll(MaskingCheck.personalData(text));
    }
    if (!found.isEmpty()) {
      problems.add(
          messages.getMessage(
              "report.problem.personalData", new Object[] {String.join("」「", found)}, locale));
    }
    return problems;
  }

  private static Period parsePeriod(String parameter, String code) {
    try {
      return Period.parse(parameter, code);
    } catch (BadParameter e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private String message(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The quarter before a quarter, the year before a year. */
  static Period previous(Period period) {
    String code = period.code();
    if (!code.contains("-Q")) {
      return Period.parse("period", String.valueOf(Integer.parseInt(code) - 1));
    }
    int year = Integer.parseInt(code.substring(0, 4));
    int quarter = code.charAt(6) - '0';
    return Period.parse("period", quarter == 1 ? (year - 1) + "-Q4" : year + "-Q" + (quarter - 1));
  }
}

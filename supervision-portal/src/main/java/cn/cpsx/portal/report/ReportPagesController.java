package cn.cpsx.portal.report;

import cn.cpsx.portal.Period;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public's reports (§8, §12): the archive, a period's current version (older versions listed
 * and readable), its PDF, and the published typical cases and consumer alerts. Drafts never.
 */
@Controller
class ReportPagesController {

  private final IntegrityReports reports;
  private final TypicalCases typical;

  ReportPagesController(IntegrityReports reports, TypicalCases typical) {
    this.reports = reports;
    this.typical = typical;
  }

  @GetMapping("/reports")
  String archive(Model model) {
    model.addAttribute("versions", reports.published());
    return "public/reports";
  }

  @GetMapping("/reports/" + Period.PATH_VARIABLE)
  String report(
      @PathVariable String period,
      @RequestParam(required = false) Integer version,
      Locale locale,
      Model model) {
    List<IntegrityReports.Version> versions = reports.publishedVersions(period);
    IntegrityReports.Version shown = pick(versions, version);
    model.addAttribute("versions", versions);
    model.addAttribute("shown", shown);
    model.addAttribute(
        "html", reports.publishedHtml(period, shown.version(), zh(locale)).orElseThrow());
    return "public/report";
  }

  @GetMapping("/reports/" + Period.PATH_VARIABLE + ".pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable String period, @RequestParam(required = false) Integer version, Locale locale) {
    IntegrityReports.Version shown = pick(reports.publishedVersions(period), version);
    byte[] pdf = reports.publishedPdf(period, shown.version(), zh(locale)).orElseThrow();
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"cpsx-report-%s-v%d-%s.pdf\""
                .formatted(period, shown.version(), zh(locale) ? "zh" : "en"))
        .body(pdf);
  }

  @GetMapping("/reports/typical-cases")
  String typicalCases(Model model) {
    model.addAttribute("cases", typical.cases(true));
    return "public/typical-cases";
  }

  @GetMapping("/reports/alerts")
  String alerts(Model model) {
    model.addAttribute("alerts", typical.alerts(true));
    return "public/alerts";
  }

  /** The version asked for, or the current one; 404 when the period has nothing public. */
  private static IntegrityReports.Version pick(
      List<IntegrityReports.Version> versions, Integer version) {
    return versions.stream()
        .filter(v -> version == null ? v.current() : v.version().equals(version))
        .findFirst()
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND, "no published report"));
  }

  static boolean zh(Locale locale) {
    return "zh".equals(locale.getLanguage());
  }
}

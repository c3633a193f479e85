package cn.cpsx.portal.publicsite;

import cn.cpsx.portal.BadParameter;
import cn.cpsx.portal.CodeLabels;
import cn.cpsx.portal.FigureText;
import cn.cpsx.portal.Period;
import cn.cpsx.schemas.Uscc;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * An institution's report card for a rating period, linked from its credit file: the page {@code
 * /ratings/{uscc}/{period}} and the PDF {@code /ratings/{uscc}/{period}.pdf}, both from the one
 * template {@code report/card}, drawn on request from published data only.
 */
@Controller
class ReportCardController {

  private final ReportCards cards;
  private final ReportCardPdf pdf;
  private final SpringTemplateEngine templates;
  private final CodeLabels codes;
  private final FigureText figures;

  ReportCardController(
      ReportCards cards,
      ReportCardPdf pdf,
      SpringTemplateEngine templates,
      CodeLabels codes,
      FigureText figures) {
    this.cards = cards;
    this.pdf = pdf;
    this.templates = templates;
    this.codes = codes;
    this.figures = figures;
  }

  @GetMapping("/ratings/{uscc}/" + Period.PATH_VARIABLE)
  String page(@PathVariable String uscc, @PathVariable String period, Model model) {
    model.addAttribute("card", card(uscc, period));
    return "public/report-card";
  }

  @GetMapping("/ratings/{uscc}/" + Period.PATH_VARIABLE + ".pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable String uscc, @PathVariable String period, Locale locale) {
    ReportCards.Card card = card(uscc, period);
    Context context = new Context(locale);
    context.setVariable("card", card);
    context.setVariable("codes", codes);
    context.setVariable("figures", figures);
    byte[] document = pdf.draw(templates.process("report/card", context));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"cpsx-card-%s-%s-%s.pdf\""
                .formatted(uscc, period, "zh".equals(locale.getLanguage()) ? "zh" : "en"))
        .body(document);
  }

  private ReportCards.Card card(String uscc, String period) {
    if (!Uscc.isValid(uscc)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Period parsed;
    try {
      parsed = Period.parse("period", period);
    } catch (BadParameter e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return cards
        .card(uscc, parsed)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no published rating of this institution and period"));
  }
}

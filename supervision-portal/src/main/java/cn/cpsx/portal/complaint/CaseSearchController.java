package cn.cpsx.portal.complaint;

import cn.cpsx.portal.audit.AuditLog;
import cn.cpsx.portal.institution.InstitutionDirectory;
import cn.cpsx.portal.security.Identity;
import cn.cpsx.portal.shell.FormErrors;
import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.schemas.Uscc;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Case search for the regulator: the page (a plain GET form with checkbox facets, so it works
 * without JavaScript), the same search as JSON, and as a streamed CSV export.
 */
@Controller
class CaseSearchController {

  private final CaseSearch search;
  private final CaseExport export;
  private final AuditLog audit;
  private final InstitutionDirectory directory;

  CaseSearchController(
      CaseSearch search, CaseExport export, AuditLog audit, InstitutionDirectory directory) {
    this.search = search;
    this.directory = directory;
    this.export = export;
    this.audit = audit;
  }

  /** What each search field expects, said next to it when a browser sends something else. */
  private static final Map<String, String> FIELD_MESSAGES =
      Map.of(
          "receivedFrom", "shell.field.date",
          "receivedTo", "shell.field.date",
          "amountMin", "shell.field.amount",
          "amountMax", "shell.field.amount");

  /**
   * A name typed into "add an institution" that did not name exactly one: the text, and the
   * institutions it could mean, each with the query string of the search with it added.
   */
  record UnresolvedInstitution(String text, List<Candidate> candidates) {}

  record Candidate(String uscc, String name, String legalName, String add) {}

  /**
   * The page answers bad input on the form itself, next to the field (status 400), and shows what
   * the rest of the search finds; the JSON API and the export answer 400 with a problem instead.
   */
  @GetMapping("/regulator/cases")
  String page(
      @ModelAttribute("query") CaseQuery asked,
      BindingResult binding,
      Model model,
      HttpServletResponse response)
      throws IOException {
    FormErrors errors = FormErrors.of(binding, FIELD_MESSAGES);
    // "Add an institution" takes a USCC, a short name or a name (its placeholder says so); names
    // become USCCs here, so the search, its links and its chips only ever carry USCCs.
    List<String> usccs = new ArrayList<>();
    List<InstitutionDirectory.Resolution> unresolved = new ArrayList<>();
    for (String value : asked.institution()) {
      String upper = value.toUpperCase(Locale.ROOT);
      if (Uscc.isValid(upper)) {
        usccs.add(upper);
        continue;
      }
      InstitutionDirectory.Resolution resolution = directory.resolve(value);
      if (resolution.match() != null) {
        usccs.add(resolution.match().uscc());
      } else {
        unresolved.add(resolution);
      }
    }
    CaseQuery.Builder usable =
        asked.toBuilder()
            .with(CaseFacet.INSTITUTION, usccs.stream().distinct().toArray(String[]::new));
    if (asked.receivedFrom() != null
        && asked.receivedTo() != null
        && asked.receivedTo().isBefore(asked.receivedFrom())) {
      errors.reject("receivedTo", "shell.field.rangeReversed", asked.receivedTo().toString());
      usable.received(asked.receivedFrom(), null);
    }
    if (asked.amountMin() != null
        && asked.amountMax() != null
        && asked.amountMax().compareTo(asked.amountMin()) < 0) {
      errors.reject("amountMax", "shell.field.amountReversed", asked.amountMax().toPlainString());
      usable.amount(asked.amountMin(), null);
    }
    CaseQuery query = usable.build();
    CaseSearchResult result;
    try {
      result = search.search(query);
    } catch (SearchCursor.InvalidCursorException e) {
      errors.reject("after", "shell.field.cursor", "");
      query = query.firstPage();
      result = search.search(query);
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    List<InstitutionDirectory.Entry> institutions = directory.all();
    Map<String, String> names = new HashMap<>();
    institutions.forEach(i -> names.put(i.uscc(), i.shortName()));
    CaseQuery shown = query;
    model.addAttribute("query", query);
    model.addAttribute("formErrors", errors);
    model.addAttribute("result", result);
    model.addAttribute("chips", ActiveFilter.of(query, names));
    // a chosen institution the facet did not count comes back without a name: the directory has it
    model.addAttribute("institutionNames", names);
    model.addAttribute(
        "unresolved",
        unresolved.stream()
            .map(
                r ->
                    new UnresolvedInstitution(
                        r.text(),
                        r.candidates().stream()
                            .map(
                                c ->
                                    new Candidate(
                                        c.uscc(),
                                        c.shortName(),
                                        c.legalName(),
                                        withInstitution(shown, c.uscc())))
                            .toList()))
            .toList());
    model.addAttribute("institutions", institutions);
    model.addAttribute("facets", CaseFacet.values());
    model.addAttribute("sorts", CaseQuery.SORTS);
    return "regulator/cases";
  }

  private static String withInstitution(CaseQuery query, String uscc) {
    List<String> chosen = new ArrayList<>(query.institution());
    chosen.add(uscc);
    return query.toBuilder()
        .with(CaseFacet.INSTITUTION, chosen.toArray(String[]::new))
        .after(null)
        .page(null)
        .build()
        .queryString();
  }

  @GetMapping(value = "/regulator/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  CaseSearchResult api(CaseQuery query) throws IOException {
    // Paging on needs no counts: the first page had them (the page itself shows them each time,
    // from Elasticsearch's request cache).
    return search.search(query, query.after() == null);
  }

  /**
   * The export is masked like the index; who exported what, and how many rows, is still written
   * down before the first row leaves.
   */
  @GetMapping("/regulator/cases/export.csv")
  ResponseEntity<StreamingResponseBody> export(
      CaseQuery query, Authentication user, java.util.Locale locale) throws IOException {
    CaseQuery all = query.firstPage();
    long matched = search.count(all);
    audit.record(
        Identity.actor(user),
        AuditLog.EXPORT_CASES,
        null,
        Map.of(
            "query",
            all.queryString(),
            "rows",
            Math.min(matched, CaseExport.MAX_ROWS),
            "matched",
            matched));
    String name =
        "cpsx-cases-"
            + LocalDateTime.now(ReportingTime.ZONE)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
            + ".csv";
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .header("X-Export-Limit", String.valueOf(CaseExport.MAX_ROWS))
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(out -> export.write(all, locale, out));
  }

  @ExceptionHandler({SearchCursor.InvalidCursorException.class, BindException.class})
  ResponseEntity<ProblemDetail> badQuery(Exception e) {
    String detail =
        e instanceof BindException bind && bind.getFieldError() != null
            ? "invalid value for '" + bind.getFieldError().getField() + "'"
            : e.getMessage();
    return ResponseEntity.badRequest()
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
  }
}

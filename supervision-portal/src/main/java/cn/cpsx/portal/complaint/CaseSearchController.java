package cn.cpsx.portal.complaint;

import cn.cpsx.portal.audit.AuditLog;
import cn.cpsx.portal.institution.InstitutionDirectory;
import cn.cpsx.portal.security.Identity;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

  @GetMapping("/regulator/cases")
  String page(@ModelAttribute("query") CaseQuery query, Model model) throws IOException {
    model.addAttribute("result", search.search(query));
    model.addAttribute("institutions", directory.all());
    model.addAttribute("facets", CaseFacet.values());
    model.addAttribute("sorts", CaseQuery.SORTS);
    return "regulator/cases";
  }

  @GetMapping(value = "/regulator/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  CaseSearchResult api(CaseQuery query) throws IOException {
    return search.search(query);
  }

  /**
   * The export is masked like the index; who exported what, and how many rows, is still written
   * down before the first row leaves.
   */
  @GetMapping("/regulator/cases/export.csv")
  ResponseEntity<StreamingResponseBody> export(CaseQuery query, Authentication user)
      throws IOException {
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
            + LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
            + ".csv";
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .header("X-Export-Limit", String.valueOf(CaseExport.MAX_ROWS))
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(out -> export.write(all, out));
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

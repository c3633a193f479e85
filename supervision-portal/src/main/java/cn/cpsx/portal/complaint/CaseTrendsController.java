package cn.cpsx.portal.complaint;

import cn.cpsx.portal.institution.InstitutionDirectory;
import cn.cpsx.schemas.ReportingTime;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/** Trends of the cases a search selects: a chart with its numbers as a table, and as JSON. */
@Controller
class CaseTrendsController {

  private final CaseTrends trends;
  private final InstitutionDirectory directory;

  CaseTrendsController(CaseTrends trends, InstitutionDirectory directory) {
    this.trends = trends;
    this.directory = directory;
  }

  /**
   * The page opens on a recent range when no dates were asked for (a link from the search, say): it
   * redirects to the same address with {@code receivedFrom} set, so the range shows in the form and
   * the address. A form sent with the date fields emptied carries them empty and draws all time.
   */
  @GetMapping("/regulator/trends")
  String page(
      @ModelAttribute("query") CaseQuery query,
      @ModelAttribute("options") TrendOptions options,
      HttpServletRequest request,
      Model model)
      throws IOException {
    LocalDate today = LocalDate.now(ReportingTime.ZONE);
    if (request.getParameter("receivedFrom") == null
        && request.getParameter("receivedTo") == null) {
      CaseQuery recent =
          query.toBuilder()
              .received(TrendPeriods.defaultFrom(options.interval(), today), null)
              .build();
      return "redirect:"
          + UriComponentsBuilder.fromPath("/regulator/trends")
              .query(recent.queryString())
              .queryParam("interval", options.interval())
              .queryParamIfPresent("by", java.util.Optional.ofNullable(options.by()))
              .queryParam("top", options.top())
              .build()
              .toUriString();
    }
    CaseTrends.Trend trend = trends.trend(query, options);
    Map<String, String> names = new HashMap<>();
    directory.all().forEach(i -> names.put(i.uscc(), i.shortName()));
    model.addAttribute("trend", trend);
    model.addAttribute(
        "partial",
        TrendPeriods.partial(
            trend.periods(), options.interval(), query.receivedFrom(), query.receivedTo(), today));
    model.addAttribute("chips", ActiveFilter.of(query, names));
    model.addAttribute("intervals", TrendOptions.INTERVALS);
    model.addAttribute("dimensions", TrendOptions.BY);
    return "regulator/trends";
  }

  @GetMapping(value = "/regulator/api/trends", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  CaseTrends.Trend api(CaseQuery query, TrendOptions options) throws IOException {
    return trends.trend(query, options);
  }
}

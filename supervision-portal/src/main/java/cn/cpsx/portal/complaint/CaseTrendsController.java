package cn.cpsx.portal.complaint;

import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;

/** Trends of the cases a search selects: a chart with its numbers as a table, and as JSON. */
@Controller
class CaseTrendsController {

  private final CaseTrends trends;

  CaseTrendsController(CaseTrends trends) {
    this.trends = trends;
  }

  @GetMapping("/regulator/trends")
  String page(
      @ModelAttribute("query") CaseQuery query,
      @ModelAttribute("options") TrendOptions options,
      Model model)
      throws IOException {
    model.addAttribute("trend", trends.trend(query, options));
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

package cn.cpsx.portal.complaint;

import cn.cpsx.schemas.CodeLists;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The analysts' case search page; a plain GET form, so it works without JavaScript. */
@Controller
class CaseSearchController {

  private final CaseSearch search;

  CaseSearchController(CaseSearch search) {
    this.search = search;
  }

  @GetMapping("/regulator/cases")
  String search(@ModelAttribute("query") CaseQuery query, Model model) throws IOException {
    model.addAttribute("result", search.search(query));
    model.addAttribute(
        "categories", CodeLists.standard().codes(CodeLists.BUSINESS_CATEGORY).values());
    model.addAttribute("reasons", CodeLists.standard().codes(CodeLists.REASON).values());
    model.addAttribute("channels", CodeLists.standard().codes(CodeLists.CHANNEL).values());
    model.addAttribute("statuses", CodeLists.standard().codes(CodeLists.CASE_STATUS).values());
    return "regulator/cases";
  }
}

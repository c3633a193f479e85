package cn.cpsx.portal.complaint;

import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;

/** The deadlines page: who has open cases past their handling deadline, oldest first. */
@Controller
class OverdueCasesController {

  private final OverdueCases overdue;

  OverdueCasesController(OverdueCases overdue) {
    this.overdue = overdue;
  }

  @GetMapping("/regulator/deadlines")
  String page(@ModelAttribute("query") CaseQuery query, Model model) throws IOException {
    model.addAttribute("overdue", overdue.byInstitution(query));
    return "regulator/deadlines";
  }

  @GetMapping(value = "/regulator/api/deadlines", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  OverdueCases.Overdue api(CaseQuery query) throws IOException {
    return overdue.byInstitution(query);
  }
}

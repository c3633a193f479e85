package cn.cpsx.portal.filing;

import cn.cpsx.portal.shell.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The regulator's filings board and its drill-down into any filing's validation report. */
@Controller
class FilingsBoardController {

  private final FilingsBoard board;
  private final FilingRecords filings;

  FilingsBoardController(FilingsBoard board, FilingRecords filings) {
    this.board = board;
    this.filings = filings;
  }

  @GetMapping("/regulator/filings")
  String board(
      @RequestParam(defaultValue = "STATS_Q") String type,
      @RequestParam(required = false) String period,
      Model model,
      HttpServletResponse response) {
    String filingType = type.equals("SELF_ASSESSMENT") ? type : "STATS_Q";
    String latest =
        filingType.equals("STATS_Q")
            ? board.lastEndedQuarter()
            : String.valueOf(Integer.parseInt(board.lastEndedQuarter().substring(0, 4)) - 1);
    String chosen = period == null || period.isBlank() ? latest : period.strip();
    var shown = board.board(filingType, chosen);
    FormErrors errors = FormErrors.none();
    if (shown.isEmpty()) {
      // a period that is not one of this filing type's: said next to the field, the latest shown
      errors.reject("period", "shell.field.period", chosen);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      chosen = latest;
      shown = board.board(filingType, latest);
    }
    model.addAttribute("type", filingType);
    model.addAttribute("period", chosen);
    model.addAttribute("formErrors", errors);
    model.addAttribute("board", shown.orElseThrow());
    return "regulator/filings";
  }

  @GetMapping("/regulator/filings/{filingId}")
  String filing(@PathVariable String filingId, Model model) {
    FilingRecords.FilingSummary filing =
        filings.find(filingId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("filing", filing);
    model.addAttribute("findings", filings.findings(filingId));
    model.addAttribute("csvRows", filings.csvRecordRows(filing));
    return "regulator/filing";
  }
}

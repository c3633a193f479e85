package cn.cpsx.portal.filing;

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
  private final InstitutionFilings filings;

  FilingsBoardController(FilingsBoard board, InstitutionFilings filings) {
    this.board = board;
    this.filings = filings;
  }

  @GetMapping("/regulator/filings")
  String board(
      @RequestParam(defaultValue = "STATS_Q") String type,
      @RequestParam(required = false) String period,
      Model model) {
    String filingType = type.equals("SELF_ASSESSMENT") ? type : "STATS_Q";
    String chosen =
        period == null || period.isBlank()
            ? (filingType.equals("STATS_Q")
                ? board.lastEndedQuarter()
                : String.valueOf(Integer.parseInt(board.lastEndedQuarter().substring(0, 4)) - 1))
            : period.strip();
    model.addAttribute("type", filingType);
    model.addAttribute("period", chosen);
    model.addAttribute(
        "board",
        board
            .board(filingType, chosen)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.BAD_REQUEST,
                        "period '" + chosen + "' is not a " + filingType + " period")));
    return "regulator/filings";
  }

  @GetMapping("/regulator/filings/{filingId}")
  String filing(@PathVariable String filingId, Model model) {
    InstitutionFilings.FilingSummary filing =
        board.filing(filingId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("filing", filing);
    model.addAttribute("findings", board.findings(filingId));
    model.addAttribute("csvRows", filings.csvRecordRows(filing));
    return "regulator/filing";
  }
}

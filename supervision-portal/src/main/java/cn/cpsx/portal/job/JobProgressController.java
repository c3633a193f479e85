package cn.cpsx.portal.job;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The pipeline's progress for the regulator: a page that refreshes itself while work is under way.
 */
@Controller
class JobProgressController {

  private final JobProgress progress;
  private final SftpIntakeStatus sftp;

  JobProgressController(JobProgress progress, SftpIntakeStatus sftp) {
    this.progress = progress;
    this.sftp = sftp;
  }

  @GetMapping("/regulator/jobs")
  String page(Model model, HttpServletResponse response) {
    var filings = progress.filings(200);
    var runs = progress.recentRuns(40);
    boolean busy = !filings.isEmpty() || runs.stream().anyMatch(JobProgress.JobRun::running);
    if (busy) {
      // While work is under way the browser reloads the page every 5 s: no JavaScript needed.
      response.setHeader("Refresh", "5");
    }
    model.addAttribute("filings", filings);
    model.addAttribute("runs", runs);
    model.addAttribute("busy", busy);
    model.addAttribute("sftp", sftp.now());
    return "regulator/jobs";
  }

  @GetMapping(value = "/regulator/api/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> api() {
    return Map.of(
        "filings", progress.filings(200), "runs", progress.recentRuns(40), "sftp", sftp.now());
  }
}

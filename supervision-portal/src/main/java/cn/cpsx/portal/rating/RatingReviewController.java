package cn.cpsx.portal.rating;

import cn.cpsx.portal.security.Identity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The regulator's rating review: analysts read runs and drafts; supervisors request runs, adjust,
 * send back and publish (the POST routes are SUPERVISOR-only in the security configuration).
 */
@Controller
class RatingReviewController {

  private final RatingReview review;

  RatingReviewController(RatingReview review) {
    this.review = review;
  }

  @GetMapping("/regulator/ratings")
  String runs(@RequestParam(required = false) Long run, Model model, CsrfToken csrf) {
    // The forms need the CSRF token, and a page longer than the response buffer is committed
    // before they render: load it (and any session it needs) now.
    csrf.getToken();
    List<RatingReview.Run> runs = review.runs(20);
    model.addAttribute("runs", runs);
    Long shown = run != null ? run : runs.isEmpty() ? null : runs.getFirst().id();
    model.addAttribute("shownRun", shown);
    model.addAttribute("ratings", shown == null ? List.of() : review.ofRun(shown));
    return "regulator/ratings";
  }

  /** The same as JSON, for scripts: the ratings of a run. */
  @GetMapping("/regulator/api/ratings")
  @ResponseBody
  Map<String, Object> runJson(@RequestParam long run) {
    return Map.of("run", run, "ratings", review.ofRun(run));
  }

  @GetMapping("/regulator/api/rating-runs")
  @ResponseBody
  List<RatingReview.Run> runsJson() {
    return review.runs(50);
  }

  @GetMapping("/regulator/ratings/{id}")
  String rating(@PathVariable long id, Model model, CsrfToken csrf) {
    // The forms need the CSRF token, and a page longer than the response buffer is committed
    // before they render: load it (and any session it needs) now.
    csrf.getToken();
    model.addAttribute(
        "rating",
        review.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    return "regulator/rating";
  }

  @PostMapping("/regulator/ratings/runs")
  String requestRun(@RequestParam String period, Authentication user) {
    long run = review.requestRun(period.strip(), Identity.actor(user));
    return "redirect:/regulator/ratings?run=" + run;
  }

  @PostMapping("/regulator/ratings/{id}/publish")
  String publish(
      @PathVariable long id, @RequestParam(required = false) String answer, Authentication user) {
    review.publish(id, answer, Identity.actor(user));
    return "redirect:/regulator/ratings/" + id;
  }

  @PostMapping("/regulator/ratings/runs/{run}/publish")
  String publishReady(@PathVariable long run, Authentication user) {
    review.publishReady(run, Identity.actor(user));
    return "redirect:/regulator/ratings?run=" + run;
  }

  @PostMapping("/regulator/ratings/{id}/send-back")
  String sendBack(@PathVariable long id, @RequestParam String comment, Authentication user) {
    review.sendBack(id, comment, Identity.actor(user));
    return "redirect:/regulator/ratings/" + id;
  }

  @PostMapping("/regulator/ratings/{id}/adjust")
  String adjust(
      @PathVariable long id,
      @RequestParam BigDecimal points,
      @RequestParam(defaultValue = "") String reason,
      Authentication user) {
    review.adjustSelfAssessment(id, points, reason, Identity.actor(user));
    return "redirect:/regulator/ratings/" + id;
  }
}

package cn.cpsx.portal.rating;

import cn.cpsx.portal.security.Identity;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * An institution's own ratings: its drafts with the full breakdown, an objection within the window
 * or an acceptance, and its published versions. The USCC comes from the token, never the request.
 */
@Controller
class InstitutionRatingController {

  private final RatingReview review;

  InstitutionRatingController(RatingReview review) {
    this.review = review;
  }

  @GetMapping("/institution/ratings")
  String own(Authentication user, Model model, CsrfToken csrf) {
    // The forms need the CSRF token, and a page longer than the response buffer is committed
    // before they render: load it (and any session it needs) now.
    csrf.getToken();
    model.addAttribute("ratings", review.ofInstitution(Identity.institutionId(user)));
    return "institution/ratings";
  }

  @GetMapping("/institution/api/ratings")
  @ResponseBody
  List<RatingView> ownJson(Authentication user) {
    return review.ofInstitution(Identity.institutionId(user));
  }

  @PostMapping("/institution/ratings/{id}/objection")
  String object(@PathVariable long id, @RequestParam String reason, Authentication user) {
    review.object(id, Identity.institutionId(user), reason, Identity.actor(user));
    return "redirect:/institution/ratings";
  }

  @PostMapping("/institution/ratings/{id}/accept")
  String accept(@PathVariable long id, Authentication user) {
    review.accept(id, Identity.institutionId(user), Identity.actor(user));
    return "redirect:/institution/ratings";
  }
}

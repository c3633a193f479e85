package cn.cpsx.portal.hotspot;

import cn.cpsx.portal.audit.AuditLog;
import cn.cpsx.portal.security.Identity;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Analysts see the week's hot spots, open the cases behind one, and dismiss it with a note. */
@Controller
class HotSpotController {

  private final HotSpots hotSpots;
  private final AuditLog audit;

  HotSpotController(HotSpots hotSpots, AuditLog audit) {
    this.hotSpots = hotSpots;
    this.audit = audit;
  }

  @GetMapping("/regulator/hotspots")
  String list(@RequestParam(defaultValue = "false") boolean dismissed, Model model) {
    model.addAttribute("hotSpots", hotSpots.list(dismissed, 500));
    model.addAttribute("dismissed", dismissed);
    return "regulator/hotspots";
  }

  @PostMapping("/regulator/hotspots/{id}/dismiss")
  @Transactional
  String dismiss(
      @PathVariable long id, @RequestParam(defaultValue = "") String note, Authentication user) {
    String actor = Identity.actor(user);
    if (!hotSpots.dismiss(id, actor, note.strip())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no open hot spot " + id);
    }
    audit.record(
        actor, AuditLog.DISMISS_HOT_SPOT, String.valueOf(id), Map.of("note", note.strip()));
    return "redirect:/regulator/hotspots";
  }
}

package cn.cpsx.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public front page. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }
}

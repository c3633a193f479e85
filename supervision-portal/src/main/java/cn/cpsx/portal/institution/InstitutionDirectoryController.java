package cn.cpsx.portal.institution;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Typeahead for scripts and pages: {@code /regulator/api/institutions?q=华夏}. */
@RestController
class InstitutionDirectoryController {

  private final InstitutionDirectory directory;

  InstitutionDirectoryController(InstitutionDirectory directory) {
    this.directory = directory;
  }

  @GetMapping(value = "/regulator/api/institutions", produces = MediaType.APPLICATION_JSON_VALUE)
  List<InstitutionDirectory.Entry> find(@RequestParam(defaultValue = "") String q) {
    return directory.find(q, 20);
  }
}

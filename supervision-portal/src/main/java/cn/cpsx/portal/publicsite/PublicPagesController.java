package cn.cpsx.portal.publicsite;

import cn.cpsx.portal.BadParameter;
import cn.cpsx.portal.opendata.OpenDataProperties;
import cn.cpsx.portal.opendata.PublicEnforcement;
import cn.cpsx.portal.opendata.PublicRating;
import cn.cpsx.portal.opendata.PublicRatings;
import cn.cpsx.portal.opendata.PublicStatistics;
import cn.cpsx.portal.opendata.RatingQuery;
import cn.cpsx.schemas.CodeLists;
import cn.cpsx.schemas.Uscc;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The public pages: landing, ratings, credit file, methodology, open data. No sign-in. */
@Controller
class PublicPagesController {

  private final PublicRatings ratings;
  private final PublicEnforcement enforcement;
  private final PublicStatistics statistics;
  private final OpenDataProperties openData;

  PublicPagesController(
      PublicRatings ratings,
      PublicEnforcement enforcement,
      PublicStatistics statistics,
      OpenDataProperties openData) {
    this.ratings = ratings;
    this.enforcement = enforcement;
    this.statistics = statistics;
    this.openData = openData;
  }

  @GetMapping("/")
  String landing(Model model) {
    List<String> periods = ratings.periods();
    String latest = periods.isEmpty() ? null : periods.getFirst();
    model.addAttribute("latest", latest);
    if (latest != null) {
      model.addAttribute(
          "grades", ratings.gradeDistribution(RatingQuery.parse(Map.of("period", latest))));
    }
    return "public/landing";
  }

  @GetMapping("/ratings")
  String ratings(
      @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
    RatingQuery query;
    try {
      query = RatingQuery.parse(params);
    } catch (BadParameter e) {
      response.setStatus(400);
      model.addAttribute("badParameter", e.parameter());
      query = RatingQuery.parse(Map.of());
    }
    List<String> periods = ratings.periods();
    if (query.period() == null && !periods.isEmpty() && !params.containsKey("period")) {
      // a reader arriving without a choice sees the newest period, not every period mixed
      query =
          new RatingQuery(
              periods.getFirst(),
              query.type(),
              query.grade(),
              query.province(),
              query.q(),
              query.page(),
              query.size(),
              query.sort());
    }
    model.addAttribute("query", query);
    model.addAttribute("page", ratings.search(query));
    model.addAttribute("grades", ratings.gradeDistribution(query));
    model.addAttribute("periods", periods);
    model.addAttribute("types", CodeLists.standard().codes(CodeLists.INSTITUTION_TYPE).keySet());
    model.addAttribute("provinces", CodeLists.standard().codes(CodeLists.PROVINCE).keySet());
    model.addAttribute("sorts", RatingQuery.Sort.values());
    model.addAttribute("pageLink", new PageLink(query));
    return "public/ratings";
  }

  /** Links to other pages of the same query. */
  public record PageLink(RatingQuery query) {
    public String to(int page) {
      UriComponentsBuilder b = UriComponentsBuilder.fromPath("/ratings");
      b.queryParam("period", query.period() == null ? "" : query.period());
      if (query.type() != null) {
        b.queryParam("type", query.type());
      }
      if (query.grade() != null) {
        b.queryParam("grade", query.grade());
      }
      if (query.province() != null) {
        b.queryParam("province", query.province());
      }
      if (query.q() != null) {
        b.queryParam("q", query.q());
      }
      b.queryParam("sort", query.sort().param());
      b.queryParam("page", page);
      return b.encode().build().toUriString();
    }

    public long pages(long total) {
      return Math.max(1, (total + query.size() - 1) / query.size());
    }
  }

  @GetMapping("/ratings/{uscc}")
  String creditFile(@PathVariable String uscc, Model model, HttpServletResponse response) {
    Optional<PublicStatistics.Institution> institution =
        Uscc.isValid(uscc) ? statistics.institution(uscc) : Optional.empty();
    if (institution.isEmpty()) {
      response.setStatus(404);
      model.addAttribute("uscc", uscc);
      return "public/not-found";
    }
    List<PublicRating> versions = ratings.versions(uscc);
    model.addAttribute("institution", institution.get());
    model.addAttribute("versions", versions);
    // the current version of each period, oldest period first, for the grade history
    Map<String, PublicRating> current = new TreeMap<>();
    for (PublicRating r : versions) {
      if (r.item().status().equals("PUBLISHED")) {
        current.put(r.item().period(), r);
      }
    }
    model.addAttribute("history", List.copyOf(current.values()));
    model.addAttribute(
        "latest",
        versions.stream()
            .filter(r -> r.item().status().equals("PUBLISHED"))
            .findFirst()
            .orElse(null));
    model.addAttribute("actions", enforcement.find(uscc, null, null, 1, 500).items());
    List<PublicStatistics.QuarterCount> counts = statistics.quarterlyByCategory(uscc);
    TreeSet<String> categories = new TreeSet<>();
    Map<String, Map<String, Long>> byQuarter = new TreeMap<>();
    for (PublicStatistics.QuarterCount c : counts) {
      categories.add(c.businessCategory());
      byQuarter
          .computeIfAbsent(c.quarter(), q -> new LinkedHashMap<>())
          .put(c.businessCategory(), c.count());
    }
    model.addAttribute("categories", new ArrayList<>(categories));
    model.addAttribute("byQuarter", byQuarter);
    return "public/credit-file";
  }

  @GetMapping("/methodology")
  String methodology(Model model) {
    List<String> periods = ratings.periods();
    WorkedExample example = null;
    for (String period : periods) {
      Optional<WorkedExample> real =
          WorkedExample.fromPublished(period, ratings.currentOfPeriod(period));
      if (real.isPresent()) {
        example = real.get();
        break;
      }
    }
    model.addAttribute("example", example != null ? example : WorkedExample.illustrative());
    return "public/methodology";
  }

  @GetMapping("/open-data")
  String openData(Model model) {
    model.addAttribute("openData", openData);
    model.addAttribute("updated", ratings.updated().map(PublicRatings::shanghai).orElse(null));
    return "public/open-data";
  }
}

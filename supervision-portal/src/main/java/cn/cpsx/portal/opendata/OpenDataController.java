package cn.cpsx.portal.opendata;

import cn.cpsx.portal.BadParameter;
import cn.cpsx.portal.Period;
import cn.cpsx.portal.report.IntegrityReports;
import cn.cpsx.schemas.CodeLists;
import cn.cpsx.schemas.Uscc;
import cn.cpsx.schemas.rating.RatingMethodology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/open/v1/}: ratings, one institution's rating versions, enforcement actions and
 * complaint statistics, as JSON or — with {@code format=csv} or {@code Accept: text/csv} — the same
 * rows as CSV. Described in {@code /api/open/v1/openapi.yaml}.
 */
@RestController
@RequestMapping("/api/open/v1")
class OpenDataController {

  static final MediaType CSV =
      new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
  static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

  /** Answers may be cached this long: publications are rare, and the figures are immutable. */
  static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

  private final PublicRatings ratings;
  private final PublicEnforcement enforcement;
  private final PublicStatistics statistics;
  private final IntegrityReports reports;
  private final OpenDataProperties properties;
  private final Clock clock;

  OpenDataController(
      PublicRatings ratings,
      PublicEnforcement enforcement,
      PublicStatistics statistics,
      IntegrityReports reports,
      OpenDataProperties properties,
      Clock clock) {
    this.reports = reports;
    this.ratings = ratings;
    this.enforcement = enforcement;
    this.statistics = statistics;
    this.properties = properties;
    this.clock = clock;
  }

  /** The answer to a list: §12's envelope. */
  record Envelope<T>(
      OpenDataProperties.Licence licence,
      String updated,
      String methodologyVersion,
      long total,
      List<T> items) {}

  @GetMapping("/ratings")
  ResponseEntity<?> ratings(
      @RequestParam Map<String, String> params,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean csv = csv(params, accept);
    RatingQuery query = RatingQuery.parse(params);
    PublicRatings.Page page = ratings.search(query);
    return ratingAnswer(page.total(), items(page.items()), csv, "ratings");
  }

  @GetMapping("/ratings/{uscc}")
  ResponseEntity<?> ratingVersions(
      @PathVariable String uscc,
      @RequestParam Map<String, String> params,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean csv = csv(params, accept);
    List<RatingItem> versions = items(ratings.versions(uscc));
    if (versions.isEmpty() && (!Uscc.isValid(uscc) || statistics.institution(uscc).isEmpty())) {
      return error(HttpStatus.NOT_FOUND, "not_found", null, "no institution with USCC " + uscc);
    }
    return ratingAnswer(versions.size(), versions, csv, "ratings-" + uscc);
  }

  @GetMapping("/enforcement")
  ResponseEntity<?> enforcement(
      @RequestParam Map<String, String> params,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean csv = csv(params, accept);
    String uscc = RatingQuery.blankToNull(params.get("uscc"));
    String periodParam = RatingQuery.blankToNull(params.get("period"));
    Period period = periodParam == null ? null : Period.parse("period", periodParam);
    String severity = RatingQuery.blankToNull(params.get("severity"));
    if (severity != null && !List.of("MINOR", "SERIOUS", "MAJOR").contains(severity)) {
      throw new BadParameter("severity", "severity must be one of MINOR, SERIOUS, MAJOR");
    }
    int page = RatingQuery.integer(params, "page", 1);
    if (page < 1) {
      throw new BadParameter("page", "page counts from 1");
    }
    int size = RatingQuery.integer(params, "size", RatingQuery.DEFAULT_SIZE);
    if (size < 1 || size > RatingQuery.MAX_SIZE) {
      throw new BadParameter("size", "size must be between 1 and " + RatingQuery.MAX_SIZE);
    }
    PublicEnforcement.Page found = enforcement.find(uscc, period, severity, page, size);
    if (csv) {
      return csv(
          "enforcement",
          ENFORCEMENT_COLUMNS,
          found.items().stream()
              .map(
                  a ->
                      Arrays.<Object>asList(
                          a.id(),
                          a.uscc(),
                          a.name(),
                          a.decisionNo(),
                          a.decisionDate(),
                          a.severity(),
                          a.measure(),
                          a.fineCny(),
                          a.legalBasis(),
                          a.summaryZh(),
                          a.summaryEn(),
                          a.corrects(),
                          a.correctedBy(),
                          a.publishedAt()))
              .toList());
    }
    return json(
        new Envelope<>(
            properties.licenceBlock(),
            time(enforcement.updated()),
            null,
            found.total(),
            found.items()));
  }

  @GetMapping("/statistics")
  ResponseEntity<?> statistics(
      @RequestParam Map<String, String> params,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean csv = csv(params, accept);
    String periodParam = RatingQuery.blankToNull(params.get("period"));
    if (periodParam == null) {
      throw new BadParameter("period", "period is required: a year (2025) or a quarter (2025-Q3)");
    }
    Period period = Period.parse("period", periodParam);
    String type = RatingQuery.blankToNull(params.get("type"));
    if (type != null && !CodeLists.standard().contains(CodeLists.INSTITUTION_TYPE, type)) {
      throw new BadParameter("type", "type must be an institution type code, e.g. BANK_CITY");
    }
    String uscc = RatingQuery.blankToNull(params.get("uscc"));
    List<StatisticsItem> items = statistics.of(period, type, uscc);
    if (csv) {
      List<String> breakdowns = PublicStatistics.breakdownColumns();
      List<String> columns = new ArrayList<>(STATISTICS_COLUMNS);
      columns.addAll(breakdowns);
      List<List<Object>> rows = new ArrayList<>();
      for (StatisticsItem s : items) {
        List<Object> row =
            new ArrayList<>(
                List.of(
                    s.uscc(),
                    s.name(),
                    s.institutionType(),
                    s.period(),
                    s.complaints(),
                    s.closed(),
                    s.closedWithinDeadline(),
                    s.surveyed(),
                    s.satisfied()));
        for (String column : breakdowns) {
          String[] key = column.split("\\.", 2);
          Map<String, Long> breakdown =
              switch (key[0]) {
                case "byBusinessCategory" -> s.byBusinessCategory();
                case "byReason" -> s.byReason();
                case "byChannel" -> s.byChannel();
                default -> s.byProvince();
              };
          row.add(breakdown.getOrDefault(key[1], 0L));
        }
        rows.add(row);
      }
      return csv("statistics-" + period.code(), columns, rows);
    }
    return json(
        new Envelope<>(
            properties.licenceBlock(),
            PublicRatings.shanghai(OffsetDateTime.now(clock)),
            null,
            items.size(),
            items));
  }

  /** A published integrity report version (§8, §12). */
  record ReportItem(
      String period,
      String kind,
      int version,
      String publishedAt,
      String html,
      String pdf,
      IntegrityReports.Headline headline) {}

  static final List<String> REPORT_COLUMNS =
      List.of(
          "period",
          "kind",
          "version",
          "publishedAt",
          "html",
          "pdf",
          "headline.complaints",
          "headline.closed",
          "headline.closedWithinDeadline",
          "headline.surveyed",
          "headline.satisfied");

  @GetMapping("/reports")
  ResponseEntity<?> reports(
      @RequestParam Map<String, String> params,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean csv = csv(params, accept);
    String base =
        org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
            .toUriString();
    List<ReportItem> items =
        reports.published().stream()
            .map(
                v ->
                    new ReportItem(
                        v.period(),
                        v.kind(),
                        v.version(),
                        PublicRatings.shanghai(v.publishedAt()),
                        base + "/reports/" + v.period() + "?version=" + v.version(),
                        base + "/reports/" + v.period() + ".pdf?version=" + v.version(),
                        reports.headline(v.id())))
            .toList();
    if (csv) {
      return csv(
          "reports",
          REPORT_COLUMNS,
          items.stream()
              .map(
                  r ->
                      Arrays.<Object>asList(
                          r.period(),
                          r.kind(),
                          r.version(),
                          r.publishedAt(),
                          r.html(),
                          r.pdf(),
                          r.headline().complaints(),
                          r.headline().closed(),
                          r.headline().closedWithinDeadline(),
                          r.headline().surveyed(),
                          r.headline().satisfied()))
              .toList());
    }
    return json(
        new Envelope<>(
            properties.licenceBlock(),
            items.stream().map(ReportItem::publishedAt).max(String::compareTo).orElse(null),
            RatingMethodology.VERSION,
            items.size(),
            items));
  }

  @GetMapping("/openapi.yaml")
  ResponseEntity<String> openApi() {
    return ResponseEntity.ok().contentType(YAML).cacheControl(CACHE).body(OPENAPI);
  }

  @ExceptionHandler(BadParameter.class)
  ResponseEntity<Map<String, Object>> badParameter(BadParameter e) {
    return error(HttpStatus.BAD_REQUEST, "bad_parameter", e.parameter(), e.getMessage());
  }

  static ResponseEntity<Map<String, Object>> error(
      HttpStatus status, String code, String parameter, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    if (parameter != null) {
      body.put("parameter", parameter);
    }
    body.put("message", message);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  // --- ratings as JSON or CSV -----------------------------------------------------------------

  static final List<String> RATING_COLUMNS =
      List.of(
          "uscc",
          "name",
          "institutionType",
          "province",
          "period",
          "provisional",
          "version",
          "status",
          "supersedes",
          "score",
          "grade",
          "capped",
          "limitedData",
          "methodologyVersion",
          "dataCutoff",
          "publishedAt");

  static final List<String> ENFORCEMENT_COLUMNS =
      List.of(
          "id",
          "uscc",
          "name",
          "decisionNo",
          "decisionDate",
          "severity",
          "measure",
          "fineCny",
          "legalBasis",
          "summaryZh",
          "summaryEn",
          "corrects",
          "correctedBy",
          "publishedAt");

  static final List<String> STATISTICS_COLUMNS =
      List.of(
          "uscc",
          "name",
          "institutionType",
          "period",
          "complaints",
          "closed",
          "closedWithinDeadline",
          "surveyed",
          "satisfied");

  /** Columns of the ratings CSV: §10's scalar contents, then each factor's points and figures. */
  static List<String> ratingColumns() {
    List<String> columns = new ArrayList<>(RATING_COLUMNS);
    for (RatingMethodology.Factor factor : RatingMethodology.Factor.values()) {
      columns.add(factor.name() + ".points");
      columns.add(factor.name() + ".maxPoints");
      for (String figure : factor.figures()) {
        columns.add(factor.name() + "." + figure);
      }
    }
    return columns;
  }

  static List<Object> ratingRow(RatingItem r) {
    List<Object> row = new ArrayList<>();
    row.add(r.uscc());
    row.add(r.name());
    row.add(r.institutionType());
    row.add(r.province());
    row.add(r.period());
    row.add(r.provisional());
    row.add(r.version());
    row.add(r.status());
    row.add(r.supersedes());
    row.add(r.score());
    row.add(r.grade());
    row.add(r.capped());
    row.add(r.limitedData());
    row.add(r.methodologyVersion());
    row.add(r.dataCutoff());
    row.add(r.publishedAt());
    for (RatingMethodology.Factor factor : RatingMethodology.Factor.values()) {
      JsonNode entry = null;
      for (JsonNode f : r.factors()) {
        if (factor.name().equals(f.path("factor").asString())) {
          entry = f;
        }
      }
      row.add(scalar(entry == null ? null : entry.get("points")));
      row.add(scalar(entry == null ? null : entry.get("maxPoints")));
      for (String figure : factor.figures()) {
        row.add(scalar(entry == null ? null : entry.path("figures").get(figure)));
      }
    }
    return row;
  }

  /** A JSON value as its CSV cell: numbers exactly as in JSON, text as text, null empty. */
  static Object scalar(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.isIntegralNumber() ? (Object) node.bigIntegerValue() : node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asString();
  }

  private ResponseEntity<?> ratingAnswer(
      long total, List<RatingItem> items, boolean csv, String fileName) {
    if (csv) {
      return csv(
          fileName, ratingColumns(), items.stream().map(OpenDataController::ratingRow).toList());
    }
    return json(
        new Envelope<>(
            properties.licenceBlock(),
            time(ratings.updated()),
            RatingMethodology.VERSION,
            total,
            items));
  }

  private static List<RatingItem> items(List<PublicRating> ratings) {
    return ratings.stream().map(PublicRating::item).toList();
  }

  static boolean csv(Map<String, String> params, String accept) {
    String format = RatingQuery.blankToNull(params.get("format"));
    if (format != null) {
      return switch (format.toLowerCase(java.util.Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw new BadParameter("format", "format must be json or csv");
      };
    }
    if (accept == null) {
      return false;
    }
    List<MediaType> accepted;
    try {
      accepted = MediaType.parseMediaTypes(accept);
    } catch (org.springframework.http.InvalidMediaTypeException e) {
      // was a 500: a malformed header is the caller's mistake
      throw new BadParameter("Accept", "Accept is not a valid list of media types");
    }
    for (MediaType type : accepted) {
      if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
        return true;
      }
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
        return false;
      }
    }
    return false;
  }

  private static ResponseEntity<byte[]> csv(
      String fileName, List<String> columns, List<List<Object>> rows) {
    return ResponseEntity.ok()
        .contentType(CSV)
        .cacheControl(CACHE)
        .varyBy(HttpHeaders.ACCEPT)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"cpsx-" + fileName + ".csv\"")
        .body(OpenDataCsv.write(columns, rows));
  }

  private static <T> ResponseEntity<T> json(T body) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CACHE)
        .varyBy(HttpHeaders.ACCEPT)
        .body(body);
  }

  private static String time(Optional<OffsetDateTime> time) {
    return time.map(PublicRatings::shanghai).orElse(null);
  }

  private static final String OPENAPI = resource("/openapi/open-data-v1.yaml");

  private static String resource(String path) {
    try (InputStream in = OpenDataController.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the schemas module");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

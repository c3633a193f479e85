package cn.cpsx.portal.opendata;

import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.schemas.rating.PublishedFactors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published ratings, read from the {@code rating} table. Every query here is limited to
 * PUBLISHED and SUPERSEDED: drafts, sent-back and replaced ratings never leave this class.
 *
 * <p>The list ({@link #search}) holds the current version of each institution and period — status
 * PUBLISHED, of which there is at most one — so a reader gets one row per institution and period
 * and a peer group is complete; {@link #versions} holds every published version, superseded ones
 * included, newest first.
 */
@Component
public class PublicRatings {

  /** Reads the stored factors keeping every decimal as written (0.5000000000 stays so). */
  private static final JsonMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final String COLUMNS =
      """
      r.institution_uscc, r.name_zh, r.name_en, r.institution_type, r.province, r.period,
      r.provisional, r.version, r.status, r.supersedes, r.score, r.grade, r.capped,
      r.limited_data, r.methodology_version, r.data_cutoff, r.published_at, r.factors::text AS factors
      """;

  private final JdbcClient jdbc;

  PublicRatings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A page of current published ratings and how many match in all. */
  public record Page(long total, List<PublicRating> items) {}

  public Page search(RatingQuery query) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(query, params);
    long total =
        jdbc.sql("SELECT count(*) FROM rating r WHERE " + where)
            .params(params)
            .query(Long.class)
            .single();
    List<PublicRating> items =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM rating r WHERE "
                    + where
                    + " ORDER BY "
                    + query.sort().orderBy
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", query.size())
            .param("offset", query.offset())
            .query(PublicRatings::rating)
            .list();
    return new Page(total, items);
  }

  /** Grades of the current published ratings matching the query (paging aside): grade → count. */
  public Map<String, Long> gradeDistribution(RatingQuery query) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(query, params);
    Map<String, Long> grades = new LinkedHashMap<>();
    for (String grade : List.of("A", "B", "C", "D")) {
      grades.put(grade, 0L);
    }
    jdbc.sql("SELECT r.grade, count(*) AS n FROM rating r WHERE " + where + " GROUP BY r.grade")
        .params(params)
        .query(
            rs -> {
              grades.put(rs.getString("grade"), rs.getLong("n"));
            });
    return grades;
  }

  /** Every published version of the institution's ratings, newest period and version first. */
  public List<PublicRating> versions(String uscc) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM rating r
                WHERE r.institution_uscc = :uscc AND r.status IN ('PUBLISHED', 'SUPERSEDED')
                ORDER BY r.period DESC, r.version DESC
                """)
        .param("uscc", uscc)
        .query(PublicRatings::rating)
        .list();
  }

  /** Periods with at least one published rating, newest first. */
  public List<String> periods() {
    return jdbc.sql(
            """
            SELECT DISTINCT period FROM rating WHERE status IN ('PUBLISHED', 'SUPERSEDED')
             ORDER BY period DESC
            """)
        .query(String.class)
        .list();
  }

  /** When a rating was last published, or empty if none ever was. */
  public Optional<OffsetDateTime> updated() {
    return jdbc.sql(
            "SELECT max(published_at) FROM rating WHERE status IN ('PUBLISHED', 'SUPERSEDED')")
        .query(OffsetDateTime.class)
        .optional();
  }

  /** The current published ratings of one period (every peer group whole), for the methodology. */
  public List<PublicRating> currentOfPeriod(String period) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM rating r WHERE r.status = 'PUBLISHED' AND r.period = :period
                ORDER BY r.institution_uscc
                """)
        .param("period", period)
        .query(PublicRatings::rating)
        .list();
  }

  private static String where(RatingQuery query, Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    conditions.add("r.status = 'PUBLISHED'");
    if (query.period() != null) {
      conditions.add("r.period = :period");
      params.put("period", query.period());
    }
    if (query.type() != null) {
      conditions.add("r.institution_type = :type");
      params.put("type", query.type());
    }
    if (query.grade() != null) {
      conditions.add("r.grade = :grade");
      params.put("grade", query.grade());
    }
    if (query.province() != null) {
      conditions.add("left(r.province, 2) = :province");
      params.put("province", query.province());
    }
    if (query.q() != null) {
      conditions.add(
          """
          (r.institution_uscc LIKE :usccPrefix ESCAPE '\\'
           OR r.name_zh ILIKE :words ESCAPE '\\' OR r.name_en ILIKE :words ESCAPE '\\')
          """);
      String literal = query.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      params.put("usccPrefix", literal.toUpperCase(java.util.Locale.ROOT) + "%");
      params.put("words", "%" + literal + "%");
    }
    return String.join(" AND ", conditions);
  }

  static PublicRating rating(ResultSet rs, int row) throws SQLException {
    RatingItem item =
        new RatingItem(
            rs.getString("institution_uscc"),
            rs.getString("name_zh"),
            rs.getString("institution_type"),
            rs.getString("province"),
            rs.getString("period"),
            rs.getBoolean("provisional"),
            rs.getInt("version"),
            rs.getString("status"),
            rs.getObject("supersedes", Integer.class),
            rs.getBigDecimal("score"),
            rs.getString("grade"),
            rs.getBoolean("capped"),
            rs.getBoolean("limited_data"),
            rs.getString("methodology_version"),
            shanghai(rs.getObject("data_cutoff", OffsetDateTime.class)),
            shanghai(rs.getObject("published_at", OffsetDateTime.class)),
            factors(rs.getString("factors")));
    return new PublicRating(item, rs.getString("name_en"));
  }

  static JsonNode factors(String json) {
    return EXACT.readTree(PublishedFactors.inPublishedOrder(json));
  }

  /** An instant as the public reads it: ISO 8601 in Beijing time. */
  public static String shanghai(OffsetDateTime time) {
    return time == null
        ? null
        : time.atZoneSameInstant(ReportingTime.ZONE)
            .toOffsetDateTime()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}

package cn.cpsx.batch.report;

import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.schemas.rating.RatingPeriod;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every figure of an integrity report (§8), straight from the system of record, set-based in
 * PostgreSQL, as of the report's data cut-off.
 *
 * <p>Cases: the current version ({@code complaint_case}) of every accepted LIVE case received in
 * the period (Asia/Shanghai) — the same rows and definitions as the open data's {@code statistics},
 * so the headline equals the sum of {@code statistics} — except that a case whose current version
 * arrived after the cut-off counts with its newest version validated by then (and not at all when
 * it had none). Ratings: PUBLISHED/SUPERSEDED only, each institution's newest version published by
 * the cut-off. Enforcement: PUBLISHED actions of the period not replaced by a published correction.
 */
@Component
class ReportFiguresCollection {

  /** Best and worst institutions shown per peer group. */
  static final int RANKED = 3;

  /** Notable enforcement actions shown: the most severe first. */
  static final int NOTABLE_ACTIONS = 20;

  /**
   * The cases of a period as of the cut-off; parameters {@code from, to, cutoff}. Current versions
   * are read from {@code complaint_case}'s columns that PostgreSQL derives from the record
   * (migration V12): at millions of cases, parsing each record's JSON costs more than the scan. The
   * few cases changed after the cut-off count with their newest version validated by then, read
   * from that version's record. {@code base} is read twice and must not be materialised (millions
   * of rows written aside).
   */
  static final String CASES_AS_OF_CUTOFF =
      """
      WITH base AS NOT MATERIALIZED (
        SELECT cc.institution_uscc, cc.case_no, cc.received_at, cc.status, cc.business_category,
               cc.reason, cc.channel, cc.region, cc.satisfaction, cc.extended, cc.resolved_at,
               coalesce(f.validated_at <= :cutoff, false) AS before_cutoff
          FROM complaint_case cc JOIN filing f ON f.filing_id = cc.filing_id
         WHERE cc.received_at >= :from AND cc.received_at < :to
      ), c AS (
        SELECT institution_uscc, received_at, status, business_category, reason, channel, region,
               satisfaction, extended, resolved_at
          FROM base WHERE before_cutoff
        UNION ALL
        SELECT b.institution_uscc, r."receivedAt", r.status, r."businessCategory", r.reason,
               r.channel, r.region, r.satisfaction, r.extended, r."resolvedAt"
          FROM base b
          CROSS JOIN LATERAL (
            SELECT v.record FROM complaint_case_version v JOIN filing f ON f.filing_id = v.filing_id
             WHERE v.institution_uscc = b.institution_uscc AND v.case_no = b.case_no
               AND f.validated_at <= :cutoff
             ORDER BY v.filing_seq DESC LIMIT 1) x
          CROSS JOIN LATERAL jsonb_to_record(x.record) AS r(
                 "receivedAt" timestamptz, status text, "businessCategory" text, reason text,
                 channel text, region text, satisfaction text, extended boolean,
                 "resolvedAt" timestamptz)
         WHERE NOT b.before_cutoff
      ), cases AS (
        SELECT c.*, status IN ('RESOLVED', 'CLOSED_UNRESOLVED') AS closed,
               received_at + CASE WHEN extended THEN interval '720 hours'
                                  ELSE interval '360 hours' END AS deadline
          FROM c
      )
      """;

  /** The case breakdowns of a report, with the expression giving each case's code. */
  private static final Map<String, String> BREAKDOWNS =
      Map.of(
          "byBusinessCategory", "category",
          "byReason", "reason",
          "byChannel", "channel",
          "byProvince", "province");

  /**
   * Every case figure of one period in one pass over its cases (a scan of millions of rows is the
   * cost; the groups are cheap): the whole period, and per month, business category, reason,
   * channel, province and satisfaction code. {@code GROUPING(x) = 0} marks the rows grouped by x.
   */
  private static final String PERIOD_FIGURES =
      CASES_AS_OF_CUTOFF
          + """
          , facts AS (
            SELECT to_char(received_at AT TIME ZONE :zone, 'YYYY-MM') AS month,
                   coalesce(business_category, '') AS category,
                   coalesce(reason, '') AS reason,
                   coalesce(channel, '') AS channel,
                   coalesce(left(region, 2) || '0000', '') AS province,
                   coalesce(satisfaction, 'NONE') AS satisfaction,
                   closed,
                   closed AND resolved_at <= deadline AS within_deadline,
                   extended,
                   satisfaction IS NOT NULL AND satisfaction <> 'NOT_SURVEYED' AS surveyed,
                   satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED') AS satisfied,
                   channel = 'REGULATOR' OR status = 'ESCALATED' AS escalated,
                   NOT closed AND deadline < :cutoff AS open_past_deadline
              FROM cases
          )
          SELECT GROUPING(month) = 0 AS by_month, GROUPING(category) = 0 AS by_category,
                 GROUPING(reason) = 0 AS by_reason, GROUPING(channel) = 0 AS by_channel,
                 GROUPING(province) = 0 AS by_province,
                 GROUPING(satisfaction) = 0 AS by_satisfaction,
                 month, category, reason, channel, province, satisfaction,
                 count(*) AS complaints,
                 count(*) FILTER (WHERE closed) AS closed,
                 count(*) FILTER (WHERE within_deadline) AS closed_within_deadline,
                 count(*) FILTER (WHERE surveyed) AS surveyed,
                 count(*) FILTER (WHERE satisfied) AS satisfied,
                 count(*) FILTER (WHERE escalated) AS escalated,
                 count(*) FILTER (WHERE extended) AS extended,
                 count(*) FILTER (WHERE within_deadline AND extended) AS extended_within_deadline,
                 count(*) FILTER (WHERE open_past_deadline) AS open_past_deadline
            FROM facts
           GROUP BY GROUPING SETS ((), (month), (category), (reason), (channel), (province),
                                   (satisfaction))
          """;

  /** The case figures of one period, as {@link #PERIOD_FIGURES} gives them. */
  private record PeriodFigures(
      ObjectNode headline,
      ObjectNode timeliness,
      Map<String, long[]> monthly,
      Map<String, Map<String, Long>> breakdowns,
      Map<String, Long> satisfaction) {}

  private final JdbcClient jdbc;

  ReportFiguresCollection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The period just before: the previous quarter, or the previous year. */
  static RatingPeriod previous(RatingPeriod period) {
    if (!period.provisional()) {
      return parse(String.valueOf(period.year() - 1));
    }
    return period.quarter() == 1
        ? parse((period.year() - 1) + "-Q4")
        : parse(period.year() + "-Q" + (period.quarter() - 1));
  }

  /** The same period a year earlier. */
  static RatingPeriod yearEarlier(RatingPeriod period) {
    return parse((period.year() - 1) + (period.provisional() ? "-Q" + period.quarter() : ""));
  }

  static RatingPeriod parse(String text) {
    return RatingPeriod.parse(text)
        .orElseThrow(() -> new IllegalArgumentException("period must be YYYY or YYYY-Qn: " + text));
  }

  /** The report's figures as one JSON object (the shape is documented in the package). */
  ObjectNode collect(RatingPeriod period, Instant cutoff, String methodologyVersion) {
    RatingPeriod previous = previous(period);
    RatingPeriod yearEarlier = yearEarlier(period);
    ObjectNode figures = JsonMapper.shared().createObjectNode();
    figures.put("period", period.text());
    figures.put("kind", period.provisional() ? "QUARTERLY" : "ANNUAL");
    figures.put("firstDay", period.firstDay().toString());
    figures.put("lastDay", period.lastDay().toString());
    figures.put("previousPeriod", previous.text());
    figures.put("yearEarlierPeriod", yearEarlier.text());
    figures.put("dataCutoff", cutoff.atZone(ReportingTime.ZONE).toOffsetDateTime().toString());
    figures.put("methodologyVersion", methodologyVersion);

    PeriodFigures current = periodFigures(period, cutoff);
    PeriodFigures before = periodFigures(previous, cutoff);
    ObjectNode headline = figures.putObject("headline");
    headline.set("current", current.headline());
    headline.set("previous", before.headline());
    headline.set("yearEarlier", periodFigures(yearEarlier, cutoff).headline());

    figures.set("monthly", monthly(period, current));
    for (String breakdown : List.of("byBusinessCategory", "byReason", "byChannel", "byProvince")) {
      figures.set(breakdown, breakdown(current, before, BREAKDOWNS.get(breakdown)));
    }
    figures.set("timeliness", current.timeliness());
    figures.set("satisfaction", satisfaction(current));
    figures.set("ratings", ratings(period, previous, cutoff));
    figures.set("enforcement", enforcement(period, cutoff));
    figures.set("typicalCases", typicalCases(period, cutoff));
    figures.set("alerts", alerts(period, cutoff));
    return figures;
  }

  private Map<String, Object> params(RatingPeriod period, Instant cutoff) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("from", at(period.start()));
    params.put("to", at(period.end()));
    params.put("cutoff", at(cutoff));
    return params;
  }

  private PeriodFigures periodFigures(RatingPeriod period, Instant cutoff) {
    ObjectNode headline = JsonMapper.shared().createObjectNode();
    ObjectNode timeliness = JsonMapper.shared().createObjectNode();
    Map<String, long[]> monthly = new LinkedHashMap<>();
    Map<String, Map<String, Long>> breakdowns = new LinkedHashMap<>();
    BREAKDOWNS.values().forEach(column -> breakdowns.put(column, new LinkedHashMap<>()));
    Map<String, Long> satisfaction = new LinkedHashMap<>();
    putTotals(headline, timeliness, column -> 0);
    jdbc.sql(PERIOD_FIGURES)
        .params(params(period, cutoff))
        .param("zone", ReportingTime.ZONE_ID)
        .query(
            rs -> {
              long complaints = rs.getLong("complaints");
              if (rs.getBoolean("by_month")) {
                monthly.put(rs.getString("month"), new long[] {complaints, rs.getLong("closed")});
              } else if (rs.getBoolean("by_satisfaction")) {
                satisfaction.put(rs.getString("satisfaction"), complaints);
              } else {
                boolean grouped = false;
                for (String column : BREAKDOWNS.values()) {
                  if (rs.getBoolean("by_" + column)) {
                    breakdowns.get(column).put(rs.getString(column), complaints);
                    grouped = true;
                  }
                }
                if (!grouped) { // the whole period
                  Map<String, Long> totals = new LinkedHashMap<>();
                  for (String column : TOTALS) {
                    totals.put(column, rs.getLong(column));
                  }
                  putTotals(headline, timeliness, totals::get);
                }
              }
            });
    return new PeriodFigures(headline, timeliness, monthly, breakdowns, satisfaction);
  }

  /** The counts of the whole period. */
  private static final List<String> TOTALS =
      List.of(
          "complaints",
          "closed",
          "closed_within_deadline",
          "surveyed",
          "satisfied",
          "escalated",
          "extended",
          "extended_within_deadline",
          "open_past_deadline");

  /** The whole period's counts: zeros until its row is read (a period without cases has none). */
  private static void putTotals(
      ObjectNode headline, ObjectNode timeliness, ToLongFunction<String> count) {
    for (String column : TOTALS.subList(0, 6)) {
      headline.put(camel(column), count.applyAsLong(column));
    }
    long closed = count.applyAsLong("closed");
    long within = count.applyAsLong("closed_within_deadline");
    timeliness.put("closed", closed);
    timeliness.put("withinDeadline", within);
    timeliness.put("late", closed - within);
    timeliness.put("extended", count.applyAsLong("extended"));
    timeliness.put("extendedWithinDeadline", count.applyAsLong("extended_within_deadline"));
    timeliness.put("openPastDeadline", count.applyAsLong("open_past_deadline"));
  }

  /** Every month of the period, with none left out for having no cases. */
  private static ArrayNode monthly(RatingPeriod period, PeriodFigures figures) {
    ArrayNode months = JsonMapper.shared().createArrayNode();
    for (YearMonth m = YearMonth.from(period.firstDay());
        !m.isAfter(YearMonth.from(period.lastDay()));
        m = m.plusMonths(1)) {
      long[] counts = figures.monthly().getOrDefault(m.toString(), new long[2]);
      months
          .addObject()
          .put("month", m.toString())
          .put("complaints", counts[0])
          .put("closed", counts[1]);
    }
    return months;
  }

  /** Counts per code in the period and the previous period, most complaints first. */
  private static ArrayNode breakdown(PeriodFigures current, PeriodFigures previous, String column) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    current
        .breakdowns()
        .get(column)
        .forEach((code, n) -> counts.computeIfAbsent(code, k -> new long[2])[0] = n);
    previous
        .breakdowns()
        .get(column)
        .forEach((code, n) -> counts.computeIfAbsent(code, k -> new long[2])[1] = n);
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(
        (a, b) ->
            a.getValue()[0] != b.getValue()[0]
                ? Long.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
    ArrayNode rows = JsonMapper.shared().createArrayNode();
    for (Map.Entry<String, long[]> e : entries) {
      rows.addObject()
          .put("code", e.getKey())
          .put("complaints", e.getValue()[0])
          .put("previous", e.getValue()[1]);
    }
    return rows;
  }

  /** Counts per satisfaction code; {@code NONE} for cases without one. */
  private static ObjectNode satisfaction(PeriodFigures figures) {
    ObjectNode o = JsonMapper.shared().createObjectNode();
    for (String code :
        List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "NOT_SURVEYED", "NONE")) {
      o.put(code, figures.satisfaction().getOrDefault(code, 0L));
    }
    figures.satisfaction().forEach(o::put);
    return o;
  }

  /** Each institution's newest version of a period published by the cut-off. */
  private static final String RATINGS_AS_OF_CUTOFF =
      """
      SELECT DISTINCT ON (institution_uscc) institution_uscc AS uscc, name_zh, name_en,
             institution_type, score, grade
        FROM rating
       WHERE period = :period AND status IN ('PUBLISHED', 'SUPERSEDED') AND published_at <= :cutoff
       ORDER BY institution_uscc, version DESC
      """;

  private record Rated(
      String uscc, String nameZh, String nameEn, String type, String score, String grade) {}

  private List<Rated> ratingsOf(RatingPeriod period, Instant cutoff) {
    return jdbc.sql(RATINGS_AS_OF_CUTOFF)
        .param("period", period.text())
        .param("cutoff", at(cutoff))
        .query(
            (rs, n) ->
                new Rated(
                    rs.getString("uscc"),
                    rs.getString("name_zh"),
                    rs.getString("name_en"),
                    rs.getString("institution_type"),
                    rs.getBigDecimal("score").toPlainString(),
                    rs.getString("grade")))
        .list();
  }

  private ObjectNode ratings(RatingPeriod period, RatingPeriod previous, Instant cutoff) {
    List<Rated> now = ratingsOf(period, cutoff);
    Map<String, String> before = new LinkedHashMap<>();
    ratingsOf(previous, cutoff).forEach(r -> before.put(r.uscc(), r.grade()));
    Map<String, List<Rated>> byType = new java.util.TreeMap<>();
    now.forEach(r -> byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r));
    ObjectNode ratings = JsonMapper.shared().createObjectNode();
    ratings.put("period", period.text());
    ratings.put("previousPeriod", previous.text());
    ArrayNode groups = ratings.putArray("byPeerGroup");
    for (Map.Entry<String, List<Rated>> e : byType.entrySet()) {
      ObjectNode g = groups.addObject();
      g.put("peerGroup", e.getKey());
      g.put("total", e.getValue().size());
      ObjectNode grades = g.putObject("grades");
      for (String grade : List.of("A", "B", "C", "D")) {
        grades.put(grade, e.getValue().stream().filter(r -> r.grade().equals(grade)).count());
      }
      long up = 0;
      long down = 0;
      long same = 0;
      long first = 0;
      for (Rated r : e.getValue()) {
        String was = before.get(r.uscc());
        if (was == null) {
          first++;
        } else {
          int c = r.grade().compareTo(was); // A is best: a smaller letter is a better grade
          if (c < 0) {
            up++;
          } else if (c > 0) {
            down++;
          } else {
            same++;
          }
        }
      }
      ObjectNode changes = g.putObject("changes");
      changes.put("up", up).put("down", down).put("same", same).put("new", first);
      List<Rated> ranked = new ArrayList<>(e.getValue());
      ranked.sort(
          (a, b) -> {
            int c =
                new java.math.BigDecimal(b.score()).compareTo(new java.math.BigDecimal(a.score()));
            return c != 0 ? c : a.uscc().compareTo(b.uscc());
          });
      List<Rated> best = ranked.subList(0, Math.min(RANKED, ranked.size()));
      // the worst are the lowest scores that are not already among the best
      List<Rated> worst =
          new ArrayList<>(
              ranked.subList(Math.max(best.size(), ranked.size() - RANKED), ranked.size()));
      java.util.Collections.reverse(worst);
      ArrayNode bestNode = g.putArray("best");
      best.forEach(r -> rated(bestNode.addObject(), r));
      ArrayNode worstNode = g.putArray("worst");
      worst.forEach(r -> rated(worstNode.addObject(), r));
    }
    return ratings;
  }

  private static void rated(ObjectNode o, Rated r) {
    o.put("uscc", r.uscc())
        .put("nameZh", r.nameZh())
        .put("nameEn", r.nameEn())
        .put("score", r.score())
        .put("grade", r.grade());
  }

  private ArrayNode enforcement(RatingPeriod period, Instant cutoff) {
    ArrayNode actions = JsonMapper.shared().createArrayNode();
    jdbc.sql(
            """
            SELECT a.id, a.decision_no, a.decision_date, a.institution_uscc, i.legal_name_zh, i.name_en,
                   a.severity, a.measure, a.fine_cny, a.summary_zh, a.summary_en
              FROM enforcement_action a JOIN institution i ON i.uscc = a.institution_uscc
             WHERE a.status = 'PUBLISHED' AND a.published_at <= :cutoff
               AND a.decision_date BETWEEN :firstDay AND :lastDay
               AND NOT EXISTS (SELECT 1 FROM enforcement_action c
                                WHERE c.corrects = a.id AND c.status = 'PUBLISHED'
                                  AND c.published_at <= :cutoff)
             ORDER BY CASE a.severity WHEN 'MAJOR' THEN 0 WHEN 'SERIOUS' THEN 1 ELSE 2 END,
                      a.fine_cny DESC NULLS LAST, a.decision_date, a.id
             LIMIT :limit
            """)
        .param("cutoff", at(cutoff))
        .param("firstDay", period.firstDay())
        .param("lastDay", period.lastDay())
        .param("limit", NOTABLE_ACTIONS)
        .query(
            rs -> {
              ObjectNode o = actions.addObject();
              o.put("id", rs.getLong("id"));
              o.put("decisionNo", rs.getString("decision_no"));
              o.put("decisionDate", rs.getDate("decision_date").toLocalDate().toString());
              o.put("uscc", rs.getString("institution_uscc"));
              o.put("nameZh", rs.getString("legal_name_zh"));
              o.put("nameEn", rs.getString("name_en"));
              o.put("severity", rs.getString("severity"));
              o.put("measure", rs.getString("measure"));
              java.math.BigDecimal fine = rs.getBigDecimal("fine_cny");
              o.put("fineCny", fine == null ? null : fine.toPlainString());
              o.put("summaryZh", rs.getString("summary_zh"));
              o.put("summaryEn", rs.getString("summary_en"));
            });
    return actions;
  }

  /** Published typical cases of the period (for a year: of the year and its quarters). */
  private ArrayNode typicalCases(RatingPeriod period, Instant cutoff) {
    ArrayNode cases = JsonMapper.shared().createArrayNode();
    jdbc.sql(
            """
            SELECT id, period, business_category, title_zh, title_en, account_zh, account_en
              FROM typical_case
             WHERE status = 'PUBLISHED' AND published_at <= :cutoff
               AND (period = :period OR (:annual AND period LIKE :period || '-Q%'))
             ORDER BY period, id
            """)
        .param("cutoff", at(cutoff))
        .param("period", period.text())
        .param("annual", !period.provisional())
        .query(
            rs -> {
              cases
                  .addObject()
                  .put("id", rs.getLong("id"))
                  .put("period", rs.getString("period"))
                  .put("businessCategory", rs.getString("business_category"))
                  .put("titleZh", rs.getString("title_zh"))
                  .put("titleEn", rs.getString("title_en"))
                  .put("accountZh", rs.getString("account_zh"))
                  .put("accountEn", rs.getString("account_en"));
            });
    return cases;
  }

  private ArrayNode alerts(RatingPeriod period, Instant cutoff) {
    ArrayNode alerts = JsonMapper.shared().createArrayNode();
    jdbc.sql(
            """
            SELECT id, period, topic_zh, topic_en, text_zh, text_en, array_to_string(categories, ',') AS categories
              FROM consumer_alert
             WHERE status = 'PUBLISHED' AND published_at <= :cutoff
               AND (period = :period OR (:annual AND period LIKE :period || '-Q%'))
             ORDER BY period, id
            """)
        .param("cutoff", at(cutoff))
        .param("period", period.text())
        .param("annual", !period.provisional())
        .query(
            rs -> {
              ObjectNode o =
                  alerts
                      .addObject()
                      .put("id", rs.getLong("id"))
                      .put("period", rs.getString("period"))
                      .put("topicZh", rs.getString("topic_zh"))
                      .put("topicEn", rs.getString("topic_en"))
                      .put("textZh", rs.getString("text_zh"))
                      .put("textEn", rs.getString("text_en"));
              ArrayNode categories = o.putArray("categories");
              String list = rs.getString("categories");
              if (list != null && !list.isEmpty()) {
                for (String c : list.split(",")) {
                  categories.add(c);
                }
              }
            });
    return alerts;
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String camel(String column) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char ch : column.toCharArray()) {
      if (ch == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return out.toString();
  }
}

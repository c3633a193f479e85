package cn.cpsx.batch.hotspot;

import cn.cpsx.schemas.ReportingTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts one week's accepted live cases per institution × business category against the 8 weeks
 * before (PostgreSQL, the system of record) and records the pairs {@link HotSpotRule} flags. A week
 * is recorded once per pair: a rerun adds nothing and keeps dismissals.
 */
@Component
public class HotSpotSweep {

  private final JdbcClient jdbc;

  HotSpotSweep(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record PairCounts(String institution, String category, int week, int baseline) {}

  /** The Monday of the last complete week (Monday–Sunday, Shanghai) before {@code today}. */
  static LocalDate lastCompleteWeek(LocalDate today) {
    return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
  }

  /** Returns how many hot spots were new for that week. */
  public int sweep(LocalDate weekStart) {
    if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException(weekStart + " is not a Monday");
    }
    OffsetDateTime week = weekStart.atStartOfDay(ReportingTime.ZONE).toOffsetDateTime();
    List<PairCounts> pairs =
        jdbc.sql(
                """
                SELECT institution_uscc AS institution, record->>'businessCategory' AS category,
                       count(*) FILTER (WHERE received_at >= :week) AS week,
                       count(*) FILTER (WHERE received_at < :week) AS baseline
                  FROM complaint_case
                 WHERE received_at >= :baselineStart AND received_at < :weekEnd
                 GROUP BY 1, 2
                HAVING count(*) FILTER (WHERE received_at >= :week) >= :minCount
                """)
            .param("week", week)
            .param("baselineStart", week.minusWeeks(HotSpotRule.BASELINE_WEEKS))
            .param("weekEnd", week.plusWeeks(1))
            .param("minCount", HotSpotRule.MIN_COUNT)
            .query(PairCounts.class)
            .list();
    int added = 0;
    for (PairCounts pair : pairs) {
      HotSpotRule rule = HotSpotRule.of(pair.week(), pair.baseline());
      if (rule.isHotSpot()) {
        added +=
            jdbc.sql(
                    """
                    INSERT INTO hot_spot (week_start, institution_uscc, business_category,
                                          week_count, baseline_mean, score)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (week_start, institution_uscc, business_category) DO NOTHING
                    """)
                .params(
                    weekStart,
                    pair.institution(),
                    pair.category(),
                    pair.week(),
                    Math.round(rule.baseline() * 100) / 100.0,
                    Math.round(rule.score() * 100) / 100.0)
                .update();
      }
    }
    return added;
  }
}

package cn.cpsx.batch.rating;

import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.schemas.rating.PublishedFactors;
import cn.cpsx.schemas.rating.RatingFigures;
import cn.cpsx.schemas.rating.RatingMethodology;
import cn.cpsx.schemas.rating.RatingMethodology.ComputedRating;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a run's figures into DRAFT ratings (§7 lifecycle: computed → DRAFT). A newer run's draft
 * replaces an institution's open draft for the same period; published ratings are never touched
 * (publishing the new draft later supersedes them).
 */
@Component
class RatingDrafts {

  /** Days an institution has to object to its draft, counted in Shanghai dates (§7). */
  static final int OBJECTION_DAYS = 10;

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final Clock clock;

  RatingDrafts(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.clock = clock;
  }

  /** Writes the drafts of one run; returns how many. */
  int write(long runId) {
    List<RatingFigures> figures =
        jdbc.sql(
                """
                SELECT institution_uscc AS uscc, institution_type, complaints, retail_customers,
                       closed, closed_within_deadline, surveyed, satisfied, escalated, due,
                       good_filings, self_score_sum, supervisor_adjustment, adjustment_reason,
                       minor, serious, major
                  FROM rating_figures WHERE run_id = ? ORDER BY institution_uscc
                """)
            .param(runId)
            .query(RatingFigures.class)
            .list();
    List<ComputedRating> ratings = RatingMethodology.rate(figures);
    LocalDate objectionDeadline =
        LocalDate.now(clock.withZone(ReportingTime.ZONE)).plusDays(OBJECTION_DAYS);
    jdbc.sql(
            """
            UPDATE rating SET status = 'REPLACED'
             WHERE status = 'DRAFT' AND run_id <> :runId
               AND period = (SELECT period FROM rating_run WHERE id = :runId)
               AND institution_uscc IN (SELECT institution_uscc FROM rating_figures WHERE run_id = :runId)
            """)
        .param("runId", runId)
        .update();
    jdbc.sql("DELETE FROM rating WHERE run_id = ? AND status = 'DRAFT'").param(runId).update();
    List<Object[]> rows = new ArrayList<>(ratings.size());
    for (ComputedRating rating : ratings) {
      rows.add(
          new Object[] {
            rating.score(),
            rating.grade(),
            rating.capped(),
            rating.limitedData(),
            PublishedFactors.toJson(rating.factors()),
            objectionDeadline,
            runId,
            rating.uscc()
          });
    }
    for (int from = 0; from < rows.size(); from += 1000) {
      jdbcTemplate.batchUpdate(
          """
          INSERT INTO rating (run_id, institution_uscc, period, provisional, status, name_zh, name_en,
                              institution_type, province, score, grade, capped, limited_data,
                              methodology_version, data_cutoff, factors, objection_deadline)
          SELECT r.id, i.uscc, r.period, r.provisional, 'DRAFT', i.legal_name_zh, i.name_en, i.type,
                 left(i.home_region, 2) || '0000', ?, ?, ?, ?, r.methodology_version, r.data_cutoff,
                 ?::jsonb, ?
            FROM rating_run r, institution i
           WHERE r.id = ? AND i.uscc = ?
          """,
          rows.subList(from, Math.min(from + 1000, rows.size())));
    }
    jdbc.sql("UPDATE rating_run SET computed_at = now() WHERE id = ?").param(runId).update();
    return ratings.size();
  }
}

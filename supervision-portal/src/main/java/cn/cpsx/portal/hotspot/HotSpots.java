package cn.cpsx.portal.hotspot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hot spots that batch-jobs' weekly sweep flagged (rule and threshold: batch-jobs' HotSpotRule,
 * explained on the page), for analysts to look into and dismiss.
 */
@Component
public class HotSpots {

  /** One flagged institution × business category week. */
  public record HotSpot(
      long id,
      LocalDate weekStart,
      String institution,
      String institutionName,
      String businessCategory,
      int weekCount,
      BigDecimal baselineMean,
      BigDecimal score,
      OffsetDateTime dismissedAt,
      String dismissedBy,
      String dismissNote) {

    /** The week's cases of this pair in the search. */
    public String searchQueryString() {
      return "institution="
          + institution
          + "&businessCategory="
          + businessCategory
          + "&receivedFrom="
          + weekStart
          + "&receivedTo="
          + weekStart.plusDays(6)
          + "&sort=newest";
    }
  }

  private final JdbcClient jdbc;

  HotSpots(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Open (or dismissed) hot spots, the newest week first, the strongest jump first within it. */
  public List<HotSpot> list(boolean dismissed, int limit) {
    return jdbc.sql(
            """
            SELECT h.id, h.week_start, h.institution_uscc AS institution,
                   i.short_name AS institution_name, h.business_category, h.week_count,
                   h.baseline_mean, h.score, h.dismissed_at, h.dismissed_by, h.dismiss_note
              FROM hot_spot h LEFT JOIN institution i ON i.uscc = h.institution_uscc
             WHERE (h.dismissed_at IS NOT NULL) = :dismissed
             ORDER BY h.week_start DESC, h.score DESC
             LIMIT :limit
            """)
        .param("dismissed", dismissed)
        .param("limit", limit)
        .query(HotSpot.class)
        .list();
  }

  /** Returns false when there is no such open hot spot (unknown, or dismissed already). */
  public boolean dismiss(long id, String actor, String note) {
    return jdbc.sql(
                """
                UPDATE hot_spot SET dismissed_at = now(), dismissed_by = ?, dismiss_note = ?
                 WHERE id = ? AND dismissed_at IS NULL
                """)
            .params(actor, note, id)
            .update()
        == 1;
  }
}

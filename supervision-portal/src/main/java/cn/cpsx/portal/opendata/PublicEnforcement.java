package cn.cpsx.portal.opendata;

import cn.cpsx.portal.Period;
import cn.cpsx.schemas.ReportingTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Published enforcement actions (§11). Only status PUBLISHED is read; a correction links both ways
 * only when the correction itself is published, so a draft correction changes nothing public.
 */
@Component
public class PublicEnforcement {

  private final JdbcClient jdbc;

  PublicEnforcement(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A page of actions and how many match in all. */
  public record Page(long total, List<EnforcementItem> items) {}

  /**
   * Published actions, newest decision first.
   *
   * @param uscc one institution, or null
   * @param period decision dates within this period, or null
   * @param severity MINOR, SERIOUS or MAJOR, or null
   */
  public Page find(String uscc, Period period, String severity, int page, int size) {
    List<String> conditions = new ArrayList<>(List.of("a.status = 'PUBLISHED'"));
    Map<String, Object> params = new LinkedHashMap<>();
    if (uscc != null) {
      conditions.add("a.institution_uscc = :uscc");
      params.put("uscc", uscc);
    }
    if (period != null) {
      conditions.add("a.decision_date >= :from AND a.decision_date < :to");
      params.put("from", period.from().atZoneSameInstant(ReportingTime.ZONE).toLocalDate());
      params.put("to", period.to().atZoneSameInstant(ReportingTime.ZONE).toLocalDate());
    }
    if (severity != null) {
      conditions.add("a.severity = :severity");
      params.put("severity", severity);
    }
    String where = String.join(" AND ", conditions);
    long total =
        jdbc.sql("SELECT count(*) FROM enforcement_action a WHERE " + where)
            .params(params)
            .query(Long.class)
            .single();
    List<EnforcementItem> items =
        jdbc.sql(
                """
                SELECT a.id, a.institution_uscc, i.legal_name_zh, a.decision_no, a.decision_date,
                       a.severity, a.measure, a.fine_cny, a.legal_basis, a.summary_zh, a.summary_en,
                       CASE WHEN o.status = 'PUBLISHED' THEN o.id END AS corrects,
                       c.id AS corrected_by, a.published_at
                  FROM enforcement_action a
                  JOIN institution i ON i.uscc = a.institution_uscc
                  LEFT JOIN enforcement_action o ON o.id = a.corrects
                  LEFT JOIN enforcement_action c ON c.corrects = a.id AND c.status = 'PUBLISHED'
                 WHERE\s"""
                    + where
                    + " ORDER BY a.decision_date DESC, a.id DESC LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", size)
            .param("offset", (long) (page - 1) * size)
            .query(
                (rs, row) ->
                    new EnforcementItem(
                        rs.getLong("id"),
                        rs.getString("institution_uscc"),
                        rs.getString("legal_name_zh"),
                        rs.getString("decision_no"),
                        rs.getObject("decision_date", LocalDate.class).toString(),
                        rs.getString("severity"),
                        rs.getString("measure"),
                        rs.getBigDecimal("fine_cny"),
                        rs.getString("legal_basis"),
                        rs.getString("summary_zh"),
                        rs.getString("summary_en"),
                        rs.getObject("corrects", Long.class),
                        rs.getObject("corrected_by", Long.class),
                        PublicRatings.shanghai(rs.getObject("published_at", OffsetDateTime.class))))
            .list();
    return new Page(total, items);
  }

  /** When an action was last published, or empty if none ever was. */
  public Optional<OffsetDateTime> updated() {
    return jdbc.sql("SELECT max(published_at) FROM enforcement_action WHERE status = 'PUBLISHED'")
        .query(OffsetDateTime.class)
        .optional();
  }
}

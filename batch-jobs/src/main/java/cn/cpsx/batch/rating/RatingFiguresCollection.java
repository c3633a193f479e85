package cn.cpsx.batch.rating;

import cn.cpsx.schemas.rating.RatingPeriod;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Collects every licensed institution's rating figures for a run in one set-based statement over
 * the system of record (§10): the newest version, as of the data cut-off, of every accepted LIVE
 * case received in the period; the self-assessment that counts; filings due and filed on time;
 * published enforcement actions. Only data validated (or published) by the cut-off is read, so the
 * same run always yields the same figures.
 */
@Component
class RatingFiguresCollection {

  private final JdbcClient jdbc;

  RatingFiguresCollection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the run's figures; returns how many institutions it holds. */
  int collect(long runId, RatingPeriod period, Instant cutoff) {
    jdbc.sql("DELETE FROM rating_figures WHERE run_id = ?").param(runId).update();
    List<RatingPeriod.DueFiling> due = period.dueFilings(cutoff);
    return jdbc.sql(
            """
            WITH case_now AS (
              -- The current version (complaint_case) is the newest of all; when its filing was
              -- validated by the cut-off it is also the newest as of the cut-off: almost every case.
              SELECT c.institution_uscc, c.record, c.received_at
                FROM complaint_case c JOIN filing f ON f.filing_id = c.filing_id
               WHERE f.validated_at <= :cutoff
                 AND c.received_at >= :start AND c.received_at < :end
              UNION ALL
              -- The few changed after the cut-off: their newest version validated by then.
              SELECT * FROM (
                SELECT DISTINCT ON (v.institution_uscc, v.case_no) v.institution_uscc, v.record,
                       (v.record->>'receivedAt')::timestamptz AS received_at
                  FROM complaint_case c
                  JOIN filing cf ON cf.filing_id = c.filing_id AND cf.validated_at > :cutoff
                  JOIN complaint_case_version v
                    ON v.institution_uscc = c.institution_uscc AND v.case_no = c.case_no
                  JOIN filing f ON f.filing_id = v.filing_id AND f.validated_at <= :cutoff
                 ORDER BY v.institution_uscc, v.case_no, v.filing_seq DESC) older
               WHERE received_at >= :start AND received_at < :end
            ), period_case AS (
              SELECT institution_uscc, record, received_at,
                     record->>'status' IN ('RESOLVED', 'CLOSED_UNRESOLVED') AS closed
                FROM case_now
            ), case_counts AS (
              SELECT institution_uscc,
                     count(*) AS complaints,
                     count(*) FILTER (WHERE closed) AS closed,
                     -- deadline: 15 days (30 when extended) of 24 hours from receivedAt (§2.1)
                     count(*) FILTER (WHERE closed AND (record->>'resolvedAt')::timestamptz
                                      <= received_at + CASE WHEN record->>'extended' = 'true'
                                                            THEN interval '720 hours'
                                                            ELSE interval '360 hours' END)
                       AS closed_within_deadline,
                     count(*) FILTER (WHERE record->>'satisfaction' <> 'NOT_SURVEYED') AS surveyed,
                     count(*) FILTER (WHERE record->>'satisfaction'
                                      IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
                     count(*) FILTER (WHERE record->>'channel' = 'REGULATOR'
                                         OR record->>'status' = 'ESCALATED') AS escalated
                FROM period_case
               GROUP BY institution_uscc
            ), self_assessment AS (
              -- the newest accepted self-assessment of the period's year; for a quarter, of the
              -- latest year filed (a year is filed only once it has ended)
              SELECT DISTINCT ON (r.institution_uscc) r.institution_uscc,
                     (r.document->>'retailCustomers')::bigint AS retail_customers,
                     r.period = :year AS of_period_year,
                     (SELECT sum((s->>'score')::numeric)
                        FROM jsonb_array_elements(r.document->'selfScores') s) AS self_score_sum
                FROM periodic_report r
                JOIN filing f ON f.filing_id = r.filing_id
               WHERE r.filing_type = 'SELF_ASSESSMENT' AND f.validated_at <= :cutoff
                 AND (r.period = :year OR (:provisional AND r.period <= :year))
               ORDER BY r.institution_uscc, r.period DESC, r.filing_seq DESC
            ), due AS (
              SELECT * FROM unnest(string_to_array(:dueTypes, ','), string_to_array(:duePeriods, ','),
                                   string_to_array(:dueUntil, ',')::timestamptz[])
                         AS d(filing_type, period, on_time_until)
            ), discipline AS (
              SELECT i.uscc AS institution_uscc,
                     count(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM filing f
                        WHERE f.institution_uscc = i.uscc AND f.filing_type = d.filing_type
                          AND f.period = d.period AND f.mode = 'LIVE'
                          AND f.status <> 'REJECTED' AND f.validated_at <= :cutoff
                          AND f.received_at <= d.on_time_until)) AS good_filings
                FROM institution i CROSS JOIN due d
               GROUP BY i.uscc
            ), penalties AS (
              -- published actions dated in the period, less those a published correction replaced
              SELECT a.institution_uscc,
                     count(*) FILTER (WHERE a.severity = 'MINOR') AS minor,
                     count(*) FILTER (WHERE a.severity = 'SERIOUS') AS serious,
                     count(*) FILTER (WHERE a.severity = 'MAJOR') AS major
                FROM enforcement_action a
               WHERE a.status = 'PUBLISHED' AND a.published_at <= :cutoff
                 AND a.decision_date BETWEEN :firstDay AND :lastDay
                 AND NOT EXISTS (SELECT 1 FROM enforcement_action c
                                  WHERE c.corrects = a.id AND c.status = 'PUBLISHED'
                                    AND c.published_at <= :cutoff)
               GROUP BY a.institution_uscc
            )
            INSERT INTO rating_figures (run_id, institution_uscc, institution_type, complaints,
                   retail_customers, closed, closed_within_deadline, surveyed, satisfied, escalated,
                   due, good_filings, self_score_sum, minor, serious, major)
            SELECT :runId, i.uscc, i.type, coalesce(c.complaints, 0),
                   CASE WHEN s.of_period_year THEN s.retail_customers ELSE i.retail_customers END,
                   coalesce(c.closed, 0), coalesce(c.closed_within_deadline, 0),
                   coalesce(c.surveyed, 0), coalesce(c.satisfied, 0), coalesce(c.escalated, 0),
                   :dueCount, coalesce(d.good_filings, 0), s.self_score_sum,
                   coalesce(p.minor, 0), coalesce(p.serious, 0), coalesce(p.major, 0)
              FROM institution i
              LEFT JOIN case_counts c ON c.institution_uscc = i.uscc
              LEFT JOIN self_assessment s ON s.institution_uscc = i.uscc
              LEFT JOIN discipline d ON d.institution_uscc = i.uscc
              LEFT JOIN penalties p ON p.institution_uscc = i.uscc
             WHERE i.licence_status = 'ACTIVE'
            """)
        .param("runId", runId)
        .param("cutoff", at(cutoff))
        .param("start", at(period.start()))
        .param("end", at(period.end()))
        .param("firstDay", period.firstDay())
        .param("lastDay", period.lastDay())
        .param("year", String.valueOf(period.year()))
        .param("provisional", period.provisional())
        // lists as comma-separated text: named parameters would expand a collection into a tuple
        .param("dueTypes", join(due, RatingPeriod.DueFiling::filingType))
        .param("duePeriods", join(due, RatingPeriod.DueFiling::period))
        .param("dueUntil", join(due, d -> d.onTimeUntil().toString()))
        .param("dueCount", due.size())
        .update();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String join(
      List<RatingPeriod.DueFiling> due, Function<RatingPeriod.DueFiling, String> part) {
    return due.stream().map(part).collect(Collectors.joining(","));
  }
}

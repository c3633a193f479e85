package cn.cpsx.portal.filing;

import cn.cpsx.schemas.FilingPeriod;
import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.schemas.database.FilingStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The regulator's view of who filed what: for a STATS_Q quarter or a SELF_ASSESSMENT year, every
 * licensed institution with what was due, what arrived, how it ended and whether it was late; and
 * beside it each institution's CASES filings received in that period.
 */
@Component
public class FilingsBoard {

  /** Where an institution stands for the period. */
  public enum Standing {
    /** The period has not ended or its due day has not passed, and nothing arrived yet. */
    NOT_DUE_YET,
    /** Due day passed, nothing live arrived. */
    MISSING,
    /** A live filing arrived and is still being validated. */
    RECEIVED,
    /** The filing that counts is accepted (with or without warnings). */
    ACCEPTED,
    /** Every live filing for the period was rejected. */
    REJECTED
  }

  /**
   * One institution's line.
   *
   * @param filingId the filing that counts: the newest accepted one, else the newest one
   * @param filings how many live filings arrived for the period (amendments and rejected ones too)
   * @param late filed after the due day (F008), or still missing after it
   * @param caseFilings live CASES filings received within the period
   */
  public record Line(
      String uscc,
      String name,
      String type,
      String filingId,
      FilingStatus status,
      OffsetDateTime receivedAt,
      int filings,
      boolean lateFiling,
      int caseFilings,
      int caseFilingsRejected,
      long casesAccepted,
      long casesRejected,
      Standing standing,
      boolean late) {}

  /** The board for one period. */
  public record Board(
      String filingType, String period, LocalDate dueDay, List<Line> lines, Counts counts) {}

  /** The head of the board: how many institutions stand where. */
  public record Counts(
      long due, long received, long accepted, long rejected, long late, long missing) {}

  private record Row(
      String uscc,
      String name,
      String type,
      String filingId,
      FilingStatus status,
      OffsetDateTime receivedAt,
      Integer filings,
      Boolean lateFiling,
      Integer caseFilings,
      Integer caseFilingsRejected,
      Long casesAccepted,
      Long casesRejected) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  FilingsBoard(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The quarter that ended last, in Shanghai time: what a board opens on. */
  public String lastEndedQuarter() {
    LocalDate today = LocalDate.now(clock.withZone(ReportingTime.ZONE));
    LocalDate firstOfQuarter =
        today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
    LocalDate last = firstOfQuarter.minusDays(1);
    return last.getYear() + "-Q" + ((last.getMonthValue() - 1) / 3 + 1);
  }

  /** Empty when the period is malformed for the type. */
  public Optional<Board> board(String filingType, String periodText) {
    return FilingPeriod.parse(filingType, periodText)
        .map(period -> board(filingType, periodText, period));
  }

  private Board board(String filingType, String periodText, FilingPeriod period) {
    List<Row> rows =
        jdbc.sql(
                """
                SELECT i.uscc, i.short_name AS name, i.type,
                       p.filing_id, p.status, p.received_at, p.filings, p.late_filing,
                       c.case_filings, c.case_filings_rejected, c.cases_accepted, c.cases_rejected
                  FROM institution i
                  LEFT JOIN LATERAL (
                       SELECT f.filing_id, f.status, f.received_at,
                              count(*) OVER () AS filings,
                              EXISTS (SELECT 1 FROM validation_finding v
                                       WHERE v.filing_id = f.filing_id AND v.rule = 'F008')
                                AS late_filing
                         FROM filing f
                        WHERE f.institution_uscc = i.uscc AND f.filing_type = :type
                          AND f.period = :period AND f.mode = 'LIVE'
                        ORDER BY (f.status IN ('ACCEPTED', 'ACCEPTED_WITH_WARNINGS')) DESC,
                                 f.seq DESC
                        LIMIT 1) p ON true
                  LEFT JOIN LATERAL (
                       SELECT count(*) AS case_filings,
                              count(*) FILTER (WHERE f.status = 'REJECTED') AS case_filings_rejected,
                              coalesce(sum(f.accepted_count), 0) AS cases_accepted,
                              coalesce(sum(f.rejected_count), 0) AS cases_rejected
                         FROM filing f
                        WHERE f.institution_uscc = i.uscc AND f.filing_type = 'CASES'
                          AND f.mode = 'LIVE'
                          AND f.received_at >= :start AND f.received_at < :end) c ON true
                 WHERE i.licence_status = 'ACTIVE'
                 ORDER BY i.type, i.uscc
                """)
            .param("type", filingType)
            .param("period", periodText)
            .param("start", OffsetDateTime.ofInstant(period.start(), ReportingTime.ZONE))
            .param("end", OffsetDateTime.ofInstant(period.end(), ReportingTime.ZONE))
            .query(Row.class)
            .list();
    Instant now = clock.instant();
    boolean duePassed = period.isLate(now);
    List<Line> lines =
        rows.stream()
            .map(
                r -> {
                  Standing standing = standing(r.status(), duePassed);
                  boolean lateFiling = Boolean.TRUE.equals(r.lateFiling());
                  return new Line(
                      r.uscc(),
                      r.name(),
                      r.type(),
                      r.filingId(),
                      r.status(),
                      r.receivedAt() == null
                          ? null
                          : r.receivedAt().atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime(),
                      r.filings() == null ? 0 : r.filings(),
                      lateFiling,
                      r.caseFilings() == null ? 0 : r.caseFilings(),
                      r.caseFilingsRejected() == null ? 0 : r.caseFilingsRejected(),
                      r.casesAccepted() == null ? 0 : r.casesAccepted(),
                      r.casesRejected() == null ? 0 : r.casesRejected(),
                      standing,
                      lateFiling || standing == Standing.MISSING);
                })
            .toList();
    Counts counts =
        new Counts(
            duePassed ? lines.size() : 0,
            lines.stream().filter(l -> l.filingId() != null).count(),
            lines.stream().filter(l -> l.standing() == Standing.ACCEPTED).count(),
            lines.stream().filter(l -> l.standing() == Standing.REJECTED).count(),
            lines.stream().filter(Line::late).count(),
            lines.stream().filter(l -> l.standing() == Standing.MISSING).count());
    return new Board(filingType, periodText, period.dueDay(), lines, counts);
  }

  private static Standing standing(FilingStatus status, boolean duePassed) {
    if (status == null) {
      return duePassed ? Standing.MISSING : Standing.NOT_DUE_YET;
    }
    return switch (status) {
      case ACCEPTED, ACCEPTED_WITH_WARNINGS -> Standing.ACCEPTED;
      case REJECTED -> Standing.REJECTED;
      // a periodic filing is accepted or rejected whole, never partially: as before, still open
      case RECEIVED, PARTIALLY_ACCEPTED -> Standing.RECEIVED;
    };
  }
}

package cn.cpsx.schemas.rating;

import cn.cpsx.schemas.FilingPeriod;
import cn.cpsx.schemas.ReportingTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of a rating (§10): a year {@code YYYY} (final) or a quarter {@code YYYY-Qn}
 * (provisional), in Asia/Shanghai time.
 */
public record RatingPeriod(
    String text, int year, int quarter, LocalDate firstDay, LocalDate lastDay) {

  private static final Pattern FORM = Pattern.compile("([0-9]{4})(?:-Q([1-4]))?");

  /** The period, or empty when the text is neither {@code YYYY} nor {@code YYYY-Qn}. */
  public static Optional<RatingPeriod> parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) == null) {
      return Optional.of(
          new RatingPeriod(text, year, 0, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }
    int quarter = Integer.parseInt(m.group(2));
    LocalDate first = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    return Optional.of(
        new RatingPeriod(text, year, quarter, first, first.plusMonths(3).minusDays(1)));
  }

  /** A quarter's rating is provisional; a year's is final. */
  public boolean provisional() {
    return quarter != 0;
  }

  /**
   * Whether the period may be rated as of {@code cutoff}: a year (final) only once it has ended, a
   * quarter (provisional) once it has begun.
   */
  public boolean mayBeRatedAt(Instant cutoff) {
    return provisional() ? start().isBefore(cutoff) : !end().isAfter(cutoff);
  }

  public Instant start() {
    return firstDay.atStartOfDay(ReportingTime.ZONE).toInstant();
  }

  /** First instant after the period. */
  public Instant end() {
    return lastDay.plusDays(1).atStartOfDay(ReportingTime.ZONE).toInstant();
  }

  /** A filing the institution owed, and the last instant it was on time (end of its due day). */
  public record DueFiling(String filingType, String period, Instant onTimeUntil) {}

  /**
   * Filings due within the period (§10 "Reporting discipline"): the STATS_Q of each quarter and the
   * SELF_ASSESSMENT of the previous year whose due day falls in the period. A due day that has not
   * ended by the data cut-off does not count yet: nobody is late before the end of the due day.
   */
  public List<DueFiling> dueFilings(Instant dataCutoff) {
    List<DueFiling> due = new ArrayList<>();
    // Quarters from the one before the period up to its last one: their due days (15 days after
    // the quarter) may fall in the period.
    LocalDate quarterStart = firstDay.minusMonths(3);
    while (!quarterStart.isAfter(lastDay)) {
      String quarter = quarterStart.getYear() + "-Q" + ((quarterStart.getMonthValue() - 1) / 3 + 1);
      addIfDue(due, "STATS_Q", quarter, dataCutoff);
      quarterStart = quarterStart.plusMonths(3);
    }
    addIfDue(due, "SELF_ASSESSMENT", String.valueOf(year - 1), dataCutoff);
    return due;
  }

  private void addIfDue(List<DueFiling> due, String type, String period, Instant cutoff) {
    FilingPeriod filing = FilingPeriod.parse(type, period).orElseThrow();
    LocalDate dueDay = filing.dueDay();
    Instant onTimeUntil = dueDay.atTime(LocalTime.MAX).atZone(ReportingTime.ZONE).toInstant();
    if (!dueDay.isBefore(firstDay) && !dueDay.isAfter(lastDay) && onTimeUntil.isBefore(cutoff)) {
      due.add(new DueFiling(type, period, onTimeUntil));
    }
  }
}

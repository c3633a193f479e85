package cn.cpsx.schemas;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of a STATS_Q ({@code YYYY-Qn}) or SELF_ASSESSMENT ({@code YYYY}) filing, with its end
 * and due date judged in Asia/Shanghai time (REPORTING-SPEC §2, §9 "Time").
 *
 * @param firstDay first day of the period
 * @param lastDay last day of the period
 * @param dueDay last day on which filing is on time (inclusive, until 23:59:59+08:00)
 */
public record FilingPeriod(LocalDate firstDay, LocalDate lastDay, LocalDate dueDay) {

  private static final Pattern QUARTER = Pattern.compile("([0-9]{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

  /** The period of a filing type, or empty when the text is malformed for that type (F007). */
  public static Optional<FilingPeriod> parse(String filingType, String text) {
    if (text == null) {
      return Optional.empty();
    }
    if ("STATS_Q".equals(filingType)) {
      Matcher m = QUARTER.matcher(text);
      if (!m.matches()) {
        return Optional.empty();
      }
      LocalDate first =
          LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
      LocalDate last = first.plusMonths(3).minusDays(1);
      return Optional.of(new FilingPeriod(first, last, last.plusDays(15)));
    }
    if ("SELF_ASSESSMENT".equals(filingType) && YEAR.matcher(text).matches()) {
      int year = Integer.parseInt(text);
      return Optional.of(
          new FilingPeriod(
              LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), LocalDate.of(year + 1, 3, 31)));
    }
    return Optional.empty();
  }

  /** First instant of the period. */
  public Instant start() {
    return firstDay.atStartOfDay(ReportingTime.ZONE).toInstant();
  }

  /** First instant after the period. */
  public Instant end() {
    return lastDay.plusDays(1).atStartOfDay(ReportingTime.ZONE).toInstant();
  }

  /** A period may be filed only after it has ended (§9). */
  public boolean hasEndedBy(Instant filedAt) {
    return !filedAt.isBefore(end());
  }

  /** On time until the end of the due day, Shanghai time. */
  public boolean isLate(Instant filedAt) {
    return filedAt.isAfter(dueDay.atTime(LocalTime.MAX).atZone(ReportingTime.ZONE).toInstant());
  }
}

package cn.cpsx.portal.complaint;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The calendar side of the trends page: the recent range it opens on when no dates are given, and
 * which periods of a chart are partial — the current one, still running, and any the chosen dates
 * cut — so a half-counted month is not read as a fall in complaints.
 */
final class TrendPeriods {

  private TrendPeriods() {}

  /**
   * First day of the range shown by default: the last 30 days, 26 weeks, 12 months or 8 quarters,
   * the current one included.
   */
  static LocalDate defaultFrom(String interval, LocalDate today) {
    return switch (interval) {
      case "day" -> today.minusDays(29);
      case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(25);
      case "quarter" -> quarterStart(today).minusMonths(3 * 7);
      default -> today.withDayOfMonth(1).minusMonths(11);
    };
  }

  /** For each period label of a trend, true when the period is not counted in full. */
  static List<Boolean> partial(
      List<String> labels, String interval, LocalDate from, LocalDate to, LocalDate today) {
    return labels.stream()
        .map(
            label -> {
              LocalDate first = firstDay(label, interval);
              LocalDate last = next(first, interval).minusDays(1);
              return !today.isAfter(last)
                  || (from != null && from.isAfter(first))
                  || (to != null && to.isBefore(last));
            })
        .toList();
  }

  /** The first day of a period named as {@link CaseTrends#label} names it. */
  static LocalDate firstDay(String label, String interval) {
    return switch (interval) {
      case "month" -> LocalDate.parse(label + "-01");
      case "quarter" ->
          LocalDate.of(
              Integer.parseInt(label.substring(0, 4)),
              (Integer.parseInt(label.substring(6)) - 1) * 3 + 1,
              1);
      default -> LocalDate.parse(label);
    };
  }

  private static LocalDate next(LocalDate first, String interval) {
    return switch (interval) {
      case "day" -> first.plusDays(1);
      case "week" -> first.plusWeeks(1);
      case "quarter" -> first.plusMonths(3);
      default -> first.plusMonths(1);
    };
  }

  private static LocalDate quarterStart(LocalDate day) {
    return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
  }
}

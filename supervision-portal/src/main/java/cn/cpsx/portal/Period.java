package cn.cpsx.portal;

import cn.cpsx.schemas.ReportingTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rating or statistics period (§10): a year {@code 2025} or a quarter {@code 2025-Q3}, as the
 * half-open interval of instants it covers in Asia/Shanghai.
 */
public record Period(String code, boolean provisional, OffsetDateTime from, OffsetDateTime to) {

  /** A period code as a path variable {@code period}, e.g. {@code /reports/2025-Q3}. */
  public static final String PATH_VARIABLE = "{period:[0-9]{4}(?:-Q[1-4])?}";

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

  /** Parses a period code; throws {@link BadParameter} naming {@code parameter} if it is none. */
  public static Period parse(String parameter, String code) {
    Matcher m = code == null ? null : FORMAT.matcher(code.strip());
    if (m == null || !m.matches()) {
      throw new BadParameter(
          parameter, parameter + " must be a year (2025) or a quarter (2025-Q3)");
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) == null) {
      return new Period(m.group(), false, start(year, 1), start(year + 1, 1));
    }
    int quarter = Integer.parseInt(m.group(2));
    LocalDate first = LocalDate.of(year, 3 * quarter - 2, 1);
    LocalDate next = first.plusMonths(3);
    return new Period(
        m.group(),
        true,
        first.atStartOfDay(ReportingTime.ZONE).toOffsetDateTime(),
        next.atStartOfDay(ReportingTime.ZONE).toOffsetDateTime());
  }

  private static OffsetDateTime start(int year, int month) {
    return LocalDate.of(year, month, 1).atStartOfDay(ReportingTime.ZONE).toOffsetDateTime();
  }
}

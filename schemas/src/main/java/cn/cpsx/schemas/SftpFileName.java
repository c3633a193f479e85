package cn.cpsx.schemas;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SFTP file-name rule of REPORTING-SPEC §4 and §9: {@code {USCC}_{TYPE}_{PERIOD or
 * yyyyMMdd}_{SEQ}[_TEST].{csv|xml|json}}.
 *
 * @param period {@code YYYY-Qn} or {@code YYYY} for periodic types; the 8-digit date for CASES
 * @param test whether the name marks a test filing
 * @param extension csv, xml or json
 */
public record SftpFileName(
    String uscc, String filingType, String period, String seq, boolean test, String extension) {

  private static final Pattern NAME =
      Pattern.compile(
          "^([0-9A-HJ-NPQRTUWXY]{18})_(CASES|STATS_Q|SELF_ASSESSMENT)_(\\d{4}-Q[1-4]|\\d{4}|\\d{8})_(\\d{1,6})(_TEST)?\\.(csv|xml|json)$");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  /** What a name says, or why it is refused. */
  public sealed interface Parsed permits Valid, Ignored, Invalid {}

  /** A name that follows the rule. */
  public record Valid(SftpFileName name) implements Parsed {}

  /**
   * An upload still in progress ({@code .name}, {@code *.part}, {@code *.filepart}): not taken yet.
   */
  public record Ignored() implements Parsed {}

  /** A completed upload whose name breaks the rule: it gets F010 in {@code outbox/}. */
  public record Invalid(Finding finding) implements Parsed {}

  /**
   * Judges a completed upload's name.
   *
   * @param today the receipt day in Asia/Shanghai, for "a CASES date is not in the future"
   */
  public static Parsed parse(String name, LocalDate today) {
    if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".filepart")) {
      return new Ignored();
    }
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return invalid(
          name, "expected {USCC}_{TYPE}_{PERIOD or yyyyMMdd}_{SEQ}[_TEST].{csv|xml|json}");
    }
    String type = m.group(2);
    String period = m.group(3);
    String extension = m.group(6);
    if (extension.equals("csv") && !type.equals("CASES")) {
      return invalid(name, ".csv is for CASES only");
    }
    if (type.equals("CASES")) {
      if (period.length() != 8) {
        return invalid(name, "a CASES file carries its date as yyyyMMdd");
      }
      try {
        if (LocalDate.parse(period, DAY).isAfter(today)) {
          return invalid(name, "the date " + period + " is in the future");
        }
      } catch (DateTimeParseException e) {
        return invalid(name, period + " is not a calendar date");
      }
    } else if (FilingPeriod.parse(type, period).isEmpty()) {
      return invalid(name, period + " is not a period of " + type);
    }
    return new Valid(
        new SftpFileName(m.group(1), type, period, m.group(4), m.group(5) != null, extension));
  }

  /**
   * Names the SFTP server refuses at upload already (§9): a path, control characters, or more than
   * 255 bytes in UTF-8.
   */
  public static boolean refusedAtUpload(String name) {
    if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals("..")) {
      return true;
    }
    if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
      return true;
    }
    return name.codePoints().anyMatch(Character::isISOControl);
  }

  private static Parsed invalid(String name, String why) {
    return new Invalid(Finding.of(Rule.F010, null, "fileName", name + ": " + why));
  }
}

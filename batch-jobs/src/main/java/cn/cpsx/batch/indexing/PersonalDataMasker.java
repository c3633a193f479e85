package cn.cpsx.batch.indexing;

import cn.cpsx.schemas.ResidentId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal information before it reaches the search index (REPORTING-SPEC §6).
 *
 * <p>Mask format: a masked character becomes {@code *}; names keep their surname (张**), mobile
 * numbers their first 3 and last 4 digits (138****8000), landlines their area code, resident ID
 * numbers their 6-digit region prefix, bank card numbers their last 4 digits, e-mail addresses
 * their first character and domain. Inside narratives, resident IDs count only with a valid check
 * digit and card numbers only when they pass Luhn, so case and contract numbers survive.
 */
public final class PersonalDataMasker {

  private static final Pattern RESIDENT_ID =
      Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
  private static final Pattern CARD =
      Pattern.compile("(?<![0-9])(?:[0-9][ -]?){15,18}[0-9](?![0-9])");
  private static final Pattern MOBILE =
      Pattern.compile("(?<![0-9])(?:\\+?86[ -]?)?1[3-9][0-9]{9}(?![0-9])");
  private static final Pattern LANDLINE =
      Pattern.compile("(?<![0-9])(0[1-9][0-9]{1,2})[ -]?([2-9][0-9]{6,7})(?![0-9])");
  private static final Pattern EMAIL =
      Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
  // A name after a label (姓名：王小明 / 客户王小明 / 投诉人李四). A surname with an honorific
  // (李先生) names nobody and is kept.
  private static final Pattern LABELLED_NAME =
      Pattern.compile(
          "(姓名[:：]?\\s*|客户|投诉人|消费者|借款人|持卡人|被保险人)([\\p{IsHan}])([\\p{IsHan}]{1,2})(?=[，。,.;；、\\s的称于在向被对和与来反表投要说因]|$)");

  private PersonalDataMasker() {}

  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
  }

  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.length() >= 11) {
      return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
    return "*".repeat(phone.length());
  }

  public static String idNumber(String id) {
    if (id == null) {
      return null;
    }
    return id.length() > 6
        ? id.substring(0, 6) + "*".repeat(id.length() - 6)
        : "*".repeat(id.length());
  }

  public static String narrative(String text) {
    if (text == null) {
      return null;
    }
    String masked =
        replace(
            text,
            RESIDENT_ID,
            m -> ResidentId.isValid(m.group()) ? idNumber(m.group()) : m.group());
    masked = replace(masked, CARD, m -> luhn(m.group()) ? card(m.group()) : m.group());
    masked = replace(masked, MOBILE, m -> phone(m.group()));
    masked = replace(masked, LANDLINE, m -> m.group(1) + "-" + "*".repeat(m.group(2).length()));
    masked = replace(masked, EMAIL, m -> m.group(1) + "***" + m.group(2));
    masked =
        replace(
            masked, LABELLED_NAME, m -> m.group(1) + m.group(2) + "*".repeat(m.group(3).length()));
    return masked;
  }

  private static String card(String number) {
    String digits = number.replaceAll("[^0-9]", "");
    return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
  }

  static boolean luhn(String number) {
    String digits = number.replaceAll("[^0-9]", "");
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  private static String replace(
      String text, Pattern pattern, java.util.function.Function<Matcher, String> replacement) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}

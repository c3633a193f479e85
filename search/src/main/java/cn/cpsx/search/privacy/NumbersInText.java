package cn.cpsx.search.privacy;

import cn.cpsx.schemas.CodeLists;
import cn.cpsx.schemas.ResidentId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds mobile and landline numbers, resident ID numbers, bank card numbers and e-mail addresses in
 * a {@link NormalisedText}, however they were typed: full-width or mixed digits, digit groups
 * separated by spaces, hyphens, dots or brackets, {@code +86}/{@code 0086}/{@code 86-} prefixes,
 * area codes in brackets, extensions, a lower-case {@code x} check character, glued to Chinese text
 * on both sides, split over a line break. E-mail addresses also when spelt out ({@code zhang at qq
 * dot com}, {@code wangwu艾特qq点com}) or written without their ending ({@code zhang@163}); numbers
 * with a foreign country code ({@code +852 9123 4567}) are phones.
 *
 * <p>Digit groups joined by at most three separator characters form a run; within a run the longest
 * sequence of whole groups that is a valid number of some kind is taken first. A resident ID has a
 * province prefix and a real birth date (18 characters; 15 digits, the first-generation form, only
 * after an ID label); a card number has 16–19 digits and starts like a card (3–6); a mobile starts
 * 13–19; a landline has a real area code. A check that fails (ISO 7064 MOD 11-2 of an ID, Luhn of a
 * card) does not make a number anonymous: people mistype one digit of their own ID or card, and the
 * other digits still identify them. Such a number is left alone only when a label says what else it
 * is ({@code 流水号}, {@code 合同编号}, {@code 订单号}…). Numbers glued to Latin letters (contract and order
 * codes such as {@code HT0829129477}) are skipped, except after a few labels people write (ID, Tel,
 * No…).
 */
final class NumbersInText {

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+-])([A-Za-z0-9][A-Za-z0-9._%+-]*)\\s?@\\s?"
              + "([A-Za-z0-9-]+(?:\\s?\\.\\s?[A-Za-z0-9-]+)*\\s?\\.\\s?[A-Za-z]{2,}"
              + "|(?i:qq|163|126|139|189|sina|sohu|gmail|hotmail|outlook|foxmail|yahoo|aliyun|yeah"
              + "|icloud|live)(?![A-Za-z0-9.]))");
  // An address spelt out so that robots miss it: zhang at qq dot com, lisi[at]gmail[dot]com,
  // wangwu艾特qq点com, liuyang#126.com. The domain must end in a known top-level domain.
  private static final String SPELT_DOT =
      "(?:\\.|\\s?[(\\[{<]\\s?(?i:dot)\\s?[)\\]}>]\\s?|\\s(?i:dot)\\s|\\s?点\\s?)";
  private static final Pattern SPELT_EMAIL =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+-])([A-Za-z0-9][A-Za-z0-9._%+-]*)"
              + "(?:\\s?[(\\[{<]\\s?(?i:at)\\s?[)\\]}>]\\s?|\\s(?i:at)\\s|\\s?艾特\\s?|\\s?#\\s?)"
              + "([A-Za-z0-9-]+(?:"
              + SPELT_DOT
              + "[A-Za-z0-9-]+)*"
              + SPELT_DOT
              + "(?i:com|cn|net|org|edu|gov|hk|tw|mo|io|me|info|biz|co|uk|us|jp|top|vip|cc))"
              + "(?![A-Za-z])");
  private static final Pattern SPELT_DOTS =
      Pattern.compile("\\s*(?:[(\\[{<]\\s?(?i:dot)\\s?[)\\]}>]|\\s(?i:dot)\\s|点|\\.)\\s*");
  private static final Pattern MOBILE = Pattern.compile("(?:0086|86)?(1[3-9]\\d{9})");
  private static final Pattern LANDLINE =
      Pattern.compile("(?:(?:0086|86)0?|0)(10|2\\d|[3-9]\\d{2})([2-9]\\d{6,7})");
  private static final Pattern SUBSCRIBER_ONLY = Pattern.compile("[2-9]\\d{6,7}");
  private static final Pattern EXTENSION =
      Pattern.compile("\\s{0,2}(?:转|分机|ext\\.?|EXT\\.?|Ext\\.?|[-xX#])\\s{0,2}\\d{1,6}(?!\\d)");
  // A landline written without its area code is only told from other numbers by what precedes it.
  private static final Pattern PHONE_CUE =
      Pattern.compile("(?:电话|座机|固话|致电|拨打|来电|联系方式|Tel|TEL|tel)(?:号码|号)?(?:是|为)?[:：.\\s]{0,2}$");
  // A label that names a number as something other than personal data: a serial, contract, order,
  // ticket or policy number. Only numbers that fail their check are left alone for it.
  private static final Pattern NOT_PERSONAL_LABEL =
      Pattern.compile(
          "(?:流水|编|序列|凭证|交易|批次|参考|受理|回执|发票|票据?|案件?|工单|订单|运单|快递单|保单|单|合同|协议|业务|申请)"
              + "(?:号码?|编号|编码|代码)(?:是|为)?[:：#\\s]{0,3}$"
              + "|(?:流水|编号|合同|订单|工单|保单)(?:是|为)?[:：#\\s]{0,3}$");
  // What announces a first-generation (15-digit) resident ID: with no check character and a
  // two-digit year, only the label tells it from other 15-digit numbers.
  private static final Pattern ID_LABEL =
      Pattern.compile("(?:身份证|证件|公民身份|居民身份|ID)(?:号码|号|编号)?(?:是|为)?[:：\\s]{0,3}$");
  // Labels that say a number is someone's account or phone, whatever its shape.
  private static final Pattern ACCOUNT_LABEL =
      Pattern.compile(
          "(?:卡号|账号|帐号|账户|帐户|存折|银行卡|信用卡|借记卡|储蓄卡|社保卡|对公户|收款账户|付款账户)(?:号码|号)?(?:是|为)?[:：\\s]{0,3}$");
  private static final Pattern PHONE_LABEL =
      Pattern.compile(
          "(?:手机|电话|联系方式|座机|固话|微信|Tel|TEL|tel|Mobile|mobile|Phone|phone)(?:号码|号)?(?:是|为)?[:：\\s]{0,3}$");
  private static final Set<String> LABELS_BEFORE_NUMBERS =
      Set.of(
          "ID", "id", "Tel", "TEL", "tel", "Mobile", "mobile", "MOBILE", "Phone", "phone", "PHONE",
          "Mob", "MOB", "No", "NO", "no", "Card", "card", "CARD");

  private NumbersInText() {}

  static List<PersonalDataSpan> find(NormalisedText normalised) {
    String text = normalised.text();
    List<PersonalDataSpan> found = new ArrayList<>();
    List<int[]> emails = new ArrayList<>();
    for (Pattern pattern : List.of(EMAIL, SPELT_EMAIL)) {
      if (pattern == SPELT_EMAIL && !maySpellAnAddress(text)) {
        continue; // most narratives: no "at", "艾特" or "#", no second scan
      }
      Matcher email = pattern.matcher(text);
      while (email.find()) {
        if (inside(emails, email.start())) {
          continue;
        }
        String local = email.group(1);
        String domain = SPELT_DOTS.matcher(email.group(2)).replaceAll(".");
        found.add(
            span(
                normalised,
                PersonalDataKind.EMAIL,
                email.start(),
                email.end(),
                local.charAt(0) + "***@" + domain));
        emails.add(new int[] {email.start(), email.end()});
      }
    }
    for (List<int[]> run : runs(text, emails)) {
      findInRun(normalised, run, found);
    }
    return found;
  }

  private static boolean maySpellAnAddress(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '#'
          || c == '艾'
          || ((c == 'a' || c == 'A')
              && i + 1 < text.length()
              && (text.charAt(i + 1) == 't' || text.charAt(i + 1) == 'T'))) {
        return true;
      }
    }
    return false;
  }

  /** Digit groups, chained into runs where separators alone stand between them. */
  private static List<List<int[]>> runs(String text, List<int[]> skip) {
    List<List<int[]>> runs = new ArrayList<>();
    List<int[]> run = null;
    int previousEnd = -1;
    boolean previousEndsWithX = false;
    int i = 0;
    while (i < text.length()) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && isDigit(text.charAt(i))) {
        i++;
      }
      boolean endsWithX =
          i < text.length()
              && (text.charAt(i) == 'X' || text.charAt(i) == 'x')
              && (i + 1 >= text.length() || !isAsciiLetter(text.charAt(i + 1)));
      if (endsWithX) {
        i++;
      }
      if (inside(skip, start)) {
        previousEnd = -1;
        continue;
      }
      boolean joined =
          run != null
              && !previousEndsWithX
              && start - previousEnd <= 3
              && onlySeparators(text, previousEnd, start);
      if (!joined) {
        run = new ArrayList<>();
        runs.add(run);
      }
      run.add(new int[] {start, i});
      previousEnd = i;
      previousEndsWithX = endsWithX;
    }
    return runs;
  }

  private static void findInRun(
      NormalisedText normalised, List<int[]> run, List<PersonalDataSpan> found) {
    String text = normalised.text();
    if (gluedToCode(text, run.getFirst()[0])) {
      return;
    }
    int foundBefore = found.size();
    int i = 0;
    while (i < run.size()) {
      int taken = -1;
      for (int j = run.size() - 1; j >= i && taken < 0; j--) {
        StringBuilder digits = new StringBuilder();
        for (int k = i; k <= j; k++) {
          digits.append(text, run.get(k)[0], run.get(k)[1]);
        }
        int start = run.get(i)[0];
        int end = run.get(j)[1];
        String firstGroup = text.substring(run.get(i)[0], run.get(i)[1]);
        boolean countryCode = j > i && (firstGroup.equals("86") || firstGroup.equals("0086"));
        // 010 87654321/87654322: a second subscriber number after a landline shares its area code
        boolean afterLandline =
            found.size() > foundBefore && found.getLast().kind() == PersonalDataKind.LANDLINE;
        PersonalDataSpan span =
            classify(
                normalised,
                digits.toString().toUpperCase(),
                start,
                end,
                countryCode,
                i == 0,
                afterLandline);
        if (span != null) {
          found.add(span);
          int spanEnd = span.end();
          taken = j;
          // Skip groups the span swallowed (an extension written as its own group).
          while (taken + 1 < run.size()
              && normalised.startInOriginal(run.get(taken + 1)[0]) < spanEnd) {
            taken++;
          }
        }
      }
      i = taken >= 0 ? taken + 1 : i + 1;
    }
    if (found.size() == foundBefore) {
      PersonalDataSpan labelled = labelledNumber(normalised, run);
      if (labelled == null) {
        labelled = internationalNumber(normalised, run);
      }
      if (labelled != null) {
        found.add(labelled);
      }
    }
  }

  /**
   * A number written with a {@code +} and a country code other than China's ({@code +852 9123
   * 4567}, {@code +1 415 555 0100}) is a phone number: masked whole, the {@code +} with it.
   */
  private static PersonalDataSpan internationalNumber(NormalisedText normalised, List<int[]> run) {
    String text = normalised.text();
    int start = run.getFirst()[0];
    int plus = plusBefore(text, start);
    int digits = 0;
    for (int[] group : run) {
      digits += group[1] - group[0];
    }
    if (plus == start || digits < 8 || digits > 15) {
      return null;
    }
    int end = run.getLast()[1];
    return span(normalised, PersonalDataKind.MOBILE, plus, end, "*".repeat(digits));
  }

  /**
   * A number of no known shape right after a label that says whose it is (账号：21 digits of a
   * passbook, 身份证号码：an ID missing a digit, 手机号：a mobile missing one): masked whole but for what the
   * mask of its kind keeps. Service numbers after a phone label ({@code 400}/{@code 800} lines,
   * {@code 95xxx}) are no one's.
   */
  private static PersonalDataSpan labelledNumber(NormalisedText normalised, List<int[]> run) {
    String text = normalised.text();
    int start = run.getFirst()[0];
    int end = run.getLast()[1];
    StringBuilder digits = new StringBuilder();
    run.forEach(group -> digits.append(text, group[0], group[1]));
    String before = text.substring(Math.max(0, start - 12), start);
    int n = digits.length();
    if (n >= 10 && n <= 25 && ACCOUNT_LABEL.matcher(before).find()) {
      return span(
          normalised,
          PersonalDataKind.BANK_CARD,
          start,
          end,
          "*".repeat(n - 4) + digits.substring(n - 4));
    }
    if (n >= 14 && n <= 18 && ID_LABEL.matcher(before).find()) {
      return span(
          normalised,
          PersonalDataKind.RESIDENT_ID,
          start,
          end,
          digits.substring(0, 6) + "*".repeat(n - 6));
    }
    boolean serviceNumber =
        digits.indexOf("400") == 0 || digits.indexOf("800") == 0 || digits.indexOf("95") == 0;
    if (n >= 7 && n <= 13 && !serviceNumber && PHONE_LABEL.matcher(before).find()) {
      return span(normalised, PersonalDataKind.MOBILE, start, end, "*".repeat(n));
    }
    return null;
  }

  private static PersonalDataSpan classify(
      NormalisedText normalised,
      String digits,
      int start,
      int end,
      boolean countryCode,
      boolean firstOfRun,
      boolean afterLandline) {
    String text = normalised.text();
    if (digits.indexOf('X') >= 0 && digits.indexOf('X') != digits.length() - 1) {
      return null;
    }
    int prefixed = plusBefore(text, start);
    String before = text.substring(Math.max(0, start - 12), start);
    boolean looksLikeId = looksLikeResidentId(digits);
    if (looksLikeId && (ResidentId.isValid(digits) || !labelledNotPersonal(before))) {
      return span(
          normalised,
          PersonalDataKind.RESIDENT_ID,
          start,
          end,
          digits.substring(0, 6) + "*".repeat(12));
    }
    if (looksLikeFirstGenerationId(digits) && ID_LABEL.matcher(before).find()) {
      return span(
          normalised,
          PersonalDataKind.RESIDENT_ID,
          start,
          end,
          digits.substring(0, 6) + "*".repeat(9));
    }
    if (digits.indexOf('X') >= 0) {
      return null;
    }
    if (digits.length() >= 16
        && digits.length() <= 19
        && digits.charAt(0) >= '3'
        && digits.charAt(0) <= '6'
        && !looksLikeId
        && (luhn(digits) || !labelledNotPersonal(before))) {
      return span(
          normalised,
          PersonalDataKind.BANK_CARD,
          start,
          end,
          "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4));
    }
    Matcher mobile = MOBILE.matcher(digits);
    if (mobile.matches()) {
      String number = mobile.group(1);
      return span(
          normalised,
          PersonalDataKind.MOBILE,
          prefixed,
          end,
          number.substring(0, 3) + "****" + number.substring(7));
    }
    Matcher landline = LANDLINE.matcher(digits);
    if (landline.matches() && (prefixed < start || countryCode || digits.startsWith("0"))) {
      int landlineStart = prefixed < start ? prefixed : openingBracketBefore(text, start);
      return span(
          normalised,
          PersonalDataKind.LANDLINE,
          landlineStart,
          extensionEnd(text, end),
          "0" + landline.group(1) + "-" + "*".repeat(landline.group(2).length()));
    }
    if (SUBSCRIBER_ONLY.matcher(digits).matches()
        && (afterLandline
            || (firstOfRun
                && PHONE_CUE.matcher(text.substring(Math.max(0, start - 12), start)).find()))) {
      return span(
          normalised,
          PersonalDataKind.LANDLINE,
          start,
          extensionEnd(text, end),
          "*".repeat(digits.length()));
    }
    return null;
  }

  private static PersonalDataSpan span(
      NormalisedText normalised, PersonalDataKind kind, int start, int end, String mask) {
    return new PersonalDataSpan(
        kind, normalised.startInOriginal(start), normalised.endInOriginal(end), mask);
  }

  /** Where a number starts once a {@code +} (or a bracket before it) is counted. */
  private static int plusBefore(String text, int start) {
    int at = start;
    while (at > 0 && (text.charAt(at - 1) == ' ' || text.charAt(at - 1) == '(')) {
      at--;
    }
    return at > 0 && text.charAt(at - 1) == '+' ? at - 1 : start;
  }

  private static int openingBracketBefore(String text, int start) {
    return start > 0 && text.charAt(start - 1) == '(' ? start - 1 : start;
  }

  private static int extensionEnd(String text, int end) {
    Matcher extension = EXTENSION.matcher(text).region(end, text.length());
    return extension.lookingAt() ? extension.end() : end;
  }

  /** A run glued to Latin letters is part of a code (HT0829129477), unless the letters label it. */
  private static boolean gluedToCode(String text, int start) {
    int at = start;
    if (at > 0 && text.charAt(at - 1) == '+') {
      return false;
    }
    int letters = at;
    while (letters > 0 && isAsciiLetter(text.charAt(letters - 1))) {
      letters--;
    }
    if (letters == at) {
      return false;
    }
    return !LABELS_BEFORE_NUMBERS.contains(text.substring(letters, at));
  }

  private static boolean onlySeparators(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isSeparator(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSeparator(char c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\r'
        || c == '\u00A0'
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '/'
        || c == '('
        || c == ')'
        || c == '\u00B7'
        || c == '\u30FB'
        || c == '\u2212'
        || (c >= '\u2010' && c <= '\u2015');
  }

  private static boolean inside(List<int[]> ranges, int at) {
    for (int[] range : ranges) {
      if (at >= range[0] && at < range[1]) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /**
   * An 18-character number with a province prefix and a real birth date: a resident ID, with a
   * right or a mistyped check character, never a bank card.
   */
  static boolean looksLikeResidentId(String digits) {
    if (digits.length() != 18
        || !CodeLists.standard().contains(CodeLists.PROVINCE, digits.substring(0, 2))) {
      return false;
    }
    try {
      LocalDate birth = LocalDate.parse(digits.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
      return birth.getYear() >= 1900 && birth.getYear() <= 2100;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean labelledNotPersonal(String before) {
    return NOT_PERSONAL_LABEL.matcher(before).find();
  }

  /**
   * A 15-digit first-generation resident ID (issued until 2004, valid for life for some): a
   * province prefix and a real birth date {@code yyMMdd} of the 1900s, no check character.
   */
  static boolean looksLikeFirstGenerationId(String digits) {
    if (digits.length() != 15
        || !CodeLists.standard().contains(CodeLists.PROVINCE, digits.substring(0, 2))) {
      return false;
    }
    try {
      LocalDate.parse("19" + digits.substring(6, 12), DateTimeFormatter.BASIC_ISO_DATE);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static boolean luhn(String digits) {
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
}

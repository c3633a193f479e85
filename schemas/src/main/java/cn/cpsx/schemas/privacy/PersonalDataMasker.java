package cn.cpsx.schemas.privacy;

import cn.cpsx.schemas.ResidentId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
      Pattern.compile("(?<![0-9A-Za-z])(0[1-9][0-9]{1,2})[ -]?([2-9][0-9]{6,7})(?![0-9])");
  private static final Pattern EMAIL =
      Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

  /** Common Chinese surnames (single and compound): a name must start with one of them. */
  private static final String SURNAMES =
      "欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|司徒|尉迟|长孙|宇文|夏侯|端木|"
          + "[王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
          + "薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔"
          + "贺赖龚文庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂丛焦向柳邢路岳齐沿梅莫庄辛管祝左涂谷祁"
          + "时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华"
          + "车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计"
          + "喻揭窦迟宇敖糜鄢冷卓花仇艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僧桑荆谌银扬明沙薄伏岑"
          + "习胥保和蔺]";

  // A name after a label (姓名：王小明 / 客户王小明 / 来电人李四), ending at punctuation or at a
  // word that usually follows a name. A surname with an honorific (李先生) names nobody: kept.
  private static final Pattern LABELLED_NAME =
      Pattern.compile(
          "(姓名[:：]?\\s*|客户|投诉人|消费者|借款人|持卡人|被保险人|投保人|来电人|来访人|联系人|申请人|当事人|委托人)"
              + "("
              + SURNAMES
              + ")(?!先生|女士|小姐|老师|师傅|经理|阿姨|大爷)([\\p{IsHan}]{1,2})(?=[，。,.;；、：:（(\\s的称于在向被对和与来反表投要说因通代等及请已曾未将拨]|$)");

  private PersonalDataMasker() {}

  /**
   * A copy of a case record (REPORTING-SPEC §2.1) with every personal field masked: the
   * complainant's name, ID number and phone, and the narrative. Other fields are copied as they
   * are.
   */
  public static JsonNode caseRecord(JsonNode record) {
    if (!(record.deepCopy() instanceof ObjectNode masked)) {
      throw new IllegalArgumentException("a case record is a JSON object");
    }
    if (masked.path("complainant") instanceof ObjectNode complainant) {
      maskText(complainant, "name", PersonalDataMasker::name);
      maskText(complainant, "idNumber", PersonalDataMasker::idNumber);
      maskText(complainant, "phone", PersonalDataMasker::phone);
    }
    maskText(masked, "narrative", PersonalDataMasker::narrative);
    return masked;
  }

  private static void maskText(
      ObjectNode node, String field, java.util.function.UnaryOperator<String> mask) {
    JsonNode value = node.get(field);
    if (value != null && value.isString()) {
      node.put(field, mask.apply(value.asString()));
    }
  }

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
    masked =
        replace(
            masked,
            CARD,
            m -> luhn(m.group()) && !looksLikeResidentId(m.group()) ? card(m.group()) : m.group());
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

  /**
   * An 18-digit number with a province prefix and a real birth date is a resident ID with a wrong
   * check digit (a typo), not a bank card: neither rule masks it (§6 asks for the check digit).
   */
  static boolean looksLikeResidentId(String number) {
    String digits = number.replaceAll("[^0-9Xx]", "");
    if (digits.length() != 18 || !digits.equals(number)) {
      return false;
    }
    if (!cn.cpsx.schemas.CodeLists.standard()
        .contains(cn.cpsx.schemas.CodeLists.PROVINCE, digits.substring(0, 2))) {
      return false;
    }
    try {
      java.time.LocalDate.parse(
          digits.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
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

package cn.cpsx.generator.cases;

import cn.cpsx.generator.world.Provinces;
import cn.cpsx.generator.world.Seeds;
import java.time.LocalDate;
import java.util.Random;

/**
 * Fictional personal data in the forms people really write it: names (compound surnames too),
 * mobile numbers with spaces, hyphens, a +86 prefix or full-width digits, landlines with area codes
 * and extensions, resident ID numbers with a valid check character (ISO 7064 MOD 11-2), bank card
 * numbers that pass Luhn, e-mail addresses. Planted in narratives so the masker has work to do.
 */
final class PersonalData {

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马",
    "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "欧阳", "司马", "诸葛", "上官"
  };
  private static final String[] GIVEN = {
    "伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "桂英", "建国", "志强",
    "晓东", "丽", "婷", "浩然", "子涵", "雨桐", "国华", "淑珍", "海燕", "文博", "佳怡", "思远"
  };
  private static final String[] MOBILE_PREFIXES = {
    "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "155", "158",
        "159",
    "166", "173", "176", "177", "180", "181", "185", "186", "187", "188", "189", "191", "198", "199"
  };
  private static final String[] AREA_CODES = {
    "010", "021", "020", "0755", "0571", "025", "028", "027"
  };
  private static final String[] MAIL_DOMAINS = {
    "qq.com", "163.com", "126.com", "sina.com", "example.com"
  };
  private static final String[] PINYIN = {
    "wangwei",
    "lifang",
    "zhangmin",
    "liujing",
    "chenlei",
    "yangyang",
    "zhaoyan",
    "huangyong",
    "zhoujun"
  };
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  private PersonalData() {}

  static String name(Random random) {
    return Seeds.pick(random, SURNAMES) + Seeds.pick(random, GIVEN);
  }

  /** Eleven digits, as a complainant field holds it. */
  static String mobile(Random random) {
    return Seeds.pick(random, MOBILE_PREFIXES) + "%08d".formatted(random.nextInt(100_000_000));
  }

  /** A mobile number as someone typed it into a narrative. */
  static String writtenMobile(Random random) {
    String m = mobile(random);
    return switch (random.nextInt(6)) {
      case 0 -> m.substring(0, 3) + " " + m.substring(3, 7) + " " + m.substring(7);
      case 1 -> m.substring(0, 3) + "-" + m.substring(3, 7) + "-" + m.substring(7);
      case 2 -> "+86 " + m;
      case 3 -> fullWidth(m);
      default -> m;
    };
  }

  static String writtenLandline(Random random) {
    String area = Seeds.pick(random, AREA_CODES);
    String number =
        (area.length() == 3 ? "%08d" : "%08d").formatted(20_000_000 + random.nextInt(70_000_000));
    return switch (random.nextInt(4)) {
      case 0 -> "（" + area + "）" + number;
      case 1 -> area + "-" + number.substring(0, 4) + " " + number.substring(4);
      case 2 -> area + "-" + number + "转" + (100 + random.nextInt(900));
      default -> area + "-" + number;
    };
  }

  /** A resident ID number with a valid check character, born between 1945 and 2005. */
  static String residentId(Random random) {
    String region = Provinces.region(random, Provinces.draw(random));
    LocalDate birth = LocalDate.of(1945, 1, 1).plusDays(random.nextInt(365 * 60));
    String first17 =
        region + birth.toString().replace("-", "") + "%03d".formatted(random.nextInt(1000));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return first17 + ID_CHECK.charAt(sum % 11);
  }

  static String writtenResidentId(Random random) {
    String id = residentId(random);
    return switch (random.nextInt(4)) {
      case 0 -> id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
      case 1 -> id.replace('X', 'x');
      default -> id;
    };
  }

  /** A UnionPay-like card number (starts with 62, 16 or 19 digits) that passes Luhn. */
  static String cardNumber(Random random) {
    int length = random.nextBoolean() ? 16 : 19;
    StringBuilder digits = new StringBuilder("62");
    while (digits.length() < length - 1) {
      digits.append(random.nextInt(10));
    }
    int sum = 0;
    for (int i = digits.length() - 1, doubled = 1; i >= 0; i--, doubled ^= 1) {
      int d = digits.charAt(i) - '0';
      if (doubled == 1) {
        d *= 2;
        d = d > 9 ? d - 9 : d;
      }
      sum += d;
    }
    return digits.append((10 - sum % 10) % 10).toString();
  }

  static String writtenCardNumber(Random random) {
    String card = cardNumber(random);
    if (random.nextBoolean()) {
      return card;
    }
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < card.length(); i += 4) {
      grouped.append(i == 0 ? "" : " ").append(card, i, Math.min(card.length(), i + 4));
    }
    return grouped.toString();
  }

  static String email(Random random) {
    return Seeds.pick(random, PINYIN)
        + (random.nextInt(90) + 10)
        + "@"
        + Seeds.pick(random, MAIL_DOMAINS);
  }

  private static String fullWidth(String digits) {
    StringBuilder out = new StringBuilder();
    for (char c : digits.toCharArray()) {
      out.append((char) (c - '0' + '０'));
    }
    return out.toString();
  }
}

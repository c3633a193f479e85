package cn.cpsx.generator.institution;

import cn.cpsx.generator.world.Provinces;
import cn.cpsx.generator.world.Seeds;
import cn.cpsx.schemas.CodeLists;
import cn.cpsx.schemas.Uscc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Any number of fictional institutions across every type of the code list, with valid USCCs (check
 * character of spec §1), Chinese names and realistic numbers of retail customers.
 */
public final class SyntheticInstitutions {

  private static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final String[] TRADE_NAMES = {
    "华信", "瑞丰", "恒通", "泰和", "盛元", "嘉禾", "汇丰源", "长兴", "安泰", "鼎盛", "宏远", "富民", "永安", "金桥", "新华联",
    "东方汇", "锦程", "德信", "中诚", "君安"
  };
  private static final String[] TRADE_NAMES_EN = {
    "Huaxin", "Ruifeng", "Hengtong", "Taihe", "Shengyuan", "Jiahe", "Huifengyuan", "Changxing",
    "Antai", "Dingsheng", "Hongyuan", "Fumin", "Yong'an", "Jinqiao", "Xinhualian", "Dongfanghui",
    "Jincheng", "Dexin", "Zhongcheng", "Jun'an"
  };

  private SyntheticInstitutions() {}

  public static List<Institution> generate(long seed, int count) {
    CodeLists codes = CodeLists.standard();
    List<String> types = List.copyOf(codes.codes(CodeLists.INSTITUTION_TYPE).keySet());
    List<CodeLists.Code> provinces =
        codes.codes(CodeLists.PROVINCE).values().stream()
            .filter(p -> Provinces.population(p.code()) > 0)
            .toList();
    Random random = Seeds.random(seed, "institutions");
    Set<String> usccs = new HashSet<>();
    List<Institution> institutions = new ArrayList<>();
    for (int n = 0; institutions.size() < count; n++) {
      String type = types.get(n % types.size());
      CodeLists.Code province = provinces.get(Provinces.weightedIndex(random, provinces));
      String region = province.code() + "0100";
      StringBuilder first17 = new StringBuilder("91").append(region);
      for (int i = 0; i < 9; i++) {
        first17.append(USCC_CHARSET.charAt(random.nextInt(USCC_CHARSET.length())));
      }
      String uscc = first17.toString() + Uscc.checkCharacter(first17.toString());
      if (!usccs.add(uscc)) {
        continue;
      }
      int trade = random.nextInt(TRADE_NAMES.length);
      String place = province.zh();
      String[] names = names(type, place + TRADE_NAMES[trade]);
      String nameEn = province.en() + " " + TRADE_NAMES_EN[trade] + " " + englishSuffix(type);
      long customers = customers(type, random);
      institutions.add(
          new Institution(uscc, names[0], names[1], nameEn, type, region, customers, "ACTIVE"));
    }
    return List.copyOf(institutions);
  }

  /** Legal name and short name in Chinese. */
  private static String[] names(String type, String stem) {
    return switch (type) {
      case "BANK_LARGE", "BANK_JOINT_STOCK", "BANK_CITY" ->
          new String[] {stem + "银行股份有限公司", stem + "银行"};
      case "BANK_RURAL" -> new String[] {stem + "农村商业银行股份有限公司", stem + "农商银行"};
      case "BANK_FOREIGN" -> new String[] {stem + "外资银行（中国）有限公司", stem + "外资银行"};
      case "INSURER_LIFE" -> new String[] {stem + "人寿保险股份有限公司", stem + "人寿"};
      case "INSURER_PROPERTY" -> new String[] {stem + "财产保险股份有限公司", stem + "财险"};
      case "CONSUMER_FINANCE" -> new String[] {stem + "消费金融有限公司", stem + "消费金融"};
      case "PAYMENT" -> new String[] {stem + "支付科技有限公司", stem + "支付"};
      default -> new String[] {stem + "网络科技有限公司", stem + "金融平台"};
    };
  }

  private static String englishSuffix(String type) {
    return switch (type) {
      case "INSURER_LIFE" -> "Life Insurance Co., Ltd.";
      case "INSURER_PROPERTY" -> "Property Insurance Co., Ltd.";
      case "CONSUMER_FINANCE" -> "Consumer Finance Co., Ltd.";
      case "PAYMENT" -> "Payment Technology Co., Ltd.";
      case "ONLINE_PLATFORM" -> "Network Technology Co., Ltd.";
      default -> "Bank Co., Ltd.";
    };
  }

  /** Log-uniform within the type's usual range. */
  private static long customers(String type, Random random) {
    double[] range =
        switch (type) {
          case "BANK_LARGE" -> new double[] {3e8, 8e8};
          case "BANK_JOINT_STOCK" -> new double[] {3e7, 2e8};
          case "BANK_CITY", "BANK_RURAL" -> new double[] {3e6, 3e7};
          case "BANK_FOREIGN" -> new double[] {8e4, 2e6};
          case "INSURER_LIFE", "INSURER_PROPERTY" -> new double[] {5e6, 1.5e8};
          case "CONSUMER_FINANCE" -> new double[] {5e6, 8e7};
          default -> new double[] {2e7, 7e8};
        };
    double log =
        Math.log(range[0]) + random.nextDouble() * (Math.log(range[1]) - Math.log(range[0]));
    return Math.round(Math.exp(log) / 10_000) * 10_000;
  }
}

package cn.cpsx.search.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A labelled corpus of complaint narratives, generated from a seed: each narrative holds planted
 * personal data (names, mobiles, landlines, resident IDs, bank cards, e-mail addresses, written in
 * every form people type them) and planted look-alikes that must survive (amounts, dates, order and
 * contract numbers, card tails, hotlines, ID- and card-shaped numbers failing their checks, places
 * and institutions that start with a surname).
 *
 * <p>Names are drawn from this class's own surname and given-name lists, written independently of
 * the masker's, so that the figures do not flatter it; several surnames here are rare ones.
 */
final class MaskingCorpus {

  /**
   * A planted value: its kind, the text as written, and the part that must not survive (the digits
   * of a number, its subscriber number for a landline; the given name of a name).
   */
  record Planted(String kind, String written, String core) {}

  record Narrative(String text, List<Planted> planted, List<String> decoys, String style) {}

  // Surnames by frequency (census order), then rarer and compound ones: not the masker's list.
  private static final String[] SURNAMES =
      ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 高 罗 郑 梁 谢 宋 唐 许 邓 韩 冯 曹 彭 曾 肖 田 董 潘 袁 蔡 蒋 余 "
              + "于 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 陆 范 汪 廖 石 金 韦 贾 夏 付 方 邹 熊 白 孟 秦 邱 侯 江 尹 薛 闫 段 "
              + "雷 龙 黎 史 陶 贺 毛 郝 顾 龚 邵 万 覃 武 钱 戴 严 莫 孔 向 常 汤 康 易 乔 赖 文 施 洪 辛 柳 庞 樊 兰 殷 牛 殷 "
              + "阙 邬 鲍 靳 滕 佘 甄 蔺 冼 禤 仇 芮 訾 郦 岑 晏 蒯 眭 庹 禹 揭 "
              + "欧阳 司马 诸葛 上官 东方 皇甫 令狐 慕容 司徒 尉迟 长孙 夏侯 端木 公孙 独孤")
          .split(" ");
  private static final String GIVEN_CHARS =
      "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美兰霞平刚桂玉萍红梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣悦琪"
          + "建国志鹏海燕晓东文博雪婷佳怡子轩梓涵浩然一诺思远嘉怡子墨雨泽梦瑶晨阳振兴德福春生淑珍秋菊冬梅永胜"
          + "立新卫红亚楠俊杰晓峰丽君玉兰金凤宏伟天佑若曦书豪宗翰紫萱欣妍铭轩振宇国栋红霞海龙素芬翠兰";

  private static final String[] MOBILE_PREFIX = {
    "133", "135", "136", "138", "139", "147", "150", "152", "157", "158", "166", "173", "177",
    "180", "186", "189", "191", "198", "199"
  };
  private static final String[] AREA = {
    "010", "021", "022", "023", "020", "0755", "0571", "028", "0731", "0351", "0898", "0431", "0991"
  };
  private static final String[] REGIONS = {
    "110105", "310115", "440305", "510107", "330106", "420106", "370202", "610113", "230103",
    "650102", "520102", "350203"
  };
  private static final String[] CARD_BINS = {
    "622202", "621700", "436742", "622848", "625807", "622588", "623668", "621483", "524047",
    "356833"
  };
  private static final String[] DOMAINS = {
    "qq.com",
    "163.com",
    "126.com",
    "example.com.cn",
    "gmail.com",
    "sina.cn",
    "foxmail.com",
    "outlook.com"
  };

  private final Random random;

  private MaskingCorpus(long seed) {
    this.random = new Random(seed);
  }

  static List<Narrative> generate(long seed, int size) {
    MaskingCorpus corpus = new MaskingCorpus(seed);
    List<Narrative> narratives = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      narratives.add(corpus.narrative());
    }
    return narratives;
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String digits(int count) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < count; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }

  /** A name; its core is the given name, which must not survive (the surname may). */
  Planted name() {
    String surname = pick(SURNAMES);
    int length = random.nextInt(4) == 0 ? 1 : 2;
    StringBuilder given = new StringBuilder();
    for (int i = 0; i < length; i++) {
      given.append(GIVEN_CHARS.charAt(random.nextInt(GIVEN_CHARS.length())));
    }
    return new Planted("name", surname + given, given.toString());
  }

  // ---- written forms of numbers ----

  static String fullWidth(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c >= '!' && c <= '~') {
        out.append((char) (c - '!' + '！'));
      } else if (c == ' ') {
        out.append('\u3000');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Every other digit full-width: the mixed widths of text pasted from several sources. */
  private String mixedWidths(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(Character.isDigit(c) && random.nextBoolean() ? (char) (c - '0' + '０') : c);
    }
    return out.toString();
  }

  private String grouped(String digits, int[] groups, String separator) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int i = 0; i < groups.length; i++) {
      if (i > 0) {
        out.append(separator);
      }
      out.append(digits, at, at + groups[i]);
      at += groups[i];
    }
    return out.append(digits.substring(at)).toString();
  }

  private String separator() {
    return pick(new String[] {" ", "-", ".", "　", "－", " - ", "·"});
  }

  private String widths(String written) {
    return switch (random.nextInt(5)) {
      case 0 -> fullWidth(written);
      case 1 -> mixedWidths(written);
      default -> written;
    };
  }

  Planted mobile() {
    String number = pick(MOBILE_PREFIX) + digits(8);
    String written =
        switch (random.nextInt(5)) {
          case 0, 1 -> number;
          default -> grouped(number, new int[] {3, 4}, separator());
        };
    written =
        switch (random.nextInt(6)) {
          case 0 -> "+86 " + written;
          case 1 -> "+86" + written;
          case 2 -> "0086-" + written;
          case 3 -> "86-" + written;
          case 4 -> "(+86)" + written;
          default -> written;
        };
    return new Planted("mobile", widths(written), number);
  }

  Planted landline() {
    String area = pick(AREA);
    String subscriber =
        (char) ('2' + random.nextInt(8)) + digits(area.length() == 3 ? 7 : 6 + random.nextInt(2));
    String sub =
        random.nextBoolean()
            ? subscriber
            : grouped(subscriber, new int[] {subscriber.length() / 2}, separator());
    String written =
        switch (random.nextInt(7)) {
          case 0 -> area + "-" + sub;
          case 1 -> "(" + area + ")" + sub;
          case 2 -> "（" + area + "）" + sub;
          case 3 -> area + " " + sub;
          case 4 -> "+86 " + area.substring(1) + " " + sub;
          case 5 -> area + sub;
          default -> "(" + area + ") " + sub;
        };
    if (random.nextInt(4) == 0) {
      written += pick(new String[] {"转", "-", "分机", " ext."}) + digits(3 + random.nextInt(2));
    }
    return new Planted("landline", widths(written), subscriber);
  }

  String residentIdNumber() {
    String body =
        pick(REGIONS)
            + (1945 + random.nextInt(60))
            + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))
            + digits(3);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  Planted residentId() {
    // one in five mistyped in its check character: still the person's ID, still masked
    String id = random.nextInt(5) == 0 ? mistyped(residentIdNumber()) : residentIdNumber();
    String written = random.nextInt(3) == 0 ? id.replace('X', 'x') : id;
    written =
        switch (random.nextInt(4)) {
          case 0 -> grouped(written, new int[] {6, 8}, separator());
          default -> written;
        };
    return new Planted("id", widths(written), id.toUpperCase());
  }

  static String luhnComplete(String prefix) {
    int total = 0;
    for (int i = 0; i < prefix.length(); i++) {
      int d = prefix.charAt(prefix.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      total += d;
    }
    return prefix + (10 - total % 10) % 10;
  }

  Planted card() {
    int length = pick(List.of(16, 16, 19, 19, 18, 17));
    String number = luhnComplete(pick(CARD_BINS) + digits(length - 7));
    if (random.nextInt(5) == 0) {
      number = mistyped(number); // a card number with a typo (failing Luhn) identifies its holder
    }
    String written =
        random.nextInt(3) == 0
            ? number
            : grouped(number, new int[] {4, 4, 4, 4}, random.nextBoolean() ? " " : separator());
    return new Planted("card", widths(written), number);
  }

  Planted email() {
    StringBuilder local = new StringBuilder();
    int letters = 3 + random.nextInt(6);
    for (int i = 0; i < letters; i++) {
      local.append((char) ('a' + random.nextInt(26)));
    }
    if (random.nextBoolean()) {
      local.append(random.nextBoolean() ? "." : "_").append(digits(2));
    } else {
      local.append(digits(1 + random.nextInt(4)));
    }
    String address = local + "@" + pick(DOMAINS);
    String written = random.nextInt(5) == 0 ? address.toUpperCase() : address;
    written = random.nextInt(6) == 0 ? written.replace("@", "＠") : written;
    written = random.nextInt(8) == 0 ? fullWidth(written) : written;
    return new Planted("email", written, address.toLowerCase());
  }

  // ---- look-alikes that must survive ----

  String decoy() {
    return switch (random.nextInt(16)) {
      case 0 -> random.nextInt(99_999) + "." + String.format("%02d", random.nextInt(100)) + "元";
      case 1 -> String.format("%,d元", 10_000 + random.nextInt(2_000_000));
      case 2 -> "2026年" + (1 + random.nextInt(12)) + "月" + (1 + random.nextInt(28)) + "日";
      case 3 -> String.format("2026-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
      case 4 -> "订单号" + pick(new String[] {"DD", "NO", "SO"}) + "2026" + digits(10);
      case 5 -> "合同编号HT" + digits(10);
      case 6 -> "尾号" + digits(4);
      case 7 ->
          pick(
              new String[] {
                "95588", "95533", "95555", "12378", "12363", "400-820-8888", "95511", "12315"
              });
      case 8 -> badResidentId();
      case 9 -> badCard();
      case 10, 11 ->
          pick(
              new String[] {
                "王府井支行", "张家口分行", "司马台景区", "客户经理", "理财经理", "黄金积存业务", "平安银行", "华夏银行", "高新区支行",
                "江苏银行", "常州分行", "余额宝", "万达广场", "宁波银行", "温州分行", "石景山支行", "龙华支行", "周末理财", "金融监管总局",
                "上官村营业部", "欧阳路网点", "诸葛镇", "东方财富", "钱塘江支行", "方正证券", "安信证券", "申万宏源", "江西分行", "陆家嘴支行",
                "马鞍山分行", "曹杨路支行", "汤臣一品", "贺兰山路", "邵阳分行", "程序员", "单位同事"
              });
      case 12 -> "工单号" + digits(8);
      case 13 -> "保单号P" + digits(12);
      case 14 ->
          pick(new String[] {"1号楼", "3期", "12期", "第2期", "36个月", "年利率4.35%", "24小时", "7个工作日"});
      default -> "流水号2026" + digits(14);
    };
  }

  /** The number with its last (check) character wrong. */
  private static String mistyped(String good) {
    char last = good.charAt(good.length() - 1);
    char wrong = last == 'X' || last == '9' ? '0' : (char) (last + 1);
    return good.substring(0, good.length() - 1) + wrong;
  }

  // A number that fails its check and that a label names as something else is no one's ID or card.
  private String badResidentId() {
    return pick(new String[] {"流水号", "交易流水号：", "合同编号"}) + mistyped(residentIdNumber());
  }

  private String badCard() {
    return pick(new String[] {"合同编号", "订单号", "业务编号："})
        + mistyped(luhnComplete("622202" + digits(9 + random.nextInt(3))));
  }

  // ---- narratives ----

  private record Sentence(String text, List<Planted> planted) {}

  private Sentence nameSentence() {
    Planted planted = name();
    String name = planted.written();
    String text =
        switch (random.nextInt(26)) {
          case 0 -> "投诉人" + name + "反映";
          case 1 -> "投诉人：" + name + "，反映";
          case 2 -> "来信人" + name + "称";
          case 3 -> "来电人：" + name + "。来电称";
          case 4 -> "申请人" + name + "要求";
          case 5 -> "车主" + name + "表示";
          case 6 -> "持卡人" + name + "称";
          case 7 -> "被保险人" + name + "于上月";
          case 8 -> "借款人" + name + "反映";
          case 9 -> "联系人：" + name + "，";
          case 10 -> "客户" + name + "来电";
          case 11 -> "本人" + name + "，";
          case 12 -> "我叫" + name + "，";
          case 13 -> "我是" + name + "，";
          case 14 -> "来访者自称" + name + "，";
          case 15 -> name + "女士来电反映";
          case 16 -> name + "先生称";
          case 17 -> "社区" + name + "老人反映";
          case 18 -> "其妻子" + name + "代为投诉，";
          case 19 -> name + "的女儿代为来电，称";
          case 20 -> name + "称";
          case 21 -> "【投诉人】" + name + "，";
          case 22 -> "[来电记录]" + name + "反映";
          case 23 -> "据" + name + "本人反映";
          case 24 -> "消费者" + name + "通过热线投诉";
          default -> "经与" + name + "沟通，";
        };
    return new Sentence(text, List.of(planted));
  }

  private Sentence numberSentence() {
    Planted planted =
        switch (random.nextInt(6)) {
          case 0, 1 -> mobile();
          case 2 -> landline();
          case 3 -> residentId();
          case 4 -> card();
          default -> email();
        };
    Function<String, String> lead =
        switch (planted.kind()) {
          case "mobile" -> v -> pick(new String[] {"联系电话", "手机号码：", "请回电", "手机", "电话", "其手机号"}) + v;
          case "landline" -> v -> pick(new String[] {"座机", "办公电话：", "家中电话", "固话", "电话"}) + v;
          case "id" -> v -> pick(new String[] {"身份证号", "身份证号码：", "证件号", "身份证"}) + v;
          case "card" -> v -> pick(new String[] {"银行卡号", "信用卡", "卡号：", "借记卡"}) + v;
          default -> v -> pick(new String[] {"邮箱", "电子邮箱：", "邮件", "来信邮箱"}) + v;
        };
    String tail = pick(new String[] {"，", "。", "被盗刷", "无人接听", "已核实", "，请尽快处理。", ""});
    return new Sentence(lead.apply(planted.written()) + tail, List.of(planted));
  }

  private static final String[] COMPLAINTS = {
    "信用卡年费未经告知即被扣收",
    "理财产品到期未兑付",
    "保险理赔被拒",
    "贷款提前还款被收取违约金",
    "手机银行转账失败资金未退回",
    "催收人员多次拨打家人电话骚扰",
    "网点工作人员诱导购买保险产品",
    "车险续保时被强制搭售",
    "借记卡被冻结无法取款",
    "分期手续费与宣传不符"
  };

  Narrative narrative() {
    List<Planted> planted = new ArrayList<>();
    List<String> decoys = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    String style = pick(new String[] {"formal", "first-person", "call-log", "letter"});
    Sentence name = nameSentence();
    planted.addAll(name.planted());
    if (style.equals("call-log")) {
      text.append("【来电记录】");
    }
    text.append(name.text()).append(pick(COMPLAINTS)).append("。");
    int numbers = 1 + random.nextInt(3);
    for (int i = 0; i < numbers; i++) {
      Sentence number = numberSentence();
      planted.addAll(number.planted());
      text.append(number.text());
      if (random.nextInt(3) == 0) {
        String decoy = decoy();
        decoys.add(decoy);
        text.append("，涉及").append(decoy);
      }
      text.append(random.nextBoolean() ? "；" : "，");
    }
    if (random.nextInt(3) == 0) {
      Sentence second = nameSentence();
      planted.addAll(second.planted());
      text.append(second.text());
    }
    String decoy = decoy();
    decoys.add(decoy);
    text.append(pick(new String[] {"事发地点为", "相关编号", "另见", "备注："})).append(decoy).append("。");
    if (style.equals("letter")) {
      text.append("此致。");
    }
    return new Narrative(text.toString(), planted, decoys, style);
  }
}

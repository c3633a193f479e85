package cn.cpsx.search.privacy;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Chinese personal names in a {@link NormalisedText}: HanLP's segmenter with person-name
 * recognition (a statistical role tagger over its bundled dictionaries) finds names without any
 * cue; cue rules find the names it splits or misses — after a label (投诉人、车主：、客户…), in the first
 * person (本人、我叫、自称…), next to a kinship word (其妻子…), before an honorific (…女士) or a verb of speech
 * (…称、…反映), at the start of a sentence. A guard list and HanLP's dictionary keep place, bank,
 * product and role words (王府井、张家口、司马台、客户经理、高管) that start with a surname.
 *
 * <p>HanLP portable ships its dictionaries inside its jar: nothing is downloaded at run time. The
 * segmenter is configured once and is safe to share between threads (HanLP's analysers keep their
 * state on the stack); {@link #warmUp()} loads the dictionaries before the first narrative.
 */
final class NamesInText {

  private static final class Holder {
    // Place and organisation recognition stay off: they cost time and only name what we keep.
    static final Segment SEGMENT =
        HanLP.newSegment()
            .enableNameRecognize(true)
            .enableTranslatedNameRecognize(false)
            .enableJapaneseNameRecognize(false)
            .enablePlaceRecognize(false)
            .enableOrganizationRecognize(false)
            .enableOffset(true);
  }

  /** Words that start with a surname but name no person: places, institutions, products, roles. */
  private static final Set<String> GUARDED =
      Set.of(
          "银行", "银联", "家属", "家人", "家里", "家中", "王府井", "张家口", "张家港", "张家界", "司马台", "客户经理", "经理", "经办",
          "经营", "经过", "经常", "经济", "高管", "高额", "高息", "高利", "高新", "高速", "高铁", "高端", "金额", "金融", "金卡",
          "黄金", "白金", "白条", "金条", "包括", "万元", "于是", "关于", "方面", "方式", "方案", "方便", "时间", "时候", "明细",
          "明确", "明显", "余额", "余额宝", "全部", "全额", "全款", "单位", "单据", "费用", "付款", "付费", "严重", "严格", "房贷",
          "房屋", "车贷", "车辆", "车险", "车主", "平安", "华夏", "招商", "兴业", "光大", "民生", "浦发", "中信", "交通", "邮储",
          "农业", "工商", "宁波", "江苏", "广发", "渤海", "恒丰", "华安", "华泰", "国泰", "国寿", "太平", "太平洋", "人寿", "泰康",
          "安邦", "阳光", "富德", "花呗", "借呗", "京东", "应该", "应当", "代扣", "代理", "代为", "安全", "安排", "任何", "任意",
          "计算", "计息", "解释", "解决", "解除", "申请", "申诉", "曾经", "连续", "能否", "能够", "关闭", "关联", "管理", "查询",
          "查看", "周末", "周期", "周年", "常年", "许多", "柏林", "江西", "黄山", "秦皇岛", "武汉", "温州", "常州", "苏州", "杭州",
          "郑州", "成都", "成功", "成本", "程序", "项目", "通过", "通知", "龙华", "龙岗", "罗湖", "福田", "南山", "宝安", "申万",
          "易方达", "全角", "半角", "支付", "支行", "支持", "支取", "支票", "支出", "富国", "万家", "景顺", "东吴", "华宝", "国信",
          "国金", "方正", "万联", "万向", "万象", "万科", "曾多次", "曾一度", "曾几何", "宏源", "欧阳路", "上官村", "东方财富",
          "东方明珠", "贺卡", "祝福", "童装", "章程", "保险", "保单", "保费", "保证", "利息", "利率", "时代", "明天", "年费",
          "年利率", "年化", "年龄", "年月", "都是", "都有", "和解", "和平", "向其", "于今", "万达", "戴尔", "雷克萨斯", "华为",
          "小米", "苏宁", "国美", "国家", "国内", "国际", "文件", "康复", "福利", "乐视", "梅州", "米兰", "宫颈", "夏季", "秋季",
          "冬季", "春节", "晋江", "楚雄", "温江", "武侯", "锦江", "海淀", "朝阳", "东城", "西城", "丰台", "石景山", "房山", "通州",
          "顺义", "昌平", "怀柔", "密云", "延庆", "黄浦", "徐汇", "长宁", "静安", "普陀", "虹口", "杨浦", "闵行", "宝山", "嘉定",
          "金山", "松江", "青浦", "奉贤", "崇明", "天河", "越秀", "荔湾", "海珠", "白云", "黄埔", "番禺", "花都", "南沙", "从化",
          "增城", "江北", "余杭", "萧山", "上城", "拱墅", "西湖", "滨江", "富阳", "临安", "桐庐", "淳安", "建德");

  private static final Pattern HONORIFIC =
      Pattern.compile(
          "先生|女士|小姐|老师|师傅|阿姨|大爷|大妈|大姐|大哥|老太|老人|本人|夫妇|家属|一家|同志|经理|主任|总监|行长|科长"
              + "|处长|部长|律师|医生|护士"
              + "|警官|专员|顾问|总");

  private static final CueWords PLACE_OR_INSTITUTION =
      new CueWords(
          "证券", "银行", "支行", "分行", "路", "街", "巷", "村", "镇", "乡", "区", "县", "市", "省", "公司", "集团",
          "大厦", "广场", "小区", "山", "湖", "江", "河", "桥", "营业部", "网点", "景区", "中心", "医院", "大学", "学校",
          "保险", "基金", "信托", "期货", "资本", "科技", "商场", "花园", "苑", "府", "城", "站", "港", "湾", "一品", "号院");

  private static final String PRODUCT_ENDINGS = "宝贷盈";

  private static final String FUNCTION_CHARS = "的地得了着过在于和与及或是为被把将对向从给让由并而且但称说其此该之所他她它你我您都也就还";
  // Surnames that are far more often words at the start of a clause (经核实, 有类似): only HanLP or
  // a label before them may make them a name, as for the function characters.
  private static final String CLAUSE_OPENERS = "经有";
  private static final String WORD_FIRST = FUNCTION_CHARS + CLAUSE_OPENERS;

  // Strong cues: what follows is a name unless a guard word or a noun of the dictionary starts
  // there.
  private static final CueWords LABEL =
      new CueWords(
          "投诉人", "被投诉人", "来信人", "来电人", "来访人", "申请人", "被申请人", "车主", "持卡人", "被保险人", "投保人", "受益人",
          "借款人", "贷款人", "担保人", "联系人", "客户", "消费者", "当事人", "委托人", "代理人", "户名", "账户名", "开户人", "收款人",
          "付款人", "举报人", "反映人", "业主", "患者", "储户", "用户", "老人", "家属", "本人", "我叫", "我是", "自称", "名叫",
          "叫做", "署名", "落款", "签名", "人员", "员工", "柜员", "职员", "业务员", "销售员", "催收员", "经办人", "负责人", "律师",
          "户主", "亲属", "姓名", "名字", "报案人", "证人", "监护人", "法定代表人", "被害人", "受害人", "保证人", "经手人", "收件人",
          "寄件人", "出借人", "继承人", "介绍人", "推荐人", "对接人", "办理人", "签收人");
  private static final CueWords KIN_BEFORE =
      new CueWords(
          "妻子", "丈夫", "老公", "老婆", "儿子", "女儿", "父亲", "母亲", "爸爸", "妈妈", "老伴", "配偶", "孙子", "孙女", "外孙",
          "外孙女", "女婿", "儿媳", "哥哥", "姐姐", "弟弟", "妹妹", "爱人", "亲属", "朋友", "同事", "邻居");
  // Words that follow a name: honorifics, kinship, verbs of speech, and what a complainant owns.
  private static final CueWords AFTER_NAME =
      new CueWords(
          "女士", "先生", "小姐", "老人", "老师", "师傅", "阿姨", "大爷", "大妈", "老太", "同志", "夫妇", "本人", "之子", "之女",
          "一家", "等人", "名下", "称", "说", "反映", "表示", "投诉", "来电", "来信", "来访", "诉称", "认为", "要求", "申请",
          "质疑", "声称", "报称", "致电", "通过", "办理", "购买", "持有", "家住", "现住", "住址", "身份证", "手机", "电话", "代为",
          "沟通", "协商", "联系", "签订", "签署", "签字", "提出", "提供", "因", "于", "在", "向", "与", "和", "的妻子", "父子",
          "母子", "父女", "母女", "夫妻", "兄弟", "姐妹", "兄妹", "姐弟", "二人", "两人", "转账", "汇款", "打款", "转款", "打电话",
          "的丈夫", "的儿子", "的女儿", "的父亲", "的母亲", "的家属", "的亲属", "的身份证", "的手机", "的银行卡", "的账户", "的信用卡",
          "的名下");
  private static final Pattern AFTER_CUE = Pattern.compile("(?:姓名)?(?:\\s*[:：】\\]]\\s*|为|是|系)?");

  private static final String DOTS = "\u00B7\u2022\u30FB\u2027\u2219\u22C5";
  private static final Pattern DOTTED =
      Pattern.compile("\\p{IsHan}{1,10}(?:[" + DOTS + "]\\p{IsHan}{1,10})+");

  private static final Pattern SENTENCE_START =
      Pattern.compile("(?:^|[。！？；;!?\\n】\\]）)(（“「『]\\s*)");

  private NamesInText() {}

  static void warmUp() {
    Holder.SEGMENT.seg("投诉人王小明来电称其妻子刘晓燕的信用卡被盗刷。");
  }

  static List<PersonalDataSpan> find(NormalisedText normalised) {
    String text = normalised.text();
    List<Term> terms = Holder.SEGMENT.seg(text);
    Term[] termAt = new Term[text.length() + 1];
    boolean[] boundary = new boolean[text.length() + 1];
    boundary[0] = true;
    boundary[text.length()] = true;
    for (Term term : terms) {
      if (term.offset >= 0 && term.offset < termAt.length) {
        termAt[term.offset] = term;
        boundary[term.offset] = true;
        boundary[Math.min(text.length(), term.offset + term.length())] = true;
        if (prepositionBeforeName(text, term)) {
          boundary[term.offset + 1] = true;
        }
      }
    }
    List<int[]> names = new ArrayList<>();
    for (Term term : terms) {
      if (isPersonName(term) && !prepositionBeforeName(text, term)) {
        // HanLP at times takes the verb after a name into it (赵敏称): the name ends before it
        int end = term.offset + term.length();
        while (end - term.offset > 2 && FUNCTION_CHARS.indexOf(text.charAt(end - 1)) >= 0) {
          end--;
        }
        // 惠福宝, 邮益宝, 稳盈贷: a product HanLP took for a name; a cue may still say it is one
        boolean product = PRODUCT_ENDINGS.indexOf(text.charAt(end - 1)) >= 0;
        if (!product && accepted(text, term.offset, end)) {
          names.add(new int[] {term.offset, end});
        }
      }
    }
    cuedBefore(text, LABEL, true, termAt, boundary, names);
    cuedBefore(text, KIN_BEFORE, false, termAt, boundary, names);
    cuedAfter(text, termAt, boundary, names);
    atSentenceStart(text, termAt, boundary, names);
    dotted(text, names);
    listed(text, names);
    List<PersonalDataSpan> spans = new ArrayList<>();
    for (int[] name : names) {
      if (name.length == 3) { // a transliterated name: its first character kept
        spans.add(
            new PersonalDataSpan(
                PersonalDataKind.NAME,
                normalised.startInOriginal(name[0]),
                normalised.endInOriginal(name[1]),
                text.charAt(name[0])
                    + text.substring(name[0] + 1, name[1]).replaceAll("\\p{IsHan}", "*")));
        continue;
      }
      extendShortGivenName(text, name);
      int surname = Math.max(1, ChineseSurnames.at(text, name[0]));
      String mask =
          text.substring(name[0], name[0] + surname) + "*".repeat(name[1] - name[0] - surname);
      spans.add(
          new PersonalDataSpan(
              PersonalDataKind.NAME,
              normalised.startInOriginal(name[0]),
              normalised.endInOriginal(name[1]),
              mask));
    }
    return spans;
  }

  /**
   * HanLP at times stops a three-character name after its second character (甄燕|霞代为投诉): a
   * one-character given name is extended by the next character when only that makes what follows
   * read as what follows a name.
   */
  private static void extendShortGivenName(String text, int[] name) {
    int surname = ChineseSurnames.at(text, name[0]);
    int end = name[1];
    if (name[1] - name[0] - surname == 1
        && end < text.length()
        && givenNameChars(text, end, end + 1)
        && !followsName(text, end)
        && followsName(text, end + 1)
        && PLACE_OR_INSTITUTION.lengthAt(text, end + 1) == 0) {
      name[1] = end + 1;
    }
  }

  /**
   * HanLP's "name" is a preposition and the surname of the name that follows (向王|建华转账): the name
   * starts after the preposition and runs on past HanLP's term.
   */
  private static boolean prepositionBeforeName(String text, Term term) {
    int end = term.offset + term.length();
    return term.length() == 2
        && isPersonName(term)
        && FUNCTION_CHARS.indexOf(text.charAt(term.offset)) >= 0
        && ChineseSurnames.at(text, term.offset + 1) == 1
        && end < text.length()
        && givenNameChars(text, end, end + 1)
        && !followsName(text, end);
  }

  private static boolean isPersonName(Term term) {
    return term.nature != null
        && term.nature.startsWith("nr")
        && term.length() >= 2
        && term.length() <= 4
        && !term.nature.startsWith("nrf")
        && !term.nature.startsWith("nrj");
  }

  /** A name candidate {@code [start, end)}: starts with a surname, is no guarded word. */
  private static boolean accepted(String text, int start, int end) {
    int surname = ChineseSurnames.at(text, start);
    if (surname == 0 || end - start <= surname || !allHan(text, start, end)) {
      return false;
    }
    for (int to = Math.min(text.length(), start + 5); to > start + 1; to--) {
      if (GUARDED.contains(text.substring(start, to))) {
        return false;
      }
    }
    if (PLACE_OR_INSTITUTION.lengthAt(text, end) > 0) {
      return false; // 安信证券, 曹杨路支行, 贺兰山路: a name given to a place or a firm
    }
    String given = text.substring(start + surname, end);
    if ("镇村乡县区市省路街巷站".indexOf(given.charAt(given.length() - 1)) >= 0) {
      return false; // 诸葛镇, 王家村
    }
    if (HONORIFIC.matcher(text).region(start + surname, text.length()).lookingAt()) {
      return false; // 李先生, 王经理: a surname with a title names nobody
    }
    if (surname == 1 && given.charAt(0) == text.charAt(start)) {
      return false; // 周周盈, 季季红, 天天利: a product, not 周 and a given name
    }
    for (int from = Math.max(0, start - 2); from < start; from++) {
      for (int to = start + 1; to <= Math.min(text.length(), from + 4); to++) {
        if (GUARDED.contains(text.substring(from, to))) {
          return false; // 申万宏源: a guarded word runs into the candidate
        }
      }
    }
    return !(given.length() == 1 && "老小大阿氏家".contains(given))
        && givenNameChars(text, start + surname, end);
  }

  private static void cuedBefore(
      String text,
      CueWords cue,
      boolean strong,
      Term[] termAt,
      boolean[] boundary,
      List<int[]> names) {
    Matcher afterCue = AFTER_CUE.matcher(text);
    for (int at = 0; at < text.length(); at++) {
      int length = cue.lengthAt(text, at);
      if (length == 0) {
        continue;
      }
      afterCue.region(at + length, text.length()).lookingAt();
      int start = afterCue.end();
      if (start >= text.length() || (!strong && !boundary[start])) {
        continue;
      }
      int end = nameEnd(text, start, strong, termAt, boundary);
      if (end > 0) {
        add(names, start, end);
      }
    }
  }

  /** Names before an honorific, kinship word or verb of speech: 王小明女士, 据王伟本人反映. */
  private static void cuedAfter(String text, Term[] termAt, boolean[] boundary, List<int[]> names) {
    for (int end = 1; end < text.length(); end++) {
      if (AFTER_NAME.lengthAt(text, end) == 0) {
        continue;
      }
      // A name that HanLP found ending here wins; else the longest surname + 1–2 characters.
      for (int length = 4; length >= 2; length--) {
        int start = end - length;
        if (start < 0 || !boundary[start]) {
          continue;
        }
        int surname = ChineseSurnames.at(text, start);
        if (surname == 0 || length - surname < 1 || length - surname > 2) {
          continue;
        }
        if (start > 0 && length - surname == 2 && FUNCTION_CHARS.indexOf(text.charAt(start)) >= 0) {
          continue;
        }
        if (surname == 1 && CLAUSE_OPENERS.indexOf(text.charAt(start)) >= 0) {
          continue; // 有类似投诉: only HanLP may call 有 a surname
        }
        if (followerStraddles(text, start, end) || guardedInside(text, start + surname, end)) {
          continue; // 雷横投|诉称, 张顺声|称, 后余额转账: a follower or a guarded word inside
        }
        if (accepted(text, start, end) && !commonWord(text, start, end, termAt)) {
          add(names, start, end);
          break;
        }
      }
    }
  }

  /** A name opening a sentence or following a bracketed header, before punctuation or a verb. */
  private static void atSentenceStart(
      String text, Term[] termAt, boolean[] boundary, List<int[]> names) {
    Matcher m = SENTENCE_START.matcher(text);
    while (m.find()) {
      int start = m.end();
      if (start >= text.length()) {
        break;
      }
      int end = nameEnd(text, start, false, termAt, boundary);
      if (end > 0) {
        add(names, start, end);
      }
    }
  }

  /**
   * Names listed beside a name found (张三丰、李四光、王五洲; 李雷和韩梅梅): each neighbour of two to four
   * characters that starts with a surname and ends where the list goes on or stops is a name too.
   */
  private static void listed(String text, List<int[]> names) {
    List<int[]> found = new ArrayList<>(names);
    while (!found.isEmpty()) {
      int[] name = found.removeLast();
      if (name.length == 3) {
        continue;
      }
      int next = name[1] + 1;
      if (name[1] < text.length() && "、和".indexOf(text.charAt(name[1])) >= 0) {
        int end = listedNameEnd(text, next);
        if (end > 0 && names.stream().noneMatch(n -> n[0] < end && next < n[1])) {
          int[] neighbour = {next, end};
          names.add(neighbour);
          found.add(neighbour);
        }
      }
      int before = name[0] - 1;
      if (before > 0 && text.charAt(before) == '、') {
        for (int start = Math.max(0, before - 4); start <= before - 2; start++) {
          int from = start;
          if (listedNameEnd(text, start) == before
              && names.stream().noneMatch(n -> n[0] < before && from < n[1])) {
            int[] neighbour = {start, before};
            names.add(neighbour);
            found.add(neighbour);
            break;
          }
        }
      }
    }
  }

  /** The end of a listed name starting at {@code start}: before 、 or a follower of names; or -1. */
  private static int listedNameEnd(String text, int start) {
    int surname = ChineseSurnames.at(text, start);
    if (surname == 0) {
      return -1;
    }
    for (int end = start + surname + 1; end <= Math.min(text.length(), start + 4); end++) {
      if (!givenNameChars(text, start + surname, end)) {
        return -1;
      }
      boolean listGoesOnOrStops =
          end == text.length() || "、，。；;,.!?！？）)".indexOf(text.charAt(end)) >= 0;
      if ((listGoesOnOrStops || followsName(text, end)) && accepted(text, start, end)) {
        return end;
      }
    }
    return -1;
  }

  /**
   * Names of Uyghur, Tibetan, Mongolian or foreign people, written with a middle dot between their
   * parts (阿卜杜拉·买买提, 古丽娜扎尔·拜合提亚尔): taken after a label or kinship word, or before a word that
   * follows names. A firm's product written the same way (京东·白条) has no such cue.
   */
  private static void dotted(String text, List<int[]> names) {
    if (text.chars().noneMatch(c -> DOTS.indexOf(c) >= 0)) {
      return; // most narratives: no regular-expression scan at all
    }
    Matcher dotted = DOTTED.matcher(text);
    while (dotted.find()) {
      int firstDot = dotted.start();
      while (DOTS.indexOf(text.charAt(firstDot)) < 0) {
        firstDot++;
      }
      int lastDot = firstDot;
      for (int at = firstDot; at < dotted.end(); at++) {
        if (DOTS.indexOf(text.charAt(at)) >= 0) {
          lastDot = at;
        }
      }
      // 投诉人阿卜杜拉·…: the name starts after the last label inside the run of characters;
      // 投诉人：买买提·艾力: or the run follows a label and its colon
      int start = dotted.start();
      boolean cued = labelledBefore(text, start);
      for (int at = dotted.start(); at < firstDot; at++) {
        int length = Math.max(LABEL.lengthAt(text, at), KIN_BEFORE.lengthAt(text, at));
        if (length > 0 && at + length < firstDot) {
          start = at + length;
          cued = true;
        }
      }
      // …·买买提提出申请: and ends before the first word that follows names or function character
      // (的, 在…); 都 after 不 is the "Abdu" of a name (阿不都热依木), not "all"
      int end = dotted.end();
      for (int at = lastDot + 2; at < dotted.end(); at++) {
        boolean abdu = text.charAt(at) == '都' && text.charAt(at - 1) == '不';
        if (AFTER_NAME.lengthAt(text, at) > 0
            || (FUNCTION_CHARS.indexOf(text.charAt(at)) >= 0 && !abdu)) {
          end = at;
          break;
        }
      }
      boolean followed = end < dotted.end() || end >= text.length() || !isHan(text.charAt(end));
      boolean institution = false;
      for (int at = start; at < end; at++) {
        institution |=
            PLACE_OR_INSTITUTION.lengthAt(text, at) > 0
                || GUARDED.contains(text.substring(at, Math.min(end, at + 2)));
      }
      if ((cued || (followed && end < dotted.end())) && !institution) {
        int from = start;
        int to = end;
        names.removeIf(name -> name[0] < to && from < name[1]);
        names.add(new int[] {from, to, 1});
      }
    }
  }

  /** Whether a label or kinship word ends just before {@code at}, but for a colon or space. */
  private static boolean labelledBefore(String text, int at) {
    int end = at;
    while (end > 0 && (text.charAt(end - 1) == ':' || text.charAt(end - 1) == ' ')) {
      end--;
    }
    for (int length = 1; length <= 8 && length <= end; length++) {
      int from = end - length;
      if (LABEL.lengthAt(text, from) == length || KIN_BEFORE.lengthAt(text, from) == length) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a name starting at {@code start} ends, or -1: HanLP's name if it found one here, else the
   * surname and one or two characters up to a word that follows names (or, after a strong cue, up
   * to the next non-name character).
   */
  private static int nameEnd(
      String text, int start, boolean strong, Term[] termAt, boolean[] boundary) {
    int surname = ChineseSurnames.at(text, start);
    if (surname == 0) {
      return -1;
    }
    Term term = termAt[start];
    if (term != null && isPersonName(term) && accepted(text, start, start + term.length())) {
      return start + term.length();
    }
    if (surname == 1 && WORD_FIRST.indexOf(text.charAt(start)) >= 0) {
      return -1; // 于, 和, 向, 经 are surnames too, but far more often words: only HanLP may say
    }
    boolean fallback = strong;
    if (term != null && term.length() > surname && isCommonWord(term)) {
      // A dictionary word (金文, 江东) is still a name after a label when a name's follower comes
      // next; nouns (银行, 经理, 王府井) are not, and other words (辛子|怡) only by the rules below.
      int end = start + term.length();
      if (strong
          && term.length() <= surname + 2
          && followsName(text, end)
          && accepted(text, start, end)) {
        return end;
      }
      if (!strong || term.nature.startsWith("n")) {
        return -1;
      }
      fallback = false;
    }
    for (int given = 1; given <= 2; given++) {
      int end = start + surname + given;
      if (end > text.length() || !givenNameChars(text, start + surname, end)) {
        break;
      }
      if (followsName(text, end) && accepted(text, start, end)) {
        if (strong || boundary[end] || !commonWord(text, start, end, termAt)) {
          return end;
        }
      }
    }
    if (fallback) {
      int end = start + surname;
      while (end < text.length()
          && end < start + surname + 2
          && givenNameChars(text, end, end + 1)) {
        end++;
      }
      return end > start + surname && accepted(text, start, end) ? end : -1;
    }
    return -1;
  }

  private static boolean guardedInside(String text, int from, int end) {
    for (int at = from; at < end - 1; at++) {
      for (int to = at + 2; to <= end; to++) {
        if (GUARDED.contains(text.substring(at, to))) {
          return true;
        }
      }
    }
    return false;
  }

  /** A word that follows names starts inside {@code [start, end)} and runs past its end. */
  private static boolean followerStraddles(String text, int start, int end) {
    for (int at = start + 1; at < end; at++) {
      if (at + AFTER_NAME.lengthAt(text, at) > end) {
        return true;
      }
    }
    return false;
  }

  private static boolean followsName(String text, int at) {
    if (at >= text.length()) {
      return true;
    }
    char c = text.charAt(at);
    if (!isHan(c)) {
      return true;
    }
    return AFTER_NAME.lengthAt(text, at) > 0 || FUNCTION_CHARS.indexOf(c) >= 0;
  }

  private static boolean givenNameChars(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!isHan(c) || FUNCTION_CHARS.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** The candidate is (or starts) a dictionary word that is no person name: 银行, 公司, 张家口. */
  private static boolean commonWord(String text, int start, int end, Term[] termAt) {
    Term term = termAt[start];
    if (term != null && term.length() >= end - start && isCommonWord(term)) {
      return true;
    }
    CoreDictionary.Attribute attribute = CoreDictionary.get(text.substring(start, end));
    return attribute != null && !hasPersonNature(attribute);
  }

  private static boolean isCommonWord(Term term) {
    if (term.nature == null || term.nature.startsWith("nr")) {
      return false;
    }
    CoreDictionary.Attribute attribute = CoreDictionary.get(term.word);
    return attribute != null && !hasPersonNature(attribute);
  }

  private static boolean hasPersonNature(CoreDictionary.Attribute attribute) {
    for (Nature nature : attribute.nature) {
      if (nature.startsWith("nr")) {
        return true;
      }
    }
    return false;
  }

  private static void add(List<int[]> names, int start, int end) {
    for (int[] name : names) {
      if (start < name[1] && name[0] < end) {
        name[0] = Math.min(name[0], start);
        name[1] = Math.max(name[1], end);
        return;
      }
    }
    names.add(new int[] {start, end});
  }

  private static boolean allHan(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isHan(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}

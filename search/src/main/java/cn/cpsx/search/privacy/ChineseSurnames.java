package cn.cpsx.search.privacy;

import java.util.Set;

/**
 * Chinese surnames: the single and compound surnames of the 百家姓 and the common modern ones (闫, 覃,
 * 冼, 邝…). A personal name in a narrative starts with one of them; compound surnames are tried first
 * so that 欧阳娜娜 keeps 欧阳 as its surname.
 */
final class ChineseSurnames {

  private static final String SINGLE =
      "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"
          + "鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平"
          + "黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童"
          + "颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔"
          + "吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰"
          + "秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴"
          + "郁胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连"
          + "茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷"
          + "訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公晋楚闫法汝鄢涂钦岳帅缑亢况郈有琴"
          + "商牟佘佴伯赏墨哈谯笪年爱阳佟言福覃冼邝麦植禤付肖兰谌代练芦栗郇伦仝綦隋眭苑檀茆么豆矫粟银招过苟"
          + "占战母揭原接撒伞布次达旦才德丹拉格央尼措凃庹蹇黔巫邸甯仉";

  private static final Set<String> COMPOUND =
      Set.of(
          "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "尉迟", "长孙", "宇文", "夏侯", "端木", "万俟",
          "闻人", "赫连", "公羊", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "公孙", "仲孙", "轩辕", "钟离",
          "鲜于", "闾丘", "司空", "亓官", "司寇", "子车", "颛孙", "巫马", "公西", "漆雕", "乐正", "壤驷", "公良", "拓跋", "夹谷",
          "宰父", "谷梁", "段干", "百里", "东郭", "南门", "呼延", "羊舌", "微生", "梁丘", "左丘", "东门", "西门", "南宫", "第五",
          "独孤");

  private ChineseSurnames() {}

  /** Every surname, single and compound. */
  static java.util.List<String> all() {
    java.util.List<String> all = new java.util.ArrayList<>(COMPOUND);
    SINGLE.chars().distinct().forEach(c -> all.add(String.valueOf((char) c)));
    return all;
  }

  /** The length of the surname {@code text} starts with at {@code at}: 2, 1, or 0 for none. */
  static int at(String text, int at) {
    if (at + 2 <= text.length() && COMPOUND.contains(text.substring(at, at + 2))) {
      return 2;
    }
    return at < text.length() && SINGLE.indexOf(text.charAt(at)) >= 0 ? 1 : 0;
  }
}

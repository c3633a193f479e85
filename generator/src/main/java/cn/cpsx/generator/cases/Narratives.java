package cn.cpsx.generator.cases;

import cn.cpsx.generator.world.Seeds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

/**
 * Narratives as case handlers write them: a topic's template, an opening that varies with the
 * channel, now and then a second sentence, and, in a good share of them, personal data the
 * complainant gave (names, numbers) in their real written forms.
 */
final class Narratives {

  private static final String[] FOLLOW_UPS = {
    "客户表示如不妥善处理将向监管部门投诉。",
    "客户情绪激动，要求三个工作日内给予答复。",
    "经初步核实，相关业务办理记录已调取，正在进一步核查。",
    "客户此前已就同一问题多次来电，均未得到解决。",
    "客户表示已向媒体反映，要求尽快处理。",
    "客户提供了通话录音和短信截图作为证据。",
    "客户系老年人，由其子女陪同反映情况。"
  };

  private Narratives() {}

  static String write(
      Topic topic,
      String channel,
      String complainantName,
      BigDecimal amount,
      LocalDate receivedDay,
      Random random) {
    LocalDate incident = receivedDay.minusDays(1 + random.nextInt(20));
    String body =
        topic
            .template()
            .replace("{amount}", amount == null ? "" : amount.toPlainString())
            .replace("{date}", incident.getMonthValue() + "月" + incident.getDayOfMonth() + "日")
            .replace("{tail}", "%04d".formatted(random.nextInt(10_000)));
    StringBuilder text = new StringBuilder();
    boolean planted = random.nextInt(100) < 45;
    String name = complainantName != null ? complainantName : PersonalData.name(random);
    if (planted) {
      text.append(
          switch (random.nextInt(5)) {
            case 0 -> "客户" + name + "来电反映：";
            case 1 -> "投诉人：" + name + "，联系电话" + PersonalData.writtenMobile(random) + "。";
            case 2 -> "来信人" + name + "（身份证号" + PersonalData.writtenResidentId(random) + "）称：";
            case 3 -> "据" + name + "本人反映，";
            default -> name + "女士称，";
          });
    } else {
      text.append(opening(channel, random));
    }
    text.append(body);
    if (planted && random.nextBoolean()) {
      text.append(
          switch (random.nextInt(4)) {
            case 0 -> "涉及卡号" + PersonalData.writtenCardNumber(random) + "。";
            case 1 -> "客户留存的固定电话为" + PersonalData.writtenLandline(random) + "。";
            case 2 -> "客户要求将处理结果发送至邮箱" + PersonalData.email(random) + "。";
            default -> "回访电话：" + PersonalData.writtenMobile(random) + "。";
          });
    }
    if (random.nextInt(3) == 0) {
      text.append(Seeds.pick(random, FOLLOW_UPS));
    }
    return text.toString();
  }

  private static String opening(String channel, Random random) {
    return switch (channel) {
      case "PHONE" -> random.nextBoolean() ? "客户来电反映，" : "客户致电客服热线称，";
      case "BRANCH" -> "客户到营业网点反映，";
      case "LETTER" -> "客户来信反映，";
      case "REGULATOR" -> "监管部门转办：";
      case "MEDIA" -> "客户在社交平台发帖称，";
      case "ONLINE" -> random.nextBoolean() ? "客户通过App在线投诉称，" : "客户在官网留言称，";
      default -> "";
    };
  }
}

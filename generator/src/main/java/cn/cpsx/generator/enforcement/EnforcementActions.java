package cn.cpsx.generator.enforcement;

import cn.cpsx.generator.institution.Institution;
import cn.cpsx.generator.world.Seeds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws enforcement actions: serious and major ones fall on the worse institutions, minor ones on
 * anyone; a revoked institution's licence revocation is itself the major action against it.
 * Decision dates lie between {@code from} and {@code until} (never in the future).
 */
public final class EnforcementActions {

  private static final String BASIS = "《中华人民共和国银行业监督管理法》第四十六条、《金融消费者权益保护实施办法》第六十二条";

  private EnforcementActions() {}

  public static List<EnforcementAction> draw(
      long seed,
      List<Institution> institutions,
      List<Institution> worse,
      LocalDate from,
      LocalDate until,
      int perSeverity) {
    Random random = Seeds.random(seed, "enforcement");
    List<EnforcementAction> actions = new ArrayList<>();
    int[] serial = {0};
    long span = ChronoUnit.DAYS.between(from, until);
    for (Institution revoked : institutions.stream().filter(i -> !i.active()).toList()) {
      actions.add(
          action(
              revoked,
              "MAJOR",
              "LICENCE_REVOKED",
              null,
              from.plusDays(span / 3),
              serial,
              "违规放贷、暴力催收及侵害金融消费者个人信息，情节特别严重，依法吊销其经营许可。",
              "Unlawful lending, abusive debt collection and misuse of consumers' personal data: licence revoked."));
    }
    List<Institution> active = institutions.stream().filter(Institution::active).toList();
    String[] severities = {"MINOR", "SERIOUS", "MAJOR"};
    for (String severity : severities) {
      long already = actions.stream().filter(a -> a.severity().equals(severity)).count();
      for (int n = (int) already; n < perSeverity; n++) {
        Institution target =
            !severity.equals("MINOR") && !worse.isEmpty()
                ? worse.get((n + (severity.equals("MAJOR") ? 1 : 0)) % worse.size())
                : Seeds.pick(random, active);
        LocalDate date = from.plusDays(random.nextLong(span + 1));
        actions.add(
            switch (severity) {
              case "MINOR" ->
                  action(
                      target,
                      severity,
                      "WARNING",
                      null,
                      date,
                      serial,
                      "未按规定向消费者披露信用卡分期实际年化利率，予以警告。",
                      "Failed to disclose the annualised rate of card instalments: warning.");
              case "SERIOUS" ->
                  action(
                      target,
                      severity,
                      "FINE",
                      BigDecimal.valueOf(50 + random.nextInt(150))
                          .multiply(BigDecimal.valueOf(10_000)),
                      date,
                      serial,
                      "委托第三方催收机构采取恐吓、骚扰等不当手段催收，且投诉处理严重超期，处以罚款。",
                      "Debt collection by intimidation through third parties and long-overdue complaint handling: fine.");
              default ->
                  action(
                      target,
                      severity,
                      "SUSPENSION",
                      BigDecimal.valueOf(300 + random.nextInt(500))
                          .multiply(BigDecimal.valueOf(10_000)),
                      date,
                      serial,
                      "误导销售高风险理财产品并违规收集使用个人信息，责令暂停部分业务并处罚款。",
                      "Mis-selling high-risk wealth products and unlawful use of personal data: partial suspension and fine.");
            });
      }
    }
    return List.copyOf(actions);
  }

  private static EnforcementAction action(
      Institution institution,
      String severity,
      String measure,
      BigDecimal fine,
      LocalDate date,
      int[] serial,
      String zh,
      String en) {
    serial[0]++;
    String decisionNo = "消保监罚决字〔%d〕%d号".formatted(date.getYear(), 100 + serial[0]);
    return new EnforcementAction(
        institution.uscc(),
        decisionNo,
        date,
        severity,
        measure,
        fine == null ? null : fine.setScale(2),
        BASIS,
        institution.shortName() + zh,
        institution.nameEn() + ": " + en);
  }
}

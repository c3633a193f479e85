package cn.cpsx.generator.periodic;

import cn.cpsx.generator.cases.CaseLife;
import cn.cpsx.generator.institution.Institution;
import cn.cpsx.generator.world.Seeds;
import cn.cpsx.schemas.CodeLists;
import cn.cpsx.schemas.FilingPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/** Computes quarterly statistics from an institution's cases and draws its self-assessments. */
public final class PeriodicFilings {

  private static final String[] EVIDENCE = {
    "董事会全年审议消保工作报告两次，高管绩效考核纳入消保指标。",
    "新产品和新服务上线前均经消保审查，审查意见留档可查。",
    "投诉处理实行首问负责制，建立投诉溯源整改台账。",
    "制定个人信息保护管理办法，完成年度数据安全评估。",
    "开展“3·15”等金融知识宣传活动，覆盖城乡社区和老年群体。",
    "内部审计部门完成消保专项审计，问题已整改并报董事会。"
  };

  private PeriodicFilings() {}

  /**
   * STATS_Q of one quarter, as the institution sees its cases at the quarter's last instant.
   *
   * @param off whether to set {@code received} apart from the records on purpose (S003)
   */
  public static QuarterlyStatistics statistics(
      Institution institution,
      List<CaseLife> cases,
      String period,
      boolean off,
      Submission submission,
      Random random) {
    FilingPeriod quarter = FilingPeriod.parse("STATS_Q", period).orElseThrow();
    Instant at = quarter.end().minusSeconds(1);
    long received = 0, closed = 0, within = 0, upheld = 0, satisfied = 0, surveyed = 0;
    BigDecimal redress = BigDecimal.ZERO.setScale(2);
    Map<String, Long> byCategoryReason = new TreeMap<>();
    Map<String, Long> byChannel = new TreeMap<>();
    Map<String, Long> byProvince = new TreeMap<>();
    long overdue = 0;
    for (CaseLife c : cases) {
      if (c.overdueAt(at)) {
        overdue++;
      }
      Instant receivedAt = c.receivedAt().toInstant();
      if (receivedAt.isBefore(quarter.start()) || !receivedAt.isBefore(quarter.end())) {
        continue;
      }
      received++;
      byCategoryReason.merge(c.businessCategory() + "|" + c.reason(), 1L, Long::sum);
      byChannel.merge(c.channel(), 1L, Long::sum);
      byProvince.merge(c.region().substring(0, 2) + "0000", 1L, Long::sum);
      if (c.closedBy(at)) {
        closed++;
        within += c.closedWithin15Days() ? 1 : 0;
        upheld += c.outcome().equals("UPHELD") || c.outcome().equals("PARTIALLY_UPHELD") ? 1 : 0;
        if (c.redressAmount() != null) {
          redress = redress.add(c.redressAmount());
        }
        if (!c.satisfaction().equals("NOT_SURVEYED")) {
          surveyed++;
          satisfied +=
              c.satisfaction().endsWith("SATISFIED") && !c.satisfaction().equals("DISSATISFIED")
                  ? 1
                  : 0;
        }
      }
    }
    off = off && received >= 10;
    if (off) {
      // Over- or under-report by 12–30%; every breakdown still adds up (S001 stays quiet).
      long delta = Math.max(2, Math.round(received * (0.12 + 0.18 * random.nextDouble())));
      delta = random.nextBoolean() || delta >= received ? delta : -delta;
      received += delta;
      shift(byCategoryReason, delta);
      shift(byChannel, delta);
      shift(byProvince, delta);
    }
    return new QuarterlyStatistics(
        institution.uscc(),
        period,
        received,
        closed,
        within,
        overdue,
        upheld,
        redress,
        satisfied,
        surveyed,
        rows(
            byCategoryReason,
            k ->
                new QuarterlyStatistics.CategoryReasonRow(
                    k.getKey().split("\\|")[0], k.getKey().split("\\|")[1], k.getValue())),
        rows(byChannel, k -> new QuarterlyStatistics.ChannelRow(k.getKey(), k.getValue())),
        rows(byProvince, k -> new QuarterlyStatistics.ProvinceRow(k.getKey(), k.getValue())),
        off,
        submission);
  }

  /** Adds {@code delta} to the rows, largest first, never below zero. */
  private static void shift(Map<String, Long> rows, long delta) {
    List<String> keys = new ArrayList<>(rows.keySet());
    keys.sort(Comparator.comparing((String k) -> rows.get(k)).reversed().thenComparing(k -> k));
    long left = delta;
    for (String key : keys) {
      long now = rows.get(key);
      long change = left > 0 ? left : Math.max(left, -now);
      rows.put(key, now + change);
      left -= change;
      if (left == 0) {
        break;
      }
    }
    rows.values().removeIf(v -> v == 0);
  }

  private static <R> List<R> rows(
      Map<String, Long> counts, Function<Map.Entry<String, Long>, R> row) {
    return counts.entrySet().stream().map(row).toList();
  }

  /** The self-assessment of a year; a worse institution scores itself lower, evidence thinner. */
  public static SelfAssessment selfAssessment(
      Institution institution, String year, boolean worse, Submission submission, Random random) {
    List<SelfAssessment.SelfScore> scores = new ArrayList<>();
    int i = 0;
    for (String dimension :
        CodeLists.standard().codes(CodeLists.SELF_ASSESSMENT_DIMENSION).keySet()) {
      int score = worse ? 55 + random.nextInt(26) : 70 + random.nextInt(27);
      // Most give evidence; a few leave it out even above 80 (A002).
      String evidence = random.nextInt(100) < (worse ? 60 : 88) ? EVIDENCE[i] : null;
      scores.add(new SelfAssessment.SelfScore(dimension, score, evidence));
      i++;
    }
    long customers =
        Math.round(institution.retailCustomers() * (0.97 + 0.06 * random.nextDouble()));
    double size = Math.log10(Math.max(10_000, institution.retailCustomers()));
    return new SelfAssessment(
        institution.uscc(),
        year,
        customers,
        1 + random.nextInt(4),
        !worse || random.nextBoolean(),
        (int) Math.round(Math.pow(10, size - 5.5) * (5 + random.nextInt(10))) + 3,
        BigDecimal.valueOf(
                worse ? 60 + random.nextInt(300) / 10.0 : 85 + random.nextInt(150) / 10.0)
            .setScale(1, RoundingMode.HALF_UP),
        10 + random.nextInt(400),
        2 + random.nextInt(40),
        (long) (customers * (0.002 + 0.01 * random.nextDouble())),
        worse ? random.nextInt(6) : random.nextInt(2),
        random.nextInt(50),
        scores,
        submission);
  }

  /** The seeded random source of one institution's periodic filing. */
  public static Random random(long seed, String uscc, String type, String period) {
    return Seeds.random(seed, type + ":" + uscc + ":" + period);
  }
}

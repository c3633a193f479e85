package cn.cpsx.generator.cases;

import cn.cpsx.generator.institution.Institution;
import cn.cpsx.generator.world.Provinces;
import cn.cpsx.generator.world.Seeds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Draws an institution's complaints of one year: when they arrive (seasons, weekdays, hours), what
 * they are about (categories and reasons that fit the institution's type), where from (provinces by
 * population, more from the home province for local banks), how they end (resolution times with a
 * tail past 15 days, outcomes, satisfaction). A worse institution hears more, takes longer,
 * satisfies fewer and is escalated to the regulator more often.
 */
public final class CaseGenerator {

  static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

  /** Month weights: Spring Festival lull, 3·15 consumer-rights day, 618 and Double 11 sales. */
  private static final double[] MONTH = {
    1.0, 0.75, 1.25, 1.0, 0.95, 1.05, 1.0, 1.0, 1.0, 0.85, 1.2, 1.1
  };

  private static final double[] WEEKDAY = {1.25, 1.15, 1.1, 1.05, 1.0, 0.6, 0.55};
  private static final double[] HOUR = {
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 2.5, 4.0, 4.5, 4.2, 3.0, 3.5, 4.2, 4.2, 4.0, 3.5, 2.5,
    2.2, 2.0, 1.6, 1.0, 0.5
  };
  private static final String[] CHANNELS = {
    "PHONE", "ONLINE", "BRANCH", "LETTER", "REGULATOR", "MEDIA", "OTHER"
  };
  private static final String[] OUTCOMES = {
    "UPHELD", "PARTIALLY_UPHELD", "NOT_UPHELD", "SETTLED", "WITHDRAWN"
  };
  private static final double[] OUTCOME_WEIGHTS = {28, 22, 22, 22, 6};
  private static final String[] AGE_BANDS = {"UNDER_25", "25_39", "40_59", "60_PLUS"};

  private CaseGenerator() {}

  /**
   * The cases received in {@code year}, in order of receipt.
   *
   * @param count how many the institution receives in the whole year
   */
  public static List<CaseLife> year(
      long seed, Institution institution, boolean worse, int count, int year) {
    Random random = Seeds.random(seed, "cases:" + institution.uscc() + ":" + year);
    LocalDate first = LocalDate.of(year, 1, 1);
    int days = first.lengthOfYear();
    double[] dayWeights = new double[days];
    for (int d = 0; d < days; d++) {
      LocalDate day = first.plusDays(d);
      double spike = day.getMonthValue() == 3 && day.getDayOfMonth() == 15 ? 3.0 : 1.0;
      if (day.getMonthValue() == 11 && day.getDayOfMonth() >= 11 && day.getDayOfMonth() <= 14) {
        spike =
            institution.type().equals("PAYMENT") || institution.type().equals("ONLINE_PLATFORM")
                ? 2.5
                : 1.3;
      }
      dayWeights[d] =
          MONTH[day.getMonthValue() - 1] * WEEKDAY[day.getDayOfWeek().getValue() - 1] * spike;
    }
    Map<String, Integer> categories = new TreeMap<>(Topics.categories(institution.type()));
    List<String> categoryCodes = List.copyOf(categories.keySet());
    double[] categoryWeights = categoryCodes.stream().mapToDouble(c -> categories.get(c)).toArray();
    List<OffsetDateTime> arrivals = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      LocalDate day = first.plusDays(Seeds.weighted(random, dayWeights));
      arrivals.add(
          day.atTime(Seeds.weighted(random, HOUR), random.nextInt(60), random.nextInt(60))
              .atOffset(SHANGHAI));
    }
    arrivals.sort(Comparator.naturalOrder());
    String prefix = institution.uscc().substring(8, 14);
    List<CaseLife> cases = new ArrayList<>();
    for (int n = 0; n < arrivals.size(); n++) {
      String caseNo = "%s-%d-%06d".formatted(prefix, year, n + 1);
      String category = categoryCodes.get(Seeds.weighted(random, categoryWeights));
      cases.add(one(random, institution, worse, caseNo, arrivals.get(n), category));
    }
    return cases;
  }

  /**
   * A hot spot: {@code count} complaints of one category spread over the seven days from {@code
   * monday}, on top of the institution's usual ones (case numbers {@code …-H00001}).
   */
  public static List<CaseLife> burst(
      long seed, Institution institution, String category, LocalDate monday, int count) {
    Random random = Seeds.random(seed, "burst:" + institution.uscc() + ":" + monday);
    String prefix = institution.uscc().substring(8, 14);
    List<CaseLife> cases = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      OffsetDateTime at =
          monday
              .plusDays(n * 7L / count)
              .atTime(Seeds.weighted(random, HOUR), random.nextInt(60))
              .atOffset(SHANGHAI);
      String caseNo = "%s-%d-H%05d".formatted(prefix, monday.getYear(), n + 1);
      cases.add(one(random, institution, false, caseNo, at, category));
    }
    return cases;
  }

  private static CaseLife one(
      Random random,
      Institution institution,
      boolean worse,
      String caseNo,
      OffsetDateTime receivedAt,
      String category) {
    List<Topic> topics = Topics.BY_CATEGORY.get(category);
    double[] topicWeights =
        topics.stream()
            .mapToDouble(
                t ->
                    worse
                            && (t.reason().equals("DEBT_COLLECTION")
                                || t.reason().equals("MIS_SELLING")
                                || t.reason().equals("FEES"))
                        ? 3
                        : 1)
            .toArray();
    Topic topic = topics.get(Seeds.weighted(random, topicWeights));
    String channel = CHANNELS[Seeds.weighted(random, channelWeights(institution.type(), worse))];
    String region = region(random, institution);
    BigDecimal amount = topic.hasAmount() ? amount(random, category) : null;
    Complainant complainant = complainant(random, category);
    String narrative =
        Narratives.write(
            topic, channel, complainant.name(), amount, receivedAt.toLocalDate(), random);

    // Resolution: log-normal days, median 4.5 (worse: 10), so a tail runs past 15 days.
    double median = worse ? 10 : 4.5;
    double days = median * Math.exp(0.9 * random.nextGaussian());
    Duration handling = Duration.ofMinutes(Math.max(30, Math.round(days * 24 * 60)));
    boolean extended = days > 15 ? random.nextInt(100) < 40 : random.nextInt(100) < 3;
    Duration escalatesAfter = null;
    int escalationPct = worse ? 12 : 4;
    if (random.nextInt(100) < escalationPct) {
      escalatesAfter = Duration.ofDays(2 + random.nextInt(6));
      handling = handling.plusDays(10 + random.nextInt(30));
    }
    OffsetDateTime resolvedAt =
        escalatesAfter != null && random.nextInt(100) < 30 ? null : receivedAt.plus(handling);
    boolean unresolved = random.nextInt(100) < (worse ? 15 : 8);
    String closedStatus = unresolved ? "CLOSED_UNRESOLVED" : "RESOLVED";
    String outcome =
        unresolved
            ? (random.nextInt(5) == 0 ? "WITHDRAWN" : "NOT_UPHELD")
            : OUTCOMES[Seeds.weighted(random, OUTCOME_WEIGHTS)];
    BigDecimal redress = redress(random, amount, outcome);
    String satisfaction = satisfaction(random, worse, outcome, days);
    return new CaseLife(
        institution.uscc(),
        caseNo,
        receivedAt,
        channel,
        category,
        topic.reason(),
        topic.demand(),
        amount,
        region,
        complainant,
        narrative,
        resolvedAt,
        closedStatus,
        outcome,
        redress,
        satisfaction,
        extended,
        escalatesAfter);
  }

  private static double[] channelWeights(String type, boolean worse) {
    double[] w =
        switch (type) {
          case "PAYMENT", "ONLINE_PLATFORM", "CONSUMER_FINANCE" ->
              new double[] {25, 52, 0, 3, 10, 8, 2};
          case "INSURER_LIFE", "INSURER_PROPERTY" -> new double[] {45, 20, 12, 8, 10, 3, 2};
          default -> new double[] {40, 25, 16, 5, 9, 3, 2};
        };
    if (worse) {
      w[4] *= 2.5; // referred by the regulator
      w[5] *= 2; // media
    }
    return w;
  }

  private static String region(Random random, Institution institution) {
    boolean local =
        institution.type().equals("BANK_CITY") || institution.type().equals("BANK_RURAL");
    String province =
        random.nextInt(100) < (local ? 85 : 25)
            ? institution.homeProvince()
            : Provinces.draw(random);
    return Provinces.region(random, province);
  }

  private static BigDecimal amount(Random random, String category) {
    double median =
        switch (category) {
          case "MORTGAGE", "WEALTH", "FUND_SALES", "INSURANCE_LIFE" -> 20_000;
          case "INSURANCE_PROPERTY", "FOREX" -> 6_000;
          default -> 900;
        };
    double value = median * Math.exp(1.1 * random.nextGaussian());
    return BigDecimal.valueOf(Math.max(1, value)).setScale(2, RoundingMode.HALF_UP);
  }

  private static Complainant complainant(Random random, String category) {
    String name = random.nextInt(100) < 85 ? PersonalData.name(random) : null;
    String phone = random.nextInt(100) < 75 ? PersonalData.mobile(random) : null;
    String id = random.nextInt(100) < 15 ? PersonalData.residentId(random) : null;
    double[] ages =
        switch (category) {
          case "WEALTH", "FUND_SALES", "INSURANCE_LIFE", "DEPOSIT" -> new double[] {3, 22, 40, 35};
          case "ONLINE_LENDING", "PAYMENT", "CREDIT_CARD" -> new double[] {30, 45, 20, 5};
          default -> new double[] {10, 40, 35, 15};
        };
    String age = random.nextInt(100) < 90 ? AGE_BANDS[Seeds.weighted(random, ages)] : null;
    return new Complainant(name, id, phone, age);
  }

  private static BigDecimal redress(Random random, BigDecimal amount, String outcome) {
    if (amount == null) {
      return null;
    }
    double share =
        switch (outcome) {
          case "UPHELD" -> 1.0;
          case "PARTIALLY_UPHELD" -> 0.3 + 0.5 * random.nextDouble();
          case "SETTLED" -> 0.2 + 0.8 * random.nextDouble();
          default -> 0;
        };
    return share == 0
        ? null
        : amount.multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.HALF_UP);
  }

  private static String satisfaction(Random random, boolean worse, String outcome, double days) {
    if (random.nextInt(100) < 25) {
      return "NOT_SURVEYED";
    }
    double dissatisfied = worse ? 0.45 : 0.15;
    if (outcome.equals("NOT_UPHELD")) {
      dissatisfied += 0.25;
    }
    if (days > 15) {
      dissatisfied += 0.15;
    }
    double r = random.nextDouble();
    if (r < dissatisfied) {
      return "DISSATISFIED";
    }
    return random.nextDouble() < (worse ? 0.45 : 0.65) ? "SATISFIED" : "BASICALLY_SATISFIED";
  }
}

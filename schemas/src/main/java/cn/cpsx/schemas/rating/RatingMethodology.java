package cn.cpsx.schemas.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Integrity-rating methodology v1 (REPORTING-SPEC §7 and §10): from each institution's {@link
 * RatingFigures} to its factor points, score and grade. Pure and deterministic, so batch-jobs, the
 * portal and anyone holding the open data compute the same numbers.
 */
public final class RatingMethodology {

  public static final String VERSION = "v1";

  /** Fewer cases than this in the period: the rating carries the note {@code limited data}. */
  public static final int LIMITED_DATA_BELOW = 30;

  /** Rank of an institution with no cases in the period, for intensity and escalation (§10). */
  static final Ratio NO_CASES_RANK = Ratio.of(1, 2);

  private static final Ratio HALF = Ratio.of(1, 2);

  private RatingMethodology() {}

  /** The factors, in the order they are published, with their maximum points (§7). */
  public enum Factor {
    COMPLAINT_INTENSITY(25, "complaints", "retailCustomers", "per10k", "percentileRank"),
    TIMELINESS(20, "closed", "closedWithinDeadline", "share"),
    RESOLUTION(15, "surveyed", "satisfied", "share"),
    ESCALATION(10, "complaints", "escalated", "share", "percentileRank"),
    REPORTING_DISCIPLINE(10, "due", "goodFilings", "share"),
    SELF_ASSESSMENT(10, "meanSelfScore", "supervisorAdjustment", "adjustmentReason"),
    ENFORCEMENT(10, "minor", "serious", "major");

    private final int maxPoints;
    private final List<String> figures;

    Factor(int maxPoints, String... figures) {
      this.maxPoints = maxPoints;
      this.figures = List.of(figures);
    }

    public int maxPoints() {
      return maxPoints;
    }

    /** The figures behind the factor, by their §10 names, in published order. */
    public List<String> figures() {
      return figures;
    }
  }

  /** One factor of a rating: its points and the figures behind them, as published (§10). */
  public record FactorPoints(
      Factor factor, BigDecimal points, int maxPoints, Map<String, Object> figures) {}

  /**
   * A rating as the methodology computes it.
   *
   * @param score the sum of the rounded factor points, half-up to 1 decimal
   * @param capped true when a major penalty lowered the grade to C
   */
  public record ComputedRating(
      String uscc,
      BigDecimal score,
      String grade,
      boolean capped,
      boolean limitedData,
      List<FactorPoints> factors) {}

  /**
   * Rates every institution given: peer groups are formed by institution type, ranks computed
   * within each. Returns one rating per institution, in the order given.
   */
  public static List<ComputedRating> rate(Collection<RatingFigures> institutions) {
    Map<String, List<RatingFigures>> peerGroups =
        institutions.stream().collect(Collectors.groupingBy(RatingFigures::institutionType));
    Map<String, Ratio> intensityRanks = new HashMap<>();
    Map<String, Ratio> escalationRanks = new HashMap<>();
    for (List<RatingFigures> group : peerGroups.values()) {
      intensityRanks.putAll(percentileRanks(group, RatingMethodology::per10k));
      escalationRanks.putAll(percentileRanks(group, RatingMethodology::escalationShare));
    }
    List<ComputedRating> ratings = new ArrayList<>(institutions.size());
    for (RatingFigures f : institutions) {
      ratings.add(score(f, intensityRanks.get(f.uscc()), escalationRanks.get(f.uscc())));
    }
    return ratings;
  }

  /** Complaints per 10,000 retail customers; null when the institution has no retail customers. */
  public static Ratio per10k(RatingFigures f) {
    return f.retailCustomers() == 0 ? null : Ratio.of(f.complaints() * 10_000, f.retailCustomers());
  }

  static Ratio escalationShare(RatingFigures f) {
    return Ratio.orNull(f.escalated(), f.complaints());
  }

  /**
   * §10 "Percentile rank": among the n members of the peer group with at least one case, (members
   * with a value below x + ½ × members with a value equal to x, itself included) / n. A member with
   * no cases takes ½. A member with cases whose value is undefined (no retail customers) has no
   * rank and is not counted in n: its factor earns half its points, as an empty denominator does.
   */
  static Map<String, Ratio> percentileRanks(
      List<RatingFigures> group, Function<RatingFigures, Ratio> value) {
    Map<String, Ratio> ranks = new HashMap<>();
    List<Map.Entry<String, Ratio>> ranked = new ArrayList<>();
    for (RatingFigures f : group) {
      if (f.complaints() == 0) {
        ranks.put(f.uscc(), NO_CASES_RANK);
      } else if (value.apply(f) != null) {
        ranked.add(Map.entry(f.uscc(), value.apply(f)));
      }
    }
    ranked.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
    long n = ranked.size();
    int i = 0;
    while (i < ranked.size()) {
      int j = i;
      while (j < ranked.size() && ranked.get(j).getValue().sameValueAs(ranked.get(i).getValue())) {
        j++;
      }
      long below = i;
      long equal = j - i;
      // (below + equal / 2) / n, kept exact as (2·below + equal) / 2n
      Ratio rank = Ratio.of(2 * below + equal, 2 * n);
      for (int k = i; k < j; k++) {
        ranks.put(ranked.get(k).getKey(), rank);
      }
      i = j;
    }
    return ranks;
  }

  /** Scores one institution given its two peer-group ranks (null: no rank, half points). */
  public static ComputedRating score(RatingFigures f, Ratio intensityRank, Ratio escalationRank) {
    List<FactorPoints> factors = new ArrayList<>();

    Ratio per10k = per10k(f);
    factors.add(
        factor(
            Factor.COMPLAINT_INTENSITY,
            lowerIsBetter(intensityRank, Factor.COMPLAINT_INTENSITY.maxPoints()),
            "complaints",
            f.complaints(),
            "retailCustomers",
            f.retailCustomers(),
            "per10k",
            published(per10k),
            "percentileRank",
            published(intensityRank)));

    Ratio timeliness = Ratio.orNull(f.closedWithinDeadline(), f.closed());
    factors.add(
        factor(
            Factor.TIMELINESS,
            higherIsBetter(timeliness, Factor.TIMELINESS.maxPoints()),
            "closed",
            f.closed(),
            "closedWithinDeadline",
            f.closedWithinDeadline(),
            "share",
            published(timeliness)));

    Ratio resolution = Ratio.orNull(f.satisfied(), f.surveyed());
    factors.add(
        factor(
            Factor.RESOLUTION,
            higherIsBetter(resolution, Factor.RESOLUTION.maxPoints()),
            "surveyed",
            f.surveyed(),
            "satisfied",
            f.satisfied(),
            "share",
            published(resolution)));

    Ratio escalation = escalationShare(f);
    factors.add(
        factor(
            Factor.ESCALATION,
            lowerIsBetter(escalationRank, Factor.ESCALATION.maxPoints()),
            "complaints",
            f.complaints(),
            "escalated",
            f.escalated(),
            "share",
            published(escalation),
            "percentileRank",
            published(escalationRank)));

    Ratio discipline = Ratio.orNull(f.goodFilings(), f.due());
    factors.add(
        factor(
            Factor.REPORTING_DISCIPLINE,
            higherIsBetter(discipline, Factor.REPORTING_DISCIPLINE.maxPoints()),
            "due",
            f.due(),
            "goodFilings",
            f.goodFilings(),
            "share",
            published(discipline)));

    factors.add(
        factor(
            Factor.SELF_ASSESSMENT,
            selfAssessmentPoints(f),
            "meanSelfScore",
            f.selfScoreSum() == null
                ? null
                : f.selfScoreSum()
                    .divide(BigDecimal.valueOf(6), Ratio.PUBLISHED_SCALE, RoundingMode.HALF_UP),
            "supervisorAdjustment",
            f.supervisorAdjustment().setScale(2, RoundingMode.UNNECESSARY),
            "adjustmentReason",
            f.adjustmentReason()));

    factors.add(
        factor(
            Factor.ENFORCEMENT,
            BigDecimal.valueOf(Math.max(0, 10 - 3 * f.minor() - 6 * f.serious() - 10 * f.major()))
                .setScale(2),
            "minor",
            f.minor(),
            "serious",
            f.serious(),
            "major",
            f.major()));

    BigDecimal score =
        factors.stream()
            .map(FactorPoints::points)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(1, RoundingMode.HALF_UP);
    String grade = grade(score);
    boolean capped = f.major() > 0 && grade.compareTo("C") < 0;
    return new ComputedRating(
        f.uscc(),
        score,
        capped ? "C" : grade,
        capped,
        f.complaints() < LIMITED_DATA_BELOW,
        List.copyOf(factors));
  }

  /** §7: A ≥ 85, B ≥ 70, C ≥ 55, D below; judged on the score rounded to 1 decimal. */
  public static String grade(BigDecimal score) {
    if (score.compareTo(BigDecimal.valueOf(85)) >= 0) {
      return "A";
    }
    if (score.compareTo(BigDecimal.valueOf(70)) >= 0) {
      return "B";
    }
    if (score.compareTo(BigDecimal.valueOf(55)) >= 0) {
      return "C";
    }
    return "D";
  }

  /**
   * Mean self-score × 0.10 = sum / 60, less the supervisor's adjustment, never below 0; no
   * self-assessment filed: 0 points.
   */
  static BigDecimal selfAssessmentPoints(RatingFigures f) {
    if (f.selfScoreSum() == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal exact =
        f.selfScoreSum()
            .divide(BigDecimal.valueOf(60), 40, RoundingMode.HALF_UP)
            .subtract(f.supervisorAdjustment());
    return exact.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal higherIsBetter(Ratio share, int max) {
    return (share == null ? HALF : share).times(max);
  }

  private static BigDecimal lowerIsBetter(Ratio rank, int max) {
    return (rank == null ? HALF : rank).complementTimes(max);
  }

  private static BigDecimal published(Ratio ratio) {
    return ratio == null ? null : ratio.published();
  }

  private static FactorPoints factor(Factor factor, BigDecimal points, Object... figures) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < figures.length; i += 2) {
      map.put((String) figures[i], figures[i + 1]);
    }
    return new FactorPoints(factor, points, factor.maxPoints(), map);
  }
}

package cn.cpsx.portal.publicsite;

import cn.cpsx.portal.opendata.PublicRating;
import cn.cpsx.schemas.rating.RatingFigures;
import cn.cpsx.schemas.rating.RatingMethodology;
import cn.cpsx.schemas.rating.RatingMethodology.ComputedRating;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The methodology page's example: one institution's rating recomputed by {@link RatingMethodology}
 * from published figures alone — its own and its peers' (ranks need the whole peer group) — or,
 * before anything is published, from a fixed illustrative peer group.
 *
 * @param real true when computed from published ratings
 * @param period the period of the published ratings, or null
 * @param name whose rating it is
 * @param peers members of the peer group
 * @param computed what the methodology computes
 * @param published the published rating it was recomputed from, or null
 */
public record WorkedExample(
    boolean real,
    String period,
    String uscc,
    String name,
    String institutionType,
    int peers,
    ComputedRating computed,
    PublicRating published) {

  /** True when the recomputation gives the published points, score and grade. */
  public boolean agrees() {
    if (published == null) {
      return true;
    }
    List<PublicRating.Factor> factors = published.factors();
    for (int i = 0; i < factors.size(); i++) {
      if (factors.get(i).points().compareTo(computed.factors().get(i).points()) != 0) {
        return false;
      }
    }
    return published.item().score().compareTo(computed.score()) == 0
        && published.item().grade().equals(computed.grade());
  }

  /** From the current published ratings of a period: the peer group with the most members. */
  static Optional<WorkedExample> fromPublished(String period, List<PublicRating> ratings) {
    Map<String, List<PublicRating>> groups =
        ratings.stream()
            .collect(java.util.stream.Collectors.groupingBy(r -> r.item().institutionType()));
    Optional<List<PublicRating>> largest =
        groups.values().stream().max(Comparator.comparingInt(List::size));
    if (largest.isEmpty()) {
      return Optional.empty();
    }
    List<PublicRating> group = largest.get();
    List<RatingFigures> figures = new ArrayList<>();
    for (PublicRating r : group) {
      figures.add(figures(r));
    }
    List<ComputedRating> computed = RatingMethodology.rate(figures);
    // the member with the most complaints shows every factor at work
    int pick = 0;
    for (int i = 1; i < group.size(); i++) {
      if (figures.get(i).complaints() > figures.get(pick).complaints()) {
        pick = i;
      }
    }
    PublicRating example = group.get(pick);
    return Optional.of(
        new WorkedExample(
            true,
            period,
            example.item().uscc(),
            example.item().name(),
            example.item().institutionType(),
            group.size(),
            computed.get(pick),
            example));
  }

  /** A fixed peer group of four city banks, used until ratings are published. */
  static WorkedExample illustrative() {
    List<RatingFigures> group =
        List.of(
            new RatingFigures(
                "EXAMPLE-1",
                "BANK_CITY",
                180,
                1_200_000,
                160,
                148,
                90,
                72,
                9,
                4,
                4,
                new BigDecimal("486"),
                new BigDecimal("1.50"),
                "证据不足 / evidence thin",
                1,
                0,
                0),
            new RatingFigures(
                "EXAMPLE-2",
                "BANK_CITY",
                95,
                400_000,
                90,
                88,
                60,
                55,
                2,
                4,
                4,
                new BigDecimal("510"),
                BigDecimal.ZERO,
                null,
                0,
                0,
                0),
            new RatingFigures(
                "EXAMPLE-3",
                "BANK_CITY",
                300,
                900_000,
                250,
                200,
                120,
                70,
                30,
                4,
                3,
                new BigDecimal("450"),
                BigDecimal.ZERO,
                null,
                0,
                1,
                0),
            new RatingFigures(
                "EXAMPLE-4",
                "BANK_CITY",
                0,
                150_000,
                0,
                0,
                0,
                0,
                0,
                4,
                2,
                null,
                BigDecimal.ZERO,
                null,
                0,
                0,
                0));
    ComputedRating first = RatingMethodology.rate(group).getFirst();
    return new WorkedExample(
        false, null, "EXAMPLE-1", null, "BANK_CITY", group.size(), first, null);
  }

  /** §10's counts back from a published rating's figures (shares and ranks are derived). */
  static RatingFigures figures(PublicRating rating) {
    Map<String, Map<String, Object>> f = new java.util.HashMap<>();
    rating.factors().forEach(factor -> f.put(factor.factor(), factor.figures()));
    Map<String, Object> intensity = f.get("COMPLAINT_INTENSITY");
    Map<String, Object> self = f.get("SELF_ASSESSMENT");
    BigDecimal mean = (BigDecimal) decimal(self.get("meanSelfScore"));
    // mean × 6: the mean is published to 10 decimals, which cannot move points rounded to 2
    return new RatingFigures(
        rating.item().uscc(),
        rating.item().institutionType(),
        count(intensity.get("complaints")),
        count(intensity.get("retailCustomers")),
        count(f.get("TIMELINESS").get("closed")),
        count(f.get("TIMELINESS").get("closedWithinDeadline")),
        count(f.get("RESOLUTION").get("surveyed")),
        count(f.get("RESOLUTION").get("satisfied")),
        count(f.get("ESCALATION").get("escalated")),
        (int) count(f.get("REPORTING_DISCIPLINE").get("due")),
        (int) count(f.get("REPORTING_DISCIPLINE").get("goodFilings")),
        mean == null ? null : mean.multiply(BigDecimal.valueOf(6)),
        (BigDecimal) decimal(self.get("supervisorAdjustment")),
        (String) self.get("adjustmentReason"),
        (int) count(f.get("ENFORCEMENT").get("minor")),
        (int) count(f.get("ENFORCEMENT").get("serious")),
        (int) count(f.get("ENFORCEMENT").get("major")));
  }

  private static long count(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Object decimal(Object value) {
    return switch (value) {
      case null -> null;
      case BigDecimal d -> d;
      case Number n -> BigDecimal.valueOf(n.longValue());
      default -> new BigDecimal(value.toString());
    };
  }
}

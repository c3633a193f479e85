package cn.cpsx.schemas.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cpsx.schemas.rating.RatingMethodology.ComputedRating;
import cn.cpsx.schemas.rating.RatingMethodology.Factor;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every expectation here is worked out by hand from REPORTING-SPEC §7 and §10. */
class RatingMethodologyTest {

  /** A bank with the given counts; everything else neutral and fully on time. */
  private static RatingFigures bank(
      String uscc, long complaints, long retailCustomers, long escalated) {
    return figures(uscc, "BANK_CITY", complaints, retailCustomers, escalated, "234", 0, 0, 0);
  }

  private static RatingFigures figures(
      String uscc,
      String type,
      long complaints,
      long retailCustomers,
      long escalated,
      String selfScoreSum,
      int minor,
      int serious,
      int major) {
    return new RatingFigures(
        uscc,
        type,
        complaints,
        retailCustomers,
        100,
        99,
        1,
        1,
        escalated,
        5,
        5,
        selfScoreSum == null ? null : new BigDecimal(selfScoreSum),
        null,
        null,
        minor,
        serious,
        major);
  }

  private static Map<String, ComputedRating> rate(RatingFigures... institutions) {
    return RatingMethodology.rate(List.of(institutions)).stream()
        .collect(Collectors.toMap(ComputedRating::uscc, r -> r));
  }

  private static BigDecimal points(ComputedRating rating, Factor factor) {
    return rating.factors().stream()
        .filter(f -> f.factor() == factor)
        .findFirst()
        .orElseThrow()
        .points();
  }

  @Test
  void eachFactorEarnsItsHandComputedPoints() {
    // Two banks; A has the lower intensity (10/10k vs 20/10k) and the lower escalation share.
    ComputedRating a = rate(bank("A", 100, 100_000, 1), bank("B", 100, 50_000, 10)).get("A");
    assertThat(points(a, Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("18.75"); // 25×(1−¼)
    assertThat(points(a, Factor.TIMELINESS)).isEqualByComparingTo("19.80"); // 20×99/100
    assertThat(points(a, Factor.RESOLUTION)).isEqualByComparingTo("15.00"); // 15×1/1
    assertThat(points(a, Factor.ESCALATION)).isEqualByComparingTo("7.50"); // 10×(1−¼)
    assertThat(points(a, Factor.REPORTING_DISCIPLINE)).isEqualByComparingTo("10.00"); // 10×5/5
    assertThat(points(a, Factor.SELF_ASSESSMENT)).isEqualByComparingTo("3.90"); // 234/6×0.10
    assertThat(points(a, Factor.ENFORCEMENT)).isEqualByComparingTo("10.00");
    assertThat(a.factors())
        .extracting(f -> f.factor().maxPoints())
        .containsExactly(25, 20, 15, 10, 10, 10, 10);
    assertThat(a.factors().get(0).figures())
        .containsEntry("complaints", 100L)
        .containsEntry("retailCustomers", 100_000L)
        .containsEntry("per10k", new BigDecimal("10.0000000000"))
        .containsEntry("percentileRank", new BigDecimal("0.2500000000"));
  }

  @Test
  void scoreOf84point95RoundsTo85AndIsAnA() {
    ComputedRating a = rate(bank("A", 100, 100_000, 1), bank("B", 100, 50_000, 10)).get("A");
    // 18.75 + 19.80 + 15.00 + 7.50 + 10.00 + 3.90 + 10.00 = 84.95 → 85.0
    assertThat(a.score()).isEqualByComparingTo("85.0");
    assertThat(a.score().scale()).isEqualTo(1);
    assertThat(a.grade()).isEqualTo("A");
  }

  @Test
  void scoreOf84point94RoundsTo84point9AndIsAB() {
    RatingFigures a = figures("A", "BANK_CITY", 100, 100_000, 1, "233.4", 0, 0, 0);
    // self-assessment 233.4 / 60 = 3.89 → total 84.94 → 84.9
    ComputedRating rating = rate(a, bank("B", 100, 50_000, 10)).get("A");
    assertThat(rating.score()).isEqualByComparingTo("84.9");
    assertThat(rating.grade()).isEqualTo("B");
  }

  @Test
  void gradeEdgesAreInclusive() {
    assertThat(RatingMethodology.grade(new BigDecimal("85.0"))).isEqualTo("A");
    assertThat(RatingMethodology.grade(new BigDecimal("84.9"))).isEqualTo("B");
    assertThat(RatingMethodology.grade(new BigDecimal("70.0"))).isEqualTo("B");
    assertThat(RatingMethodology.grade(new BigDecimal("69.9"))).isEqualTo("C");
    assertThat(RatingMethodology.grade(new BigDecimal("55.0"))).isEqualTo("C");
    assertThat(RatingMethodology.grade(new BigDecimal("54.9"))).isEqualTo("D");
  }

  @Test
  void tiedValuesShareOneRankAndPointsRoundHalfUp() {
    // per10k: A 5, B 10, C 10 (20/20000 = 10 too: equal values, different spelling), D 40
    Map<String, ComputedRating> r =
        rate(
            bank("A", 50, 100_000, 0),
            bank("B", 100, 100_000, 0),
            bank("C", 20, 20_000, 0),
            bank("D", 400, 100_000, 0));
    // A: (0 + ½)/4 = 0.125 → 25×0.875 = 21.875 → 21.88
    assertThat(points(r.get("A"), Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("21.88");
    // B, C: (1 + ½×2)/4 = 0.5 → 12.50 each
    assertThat(points(r.get("B"), Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("12.50");
    assertThat(points(r.get("C"), Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("12.50");
    // D: (3 + ½)/4 = 0.875 → 25×0.125 = 3.125 → 3.13
    assertThat(points(r.get("D"), Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("3.13");
    // every escalation share is 0: all tie, rank (0 + ½×4)/4 = ½ → 5.00
    assertThat(r.values())
        .allSatisfy(x -> assertThat(points(x, Factor.ESCALATION)).isEqualByComparingTo("5.00"));
  }

  @Test
  void aLoneInstitutionInItsPeerGroupRanksOneHalf() {
    ComputedRating lone =
        rate(figures("L", "PAYMENT", 40, 1_000, 40, "600", 0, 0, 0), bank("B", 100, 50_000, 10))
            .get("L");
    assertThat(points(lone, Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("12.50");
    assertThat(points(lone, Factor.ESCALATION)).isEqualByComparingTo("5.00");
  }

  @Test
  void ranksCountOnlyPeersWithCasesAndAnInstitutionWithoutCasesTakesOneHalf() {
    Map<String, ComputedRating> r =
        rate(bank("A", 10, 100_000, 0), bank("B", 30, 100_000, 3), bank("Z", 0, 100_000, 0));
    // n = 2 (Z has no case): A (0+½)/2 = ¼ → 18.75; B (1+½)/2 = ¾ → 6.25
    assertThat(points(r.get("A"), Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("18.75");
    assertThat(points(r.get("B"), Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("6.25");
    assertThat(points(r.get("Z"), Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("12.50");
    assertThat(points(r.get("Z"), Factor.ESCALATION)).isEqualByComparingTo("5.00");
    assertThat(r.get("Z").factors().get(3).figures()).containsEntry("share", null);
  }

  @Test
  void emptyDenominatorsGiveNullSharesAndHalfThePoints() {
    RatingFigures empty =
        new RatingFigures("E", "BANK_RURAL", 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, 0, 0, 0);
    ComputedRating rating = rate(empty).get("E");
    assertThat(points(rating, Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("12.50");
    assertThat(points(rating, Factor.TIMELINESS)).isEqualByComparingTo("10.00");
    assertThat(points(rating, Factor.RESOLUTION)).isEqualByComparingTo("7.50");
    assertThat(points(rating, Factor.ESCALATION)).isEqualByComparingTo("5.00");
    assertThat(points(rating, Factor.REPORTING_DISCIPLINE)).isEqualByComparingTo("5.00");
    assertThat(points(rating, Factor.SELF_ASSESSMENT)).isEqualByComparingTo("0.00"); // none filed
    assertThat(points(rating, Factor.ENFORCEMENT)).isEqualByComparingTo("10.00");
    assertThat(rating.factors().get(0).figures()).containsEntry("per10k", null);
    assertThat(rating.factors().get(1).figures()).containsEntry("share", null);
    assertThat(rating.factors().get(5).figures()).containsEntry("meanSelfScore", null);
    // 12.5 + 10 + 7.5 + 5 + 5 + 0 + 10 = 50.0
    assertThat(rating.score()).isEqualByComparingTo("50.0");
    assertThat(rating.grade()).isEqualTo("D");
    assertThat(rating.limitedData()).isTrue();
  }

  @Test
  void aMajorPenaltyCapsTheGradeAtC() {
    // Without penalties A scores 85.0 (see above); a major penalty takes all 10 enforcement
    // points (75.0, B) and caps the grade at C.
    RatingFigures a = figures("A", "BANK_CITY", 100, 100_000, 1, "234", 0, 0, 1);
    ComputedRating rating = rate(a, bank("B", 100, 50_000, 10)).get("A");
    assertThat(rating.score()).isEqualByComparingTo("75.0");
    assertThat(rating.grade()).isEqualTo("C");
    assertThat(rating.capped()).isTrue();
  }

  @Test
  void aMajorPenaltyOnADGradeLeavesItDAndNotCapped() {
    RatingFigures d =
        new RatingFigures("D", "BANK_RURAL", 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, 0, 0, 1);
    ComputedRating rating = rate(d).get("D");
    assertThat(rating.grade()).isEqualTo("D");
    assertThat(rating.capped()).isFalse();
  }

  @Test
  void enforcementLosesThreeSixAndTenPointsAndStopsAtZero() {
    assertThat(
            points(
                rate(figures("X", "PAYMENT", 1, 1, 0, null, 1, 0, 0)).get("X"), Factor.ENFORCEMENT))
        .isEqualByComparingTo("7.00");
    assertThat(
            points(
                rate(figures("X", "PAYMENT", 1, 1, 0, null, 1, 1, 0)).get("X"), Factor.ENFORCEMENT))
        .isEqualByComparingTo("1.00");
    assertThat(
            points(
                rate(figures("X", "PAYMENT", 1, 1, 0, null, 2, 1, 0)).get("X"), Factor.ENFORCEMENT))
        .isEqualByComparingTo("0.00");
  }

  @Test
  void limitedDataBelowThirtyCases() {
    assertThat(rate(bank("A", 29, 1000, 0)).get("A").limitedData()).isTrue();
    assertThat(rate(bank("A", 30, 1000, 0)).get("A").limitedData()).isFalse();
  }

  @Test
  void aSupervisorAdjustmentLowersTheSelfAssessmentButNotBelowZero() {
    RatingFigures a =
        bank("A", 100, 100_000, 1).withAdjustment(new BigDecimal("1.50"), "evidence thin");
    ComputedRating rating = rate(a).get("A");
    assertThat(points(rating, Factor.SELF_ASSESSMENT)).isEqualByComparingTo("2.40"); // 3.90 − 1.50
    assertThat(rating.factors().get(5).figures())
        .containsEntry("supervisorAdjustment", new BigDecimal("1.50"))
        .containsEntry("adjustmentReason", "evidence thin");
    RatingFigures b =
        bank("B", 100, 100_000, 1).withAdjustment(new BigDecimal("9.99"), "no evidence");
    assertThat(points(rate(b).get("B"), Factor.SELF_ASSESSMENT)).isEqualByComparingTo("0.00");
  }

  @Test
  void anAdjustmentWithoutAReasonIsRefused() {
    assertThatThrownBy(() -> bank("A", 1, 1, 0).withAdjustment(BigDecimal.ONE, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
  }

  @Test
  void peerGroupsAreRankedApart() {
    // The same figures in two types: each is alone in its group, so both rank ½.
    Map<String, ComputedRating> r =
        rate(
            figures("P", "PAYMENT", 10, 1000, 0, null, 0, 0, 0),
            figures("Q", "PAYMENT", 20, 1000, 0, null, 0, 0, 0),
            figures("I", "INSURER_LIFE", 500, 1000, 0, null, 0, 0, 0));
    assertThat(points(r.get("I"), Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("12.50");
    assertThat(points(r.get("P"), Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("18.75");
    assertThat(points(r.get("Q"), Factor.COMPLAINT_INTENSITY)).isEqualByComparingTo("6.25");
  }
}

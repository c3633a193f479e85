package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * STATS_Q and SELF_ASSESSMENT: one test per rule, each with a filing that breaks only that rule (or
 * the rule's boundary).
 */
class FilingValidatorPeriodicTest {

  static final String USCC = "91110000770914530P";
  // 2026-10-10 10:00 Shanghai: Q3 2026 has ended and is due 2026-10-15; the year 2025 is due
  // 2026-03-31.
  static final Instant OCT_10 = Instant.parse("2026-10-10T02:00:00Z");
  static final Instant MAR_1 = Instant.parse("2026-03-01T02:00:00Z");

  final FilingValidator validator = new FilingValidator();

  @Test
  void consistentQuarterlyStatisticsAreAccepted() {
    assertThat(
            validate(stats("2026-Q3", statistics(100, 100, 100, 100)), OCT_10, history(100))
                .findings())
        .isEmpty();
  }

  @Test
  void breakdownNotAddingUpToReceivedIsS001() {
    assertThat(rules(stats("2026-Q3", statistics(100, 99, 100, 100)), OCT_10, history(100)))
        .containsExactly(Rule.S001);
  }

  @Test
  void closedWithin15DaysAboveClosedIsS002() {
    String body =
        stats("2026-Q3", statistics(100, 100, 100, 100))
            .replace("\"closedWithin15Days\":80", "\"closedWithin15Days\":91");
    assertThat(rules(body, OCT_10, history(100))).containsExactly(Rule.S002);
  }

  @Test
  void receivedFarFromTheCaseRecordsIsS003ButNotAtFivePercent() {
    assertThat(rules(stats("2026-Q3", statistics(100, 100, 100, 100)), OCT_10, history(94)))
        .containsExactly(Rule.S003);
    assertThat(rules(stats("2026-Q3", statistics(100, 100, 100, 100)), OCT_10, history(95)))
        .isEmpty();
  }

  @Test
  void testFilingsSkipS003() {
    String body = stats("2026-Q3", statistics(100, 100, 100, 100)).replace("\"LIVE\"", "\"TEST\"");
    assertThat(rules(body, OCT_10, history(0))).isEmpty();
  }

  @Test
  void unknownCodeInABreakdownIsC001AndABadProvinceC005() {
    String body =
        stats("2026-Q3", statistics(100, 100, 100, 100))
            .replace("\"channel\":\"PHONE\"", "\"channel\":\"PIGEON\"")
            .replace("\"province\":\"440000\"", "\"province\":\"440300\"");
    assertThat(rules(body, OCT_10, history(100))).containsExactlyInAnyOrder(Rule.C001, Rule.C005);
  }

  @Test
  void quarterNotEndedOrMalformedIsF007() {
    assertThat(rules(stats("2026-Q4", statistics(100, 100, 100, 100)), OCT_10, history(100)))
        .containsExactly(Rule.F007);
    assertThat(rules(stats("2026Q3", statistics(100, 100, 100, 100)), OCT_10, history(100)))
        .containsExactly(Rule.F007);
  }

  @Test
  void quarterEndsAtMidnightShanghaiTime() {
    // 2026-09-30T16:00Z is 2026-10-01 00:00 in Shanghai: Q3 has just ended.
    assertThat(
            rules(
                stats("2026-Q3", statistics(0, 0, 0, 0)),
                Instant.parse("2026-09-30T16:00:00Z"),
                history(0)))
        .isEmpty();
    assertThat(
            rules(
                stats("2026-Q3", statistics(0, 0, 0, 0)),
                Instant.parse("2026-09-30T15:59:59Z"),
                history(0)))
        .containsExactly(Rule.F007);
  }

  @Test
  void dueDayIsInclusiveUntilMidnightShanghaiThenF008() {
    String body = stats("2026-Q3", statistics(0, 0, 0, 0));
    assertThat(rules(body, Instant.parse("2026-10-15T15:59:59Z"), history(0))).isEmpty();
    FilingValidation late = validate(body, Instant.parse("2026-10-15T16:00:00Z"), history(0));
    assertThat(late.findings()).extracting(Finding::rule).containsExactly(Rule.F008);
    assertThat(late.outcome()).isEqualTo(FilingOutcome.ACCEPTED_WITH_WARNINGS);
  }

  @Test
  void secondFilingForATakenPeriodWithoutSupersedesIsF009() {
    FilingHistory taken = history(100, "F-FIRST");
    assertThat(rules(stats("2026-Q3", statistics(100, 100, 100, 100)), OCT_10, taken))
        .containsExactly(Rule.F009);
  }

  @Test
  void amendmentNamingTheCurrentFilingIsAcceptedAndNamingAnotherIsF009() {
    FilingHistory taken = history(100, "F-FIRST");
    String amendment =
        stats("2026-Q3", statistics(100, 100, 100, 100))
            .replace("\"mode\":\"LIVE\"", "\"mode\":\"LIVE\",\"supersedes\":\"F-FIRST\"");
    assertThat(rules(amendment, OCT_10, taken)).isEmpty();
    assertThat(rules(amendment.replace("F-FIRST", "F-OTHER"), OCT_10, taken))
        .containsExactly(Rule.F009);
    assertThat(rules(amendment, OCT_10, history(100))).containsExactly(Rule.F009);
  }

  @Test
  void completeSelfAssessmentIsAccepted() {
    assertThat(validate(assessment("2025", 70, "有制度文件"), MAR_1, history(0)).outcome())
        .isEqualTo(FilingOutcome.ACCEPTED);
  }

  @Test
  void scoreOutsideZeroToHundredIsA001() {
    assertThat(rules(assessment("2025", 101, "有制度文件"), MAR_1, history(0)))
        .containsExactly(Rule.A001);
  }

  @Test
  void percentageOutsideZeroToHundredIsA001() {
    String body =
        assessment("2025", 70, "有制度文件")
            .replace("\"staffTrainedPct\":92.5", "\"staffTrainedPct\":-1");
    assertThat(rules(body, MAR_1, history(0))).containsExactly(Rule.A001);
  }

  @Test
  void highScoreWithBlankEvidenceIsA002ButEightyIsNot() {
    assertThat(rules(assessment("2025", 81, "\u3000 "), MAR_1, history(0)))
        .containsExactly(Rule.A002);
    assertThat(rules(assessment("2025", 80, ""), MAR_1, history(0))).isEmpty();
  }

  @Test
  void unknownDimensionIsC001AndAMissingOneF002() {
    String body = assessment("2025", 70, "x").replace("\"EDUCATION\"", "\"MARKETING\"");
    assertThat(rules(body, MAR_1, history(0))).containsExactlyInAnyOrder(Rule.C001, Rule.F002);
  }

  @Test
  void selfAssessmentDueOnThirtyFirstOfMarch() {
    assertThat(
            rules(assessment("2025", 70, "x"), Instant.parse("2026-03-31T15:59:59Z"), history(0)))
        .isEmpty();
    assertThat(
            rules(assessment("2025", 70, "x"), Instant.parse("2026-03-31T16:00:00Z"), history(0)))
        .containsExactly(Rule.F008);
    assertThat(rules(assessment("2026", 70, "x"), OCT_10, history(0))).containsExactly(Rule.F007);
  }

  @Test
  void unknownFilingTypeIsF002NamingTheType() {
    FilingValidation result =
        validate(
            "{\"specVersion\":\"1\",\"filingType\":\"STATS_Y\",\"institution\":\"" + USCC + "\"}",
            OCT_10,
            history(0));
    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.F002);
              assertThat(f.messageEn()).contains("STATS_Y");
            });
  }

  @Test
  void moreThanFiftyThousandRecordsIsF003() {
    String cases = "{},".repeat(FilingValidator.MAX_CASE_RECORDS) + "{}";
    String body =
        "{\"specVersion\":\"1\",\"filingType\":\"CASES\",\"institution\":\""
            + USCC
            + "\",\"mode\":\"LIVE\",\"cases\":["
            + cases
            + "]}";
    assertThat(rules(body, OCT_10, history(0))).containsExactly(Rule.F003);
  }

  @Test
  void unknownOrRevokedInstitutionIsF006() {
    FilingValidation result =
        validator.validateJson(
            stats("2026-Q3", statistics(0, 0, 0, 0)).getBytes(StandardCharsets.UTF_8),
            new FilingContext(USCC, OCT_10, uscc -> false, history(0)));
    assertThat(result.findings()).extracting(Finding::rule).containsExactly(Rule.F006);
  }

  private java.util.List<Rule> rules(String body, Instant at, FilingHistory history) {
    return validate(body, at, history).findings().stream().map(Finding::rule).toList();
  }

  private FilingValidation validate(String body, Instant at, FilingHistory history) {
    return validator.validateJson(
        body.getBytes(StandardCharsets.UTF_8), new FilingContext(USCC, at, uscc -> true, history));
  }

  static FilingHistory history(long casesInQuarter) {
    return history(casesInQuarter, null);
  }

  static FilingHistory history(long casesInQuarter, String current) {
    return new FilingHistory() {
      @Override
      public Optional<String> currentFiling(String uscc, String filingType, String period) {
        return Optional.ofNullable(current);
      }

      @Override
      public long casesReceivedBetween(String uscc, Instant from, Instant to) {
        return casesInQuarter;
      }
    };
  }

  static String stats(String period, String statistics) {
    return "{\"specVersion\":\"1\",\"filingType\":\"STATS_Q\",\"institution\":\""
        + USCC
        + "\",\"mode\":\"LIVE\",\"period\":\""
        + period
        + "\",\"statistics\":"
        + statistics
        + "}";
  }

  /** Received {@code received}; each breakdown adds up to the given total. */
  static String statistics(int received, int byCategory, int byChannel, int byProvince) {
    int closed = received * 9 / 10;
    return """
        {"received":%d,"closed":%d,"closedWithin15Days":%d,"overdueOpen":0,"upheld":%d,
         "redressTotal":"12800.50","satisfiedOrBasically":%d,"surveyed":%d,
         "byCategoryReason":[{"businessCategory":"CREDIT_CARD","reason":"FEES","count":%d}],
         "byChannel":[{"channel":"PHONE","count":%d}],
         "byProvince":[{"province":"440000","count":%d}]}
        """
        .formatted(
            received,
            closed,
            received * 8 / 10,
            received / 2,
            received / 2,
            received * 6 / 10,
            byCategory,
            byChannel,
            byProvince)
        .replace(
            "\"closedWithin15Days\":" + received * 8 / 10,
            "\"closedWithin15Days\":" + (received == 100 ? 80 : received * 8 / 10));
  }

  static String assessment(String period, int firstScore, String firstEvidence) {
    StringBuilder scores = new StringBuilder();
    String[] dimensions = {
      "GOVERNANCE",
      "PRODUCT_REVIEW",
      "DISCLOSURE",
      "COMPLAINT_HANDLING",
      "INFO_PROTECTION",
      "EDUCATION"
    };
    for (int i = 0; i < dimensions.length; i++) {
      scores
          .append(i == 0 ? "" : ",")
          .append("{\"dimension\":\"")
          .append(dimensions[i])
          .append("\",\"score\":")
          .append(i == 0 ? firstScore : 75)
          .append(",\"evidence\":\"")
          .append(i == 0 ? firstEvidence : "董事会年度审议记录")
          .append("\"}");
    }
    return "{\"specVersion\":\"1\",\"filingType\":\"SELF_ASSESSMENT\",\"institution\":\""
        + USCC
        + "\",\"mode\":\"LIVE\",\"period\":\""
        + period
        + "\",\"assessment\":{\"retailCustomers\":680000000,"
        + "\"boardReviews\":2,\"dedicatedDepartment\":true,\"cpStaff\":120,\"staffTrainedPct\":92.5,"
        + "\"productsReviewed\":340,\"educationCampaigns\":25,\"peopleReached\":1200000,"
        + "\"infoSecurityIncidents\":1,\"partnersAudited\":18,\"selfScores\":["
        + scores
        + "]}}";
  }
}

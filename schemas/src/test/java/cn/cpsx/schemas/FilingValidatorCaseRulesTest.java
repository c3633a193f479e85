package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One CASES rule per test, each with a filing of one good record changed to break only it. */
class FilingValidatorCaseRulesTest {

  static final String USCC = "91110000770914530P";
  static final Instant FILED = Instant.parse("2026-10-16T02:00:00Z"); // 10:00 Shanghai

  final FilingValidator validator = new FilingValidator();

  @Test
  void theBaseRecordBreaksNoRule() {
    assertThat(rules(GOOD)).isEmpty();
  }

  @Test
  void wrongUsccCheckCharacterIsF004() {
    assertThat(rules(filing(GOOD).replace(USCC, "91110000770914530Q"), USCC))
        .containsExactly(Rule.F004);
  }

  @Test
  void receivedInTheFutureIsC002() {
    assertThat(rules(GOOD.replace("2026-10-15T09:00:00+08:00", "2026-10-16T11:00:00+08:00")))
        .containsExactly(Rule.C002);
  }

  @Test
  void resolvedBeforeReceivedIsC003() {
    assertThat(
            rules(
                RESOLVED.replace(
                    "\"resolvedAt\":\"2026-10-15T18:00:00+08:00\"",
                    "\"resolvedAt\":\"2026-10-15T08:00:00+08:00\"")))
        .containsExactly(Rule.C003);
  }

  @Test
  void duplicateCaseNoIsC006OnTheSecondRecordOnly() {
    FilingValidation result = validate(filing(GOOD + "," + GOOD), USCC);
    assertThat(result.findings())
        .extracting(Finding::rule, Finding::record)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.C006, 1));
  }

  @Test
  void idNumberWithAWrongCheckDigitIsTheWarningC007() {
    FilingValidation result =
        validate(
            filing(
                GOOD.replace(
                    "\"status\"",
                    "\"complainant\":{\"idNumber\":\"110105194912310021\"},\"status\"")),
            USCC);
    assertThat(result.findings()).extracting(Finding::rule).containsExactly(Rule.C007);
    assertThat(result.outcome()).isEqualTo(FilingOutcome.ACCEPTED_WITH_WARNINGS);
  }

  @Test
  void openCaseFiledMoreThanFiveDaysAfterReceiptIsC008ButFiveDaysIsOnTime() {
    assertThat(rules(GOOD.replace("2026-10-15T09:00:00+08:00", "2026-10-11T09:59:59+08:00")))
        .containsExactly(Rule.C008);
    assertThat(rules(GOOD.replace("2026-10-15T09:00:00+08:00", "2026-10-11T10:00:00+08:00")))
        .isEmpty();
  }

  @Test
  void resolvedCaseIsLateFromItsResolvedAt() {
    String old = RESOLVED.replace("2026-10-15T09:00:00+08:00", "2026-09-01T09:00:00+08:00");
    assertThat(rules(old)).as("received long ago, resolved yesterday: on time").isEmpty();
  }

  @Test
  void unknownAgeBandIsC001NamingTheNestedField() {
    FilingValidation result =
        validate(
            filing(
                GOOD.replace("\"status\"", "\"complainant\":{\"ageBand\":\"90_PLUS\"},\"status\"")),
            USCC);
    assertThat(result.findings())
        .extracting(Finding::rule, Finding::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.C001, "complainant.ageBand"));
  }

  static final String GOOD =
      """
      {"caseNo":"R-1","receivedAt":"2026-10-15T09:00:00+08:00","channel":"PHONE","businessCategory":"DEPOSIT",
       "reason":"FEES","demand":"REFUND","region":"110101","narrative":"客户投诉账户管理费收取不合理。","status":"RECEIVED"}
      """;
  static final String RESOLVED =
      GOOD.replace(
          "\"status\":\"RECEIVED\"",
          "\"status\":\"RESOLVED\",\"resolvedAt\":\"2026-10-15T18:00:00+08:00\",\"outcome\":\"SETTLED\"");

  private List<Rule> rules(String record) {
    return rules(filing(record), USCC);
  }

  private List<Rule> rules(String filing, String authenticated) {
    return validate(filing, authenticated).findings().stream().map(Finding::rule).toList();
  }

  private FilingValidation validate(String filing, String authenticated) {
    return validator.validateJson(
        filing.getBytes(StandardCharsets.UTF_8),
        new FilingContext(authenticated, FILED, u -> true, FilingHistory.none()));
  }

  private static String filing(String records) {
    return "{\"specVersion\":\"1\",\"filingType\":\"CASES\",\"institution\":\""
        + USCC
        + "\",\"mode\":\"LIVE\",\"cases\":["
        + records
        + "]}";
  }
}

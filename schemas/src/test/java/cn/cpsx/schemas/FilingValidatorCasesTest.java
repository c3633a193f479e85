package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FilingValidatorCasesTest {

  private static final String USCC = "91110000770914530P";
  private static final FilingContext FILED_ON_TIME =
      new FilingContext(
          USCC, Instant.parse("2026-10-16T02:00:00Z"), uscc -> true, FilingHistory.none());

  private final FilingValidator validator = new FilingValidator();

  @Test
  void validSampleIsAcceptedWithBothRecords() throws IOException {
    FilingValidation result =
        validator.validateJson(sample("valid/cases-live.json"), FILED_ON_TIME);

    assertThat(result.findings()).isEmpty();
    assertThat(result.outcome()).isEqualTo(FilingOutcome.ACCEPTED);
    assertThat(result.acceptedCases())
        .extracting(FilingValidation.AcceptedCase::caseNo)
        .containsExactly("TS-2026-000123", "TS-2026-000124");
  }

  @Test
  void malformedJsonRejectsTheFilingWithF001() throws IOException {
    FilingValidation result =
        validator.validateJson(sample("invalid/cases-f001-bad-json.json"), FILED_ON_TIME);

    assertThat(result.outcome()).isEqualTo(FilingOutcome.REJECTED);
    assertThat(result.findings()).extracting(Finding::rule).containsExactly(Rule.F001);
    assertThat(result.findings().getFirst().messageZh()).contains("格式不正确");
  }

  @Test
  void duplicateKeysAreAmbiguousAndSoF001() {
    byte[] body =
        """
        {"specVersion":"1","specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[]}
        """
            .formatted(USCC)
            .getBytes(StandardCharsets.UTF_8);

    assertThat(validator.validateJson(body, FILED_ON_TIME).findings())
        .extracting(Finding::rule)
        .containsExactly(Rule.F001);
  }

  @Test
  void leadingBomIsSkipped() throws IOException {
    byte[] sample = sample("valid/cases-live.json");
    byte[] withBom = new byte[sample.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(sample, 0, withBom, 3, sample.length);

    assertThat(validator.validateJson(withBom, FILED_ON_TIME).outcome())
        .isEqualTo(FilingOutcome.ACCEPTED);
  }

  @Test
  void missingEnvelopeFieldRejectsTheFilingWithF002NamingTheField() throws IOException {
    FilingValidation result =
        validator.validateJson(sample("invalid/cases-f002-missing-mode.json"), FILED_ON_TIME);

    assertThat(result.outcome()).isEqualTo(FilingOutcome.REJECTED);
    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.F002);
              assertThat(f.field()).isEqualTo("mode");
              assertThat(f.record()).isNull();
            });
  }

  @Test
  void foreignInstitutionIsF005() throws IOException {
    FilingContext other =
        new FilingContext(
            "91110000710935732K", FILED_ON_TIME.receivedAt(), uscc -> true, FilingHistory.none());

    assertThat(validator.validateJson(sample("valid/cases-live.json"), other).findings())
        .extracting(Finding::rule)
        .containsExactly(Rule.F005);
  }

  @Test
  void recordProblemsRejectOnlyTheirRecordsAndAboveTwentyPercentTheFiling() throws IOException {
    FilingValidation result =
        validator.validateJson(sample("invalid/cases-records-c001-c005.json"), FILED_ON_TIME);

    assertThat(result.findings())
        .extracting(Finding::rule, Finding::record, Finding::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Rule.C001, 0, "channel"),
            org.assertj.core.groups.Tuple.tuple(Rule.C005, 1, "region"));
    assertThat(result.rejectedRecords()).isEqualTo(2);
    assertThat(result.outcome()).isEqualTo(FilingOutcome.REJECTED);
    assertThat(result.acceptedCases()).isEmpty();
  }

  @Test
  void oneBadRecordInFiveIsPartiallyAccepted() {
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      cases.append(i == 0 ? "" : ",").append(record("P-" + i, i == 3 ? "" : "RESOLVED"));
    }
    FilingValidation result = validator.validateJson(filing(cases.toString()), FILED_ON_TIME);

    assertThat(result.outcome()).isEqualTo(FilingOutcome.PARTIALLY_ACCEPTED);
    assertThat(result.acceptedCases()).hasSize(4);
    assertThat(result.findings()).extracting(Finding::record).containsOnly(3);
  }

  @Test
  void resolvedWithoutResolvedAtIsC004AndShortNarrativeAfterIdeographicSpaceIsC009() {
    String record =
        """
        {"caseNo":"S-1","receivedAt":"2026-10-13T09:00:00+08:00","channel":"PHONE",
         "businessCategory":"DEPOSIT","reason":"FEES","demand":"REFUND","region":"110101",
         "narrative":"\u3000\u3000太短了\u3000","status":"RESOLVED","outcome":"UPHELD"}
        """;
    FilingValidation result = validator.validateJson(filing(record), FILED_ON_TIME);

    assertThat(result.findings())
        .extracting(Finding::rule)
        .containsExactlyInAnyOrder(Rule.C004, Rule.C009);
  }

  private static String record(String caseNo, String status) {
    return """
        {"caseNo":"%s","receivedAt":"2026-10-13T09:00:00+08:00","channel":"PHONE",
         "businessCategory":"DEPOSIT","reason":"FEES","demand":"REFUND","region":"110101",
         "narrative":"客户投诉账户管理费收取不合理。","status":"%s",
         "resolvedAt":"2026-10-14T09:00:00+08:00","outcome":"SETTLED"}
        """
        .formatted(caseNo, status.isEmpty() ? "NOT_A_STATUS" : status);
  }

  private static byte[] filing(String cases) {
    return """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[%s]}
        """
        .formatted(USCC, cases)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sample(String name) throws IOException {
    return Files.readAllBytes(Path.of("samples", name));
  }
}

package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values PostgreSQL could not store or the rules could not compute with: each was accepted once and
 * then broke batch-jobs (a NUL or lone surrogate fails the jsonb insert, 1e-999999999 overflows
 * numeric, 1e308 broke {@code asLong()}, {@code 100000.0} broke the rating job's {@code ::bigint}).
 */
class StorableValuesTest {

  static final String USCC = "91110000770914530P";
  static final Instant NOW = Instant.parse("2026-10-20T02:00:00Z");

  final FilingValidator validator = new FilingValidator();

  @ParameterizedTest(name = "{0}: {2} → {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cases-live.json | \"narrative\": \" | \"narrative\": \"\\u0000 | F001",
        "cases-live.json | \"narrative\": \" | \"narrative\": \"\\ud800 | F001",
        "cases-live.json | \"narrative\": \" | \"narrative\": \"\\udc00x | F001",
        "cases-live.json | \"narrative\": \" | \"narrative\": \"\\ud83d\\ude00 | OK",
        "cases-live.json | \"mode\" | \"explanations\":[{\"rule\":\"C008\",\"record\":0,\"text\":\"\\u0000\"}],\"mode\" | F001",
        "stats-q-live.json | \"received\": *[0-9]+ | \"received\": 1e308 | F002",
        "stats-q-live.json | \"received\": *[0-9]+ | \"received\": 9999999999999999999 | F002",
        "self-assessment-live.json | \"retailCustomers\": *[0-9]+ | \"retailCustomers\": 1e19 | F002",
        "self-assessment-live.json | \"score\": *[0-9]+ | \"score\": 1e999999999 | F002",
        "self-assessment-live.json | \"staffTrainedPct\": *[0-9.]+ | \"staffTrainedPct\": 1e-999999999 | F002",
      })
  void unstorableValuesRejectTheFilingWithTheirRule(
      String sample, String value, String replacement, String rule) throws Exception {
    String body =
        Files.readString(Path.of("samples/valid", sample))
            .replaceFirst(value, java.util.regex.Matcher.quoteReplacement(replacement));
    FilingValidation report = validate(body);

    String first =
        report.findings().stream()
            .filter(Finding::isError)
            .map(f -> f.rule().name())
            .findFirst()
            .orElse("OK");
    assertThat(first).as(report.findings().toString()).isEqualTo(rule);
    if (!rule.equals("OK")) {
      assertThat(report.findings().getFirst().messageZh()).isNotBlank();
      assertThat(report.findings().getFirst().messageEn()).doesNotContain("\u0000");
    }
  }

  @ParameterizedTest
  @CsvSource({"100000.0", "1.0E5", "100000.000"})
  void aCountWrittenWithAZeroFractionIsStoredAsAPlainInteger(String written) throws Exception {
    String body =
        Files.readString(Path.of("samples/valid/self-assessment-live.json"))
            .replaceFirst("\"retailCustomers\": *[0-9]+", "\"retailCustomers\": " + written);

    FilingValidation report = validate(body);

    assertThat(report.outcome().countsAsAccepted()).isTrue();
    assertThat(report.document().get("retailCustomers").toString()).isEqualTo("100000");
  }

  private FilingValidation validate(String body) {
    return validator.validateJson(
        body.getBytes(StandardCharsets.UTF_8),
        new FilingContext(USCC, NOW, u -> true, FilingHistory.none()));
  }
}

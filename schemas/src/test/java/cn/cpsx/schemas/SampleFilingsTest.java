package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The samples institutions copy from end as samples/README.md says they do. */
class SampleFilingsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "valid/cases-live.json                        | 2026-10-16T02:00:00Z | ACCEPTED               | ",
        "valid/stats-q-live.json                      | 2026-10-10T02:00:00Z | ACCEPTED               | ",
        "valid/self-assessment-live.json              | 2026-03-01T02:00:00Z | ACCEPTED               | ",
        "invalid/cases-f001-bad-json.json             | 2026-10-16T02:00:00Z | REJECTED               | F001",
        "invalid/cases-f002-missing-mode.json         | 2026-10-16T02:00:00Z | REJECTED               | F002",
        "invalid/cases-records-c001-c005.json         | 2026-10-16T02:00:00Z | REJECTED               | C001 C005",
        "invalid/stats-q-s001-breakdown.json          | 2026-10-10T02:00:00Z | REJECTED               | S001",
        "invalid/self-assessment-a002-no-evidence.json | 2026-03-01T02:00:00Z | ACCEPTED_WITH_WARNINGS | A002",
      })
  void sampleEndsAsDocumented(String sample, String filedAt, FilingOutcome outcome, String rules)
      throws Exception {
    FilingHistory history =
        new FilingHistory() {
          @Override
          public java.util.Optional<String> currentFiling(String u, String t, String p) {
            return java.util.Optional.empty();
          }

          @Override
          public long casesReceivedBetween(String u, Instant from, Instant to) {
            return 120; // the sample's received
          }
        };
    FilingValidation result =
        new FilingValidator()
            .validateJson(
                Files.readAllBytes(Path.of("samples", sample)),
                new FilingContext(
                    "91110000770914530P", Instant.parse(filedAt), u -> true, history));

    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.findings().stream().map(f -> f.rule().name()).distinct().toList())
        .containsExactlyInAnyOrderElementsOf(rules == null ? List.of() : List.of(rules.split(" ")));
  }
}

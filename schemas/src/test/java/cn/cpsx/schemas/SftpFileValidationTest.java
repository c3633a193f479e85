package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Files from the SFTP inbox: the name rule, and the name against the content (F010). */
class SftpFileValidationTest {

  static final String USCC = "91110000770914530P";
  static final FilingContext OCT_16 =
      new FilingContext(
          USCC, Instant.parse("2026-10-16T02:00:00Z"), u -> true, FilingHistory.none());

  final FilingValidator validator = new FilingValidator();

  @Test
  void csvNamedByTheRuleIsAccepted() throws Exception {
    String name = USCC + "_CASES_20261016_1.csv";
    FilingValidation result =
        validator.validateSftpFile(
            Files.readAllBytes(Path.of("samples/valid", name)), name, OCT_16);

    assertThat(result.outcome()).isEqualTo(FilingOutcome.ACCEPTED);
  }

  @Test
  void jsonWhoseNameAgreesWithItsContentIsAccepted() throws Exception {
    FilingValidation result =
        validator.validateSftpFile(
            Files.readAllBytes(Path.of("samples/valid/cases-live.json")),
            USCC + "_CASES_20261016_3.json",
            OCT_16);

    assertThat(result.outcome()).isEqualTo(FilingOutcome.ACCEPTED);
  }

  @Test
  void nameThatContradictsTheContentIsF010() throws Exception {
    byte[] stats = Files.readAllBytes(Path.of("samples/valid/stats-q-live.json"));

    assertThat(
            validator.validateSftpFile(stats, USCC + "_STATS_Q_2026-Q2_1.json", OCT_16).findings())
        .extracting(Finding::rule)
        .containsExactly(Rule.F010);
    assertThat(
            validator
                .validateSftpFile(stats, USCC + "_SELF_ASSESSMENT_2025_1.json", OCT_16)
                .findings())
        .extracting(Finding::rule)
        .containsExactly(Rule.F010);
    assertThat(
            validator
                .validateSftpFile(stats, USCC + "_STATS_Q_2026-Q3_1_TEST.json", OCT_16)
                .findings())
        .extracting(Finding::rule)
        .containsExactly(Rule.F010);
  }

  @Test
  void badNameIsF010AndAnEmptyFileF001() {
    assertThat(validator.validateSftpFile("{}".getBytes(), "cases.json", OCT_16).findings())
        .extracting(Finding::rule)
        .containsExactly(Rule.F010);
    assertThat(
            validator
                .validateSftpFile(new byte[0], USCC + "_CASES_20261016_9.json", OCT_16)
                .findings())
        .extracting(Finding::rule)
        .containsExactly(Rule.F001);
  }
}

package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SftpFileNameTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @Test
  void readsEveryPartOfAValidName() {
    SftpFileName.Parsed parsed =
        SftpFileName.parse("91110000770914530P_CASES_20261126_7_TEST.csv", TODAY);

    assertThat(parsed)
        .isEqualTo(
            new SftpFileName.Valid(
                new SftpFileName("91110000770914530P", "CASES", "20261126", "7", true, "csv")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "91110000770914530P_STATS_Q_2026-Q3_1.json",
        "91110000770914530P_SELF_ASSESSMENT_2025_000001.xml",
        "91110000770914530P_CASES_20240229_12.json"
      })
  void acceptsNamesOfEveryType(String name) {
    assertThat(SftpFileName.parse(name, TODAY)).isInstanceOf(SftpFileName.Valid.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {".91110000770914530P_CASES_20261126_1.csv", "x.csv.part", "x.json.filepart"})
  void inProgressUploadsAreIgnored(String name) {
    assertThat(SftpFileName.parse(name, TODAY)).isInstanceOf(SftpFileName.Ignored.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "91110000770914530P_CASES_20261126_1.CSV", // extension in lower case only
        "91110000770914530P_STATS_Q_2026-Q3_1.csv", // .csv only for CASES
        "91110000770914530P_CASES_20261127_1.json", // in the future
        "91110000770914530P_CASES_20230229_1.json", // not a calendar date
        "91110000770914530P_CASES_2026-Q3_1.json", // CASES carry a date
        "91110000770914530P_STATS_Q_2026_1.json", // a year is not a quarter
        "91110000770914530P_CASES_20261126_1234567.json", // SEQ has at most 6 digits
        "9111000077091453OI_CASES_20261126_1.json", // O and I are not in the USCC charset
        "report.json"
      })
  void brokenNamesAreF010(String name) {
    assertThat(SftpFileName.parse(name, TODAY))
        .isInstanceOfSatisfying(
            SftpFileName.Invalid.class, i -> assertThat(i.finding().rule()).isEqualTo(Rule.F010));
  }

  @Test
  void hostileNamesAreRefusedAtUpload() {
    assertThat(SftpFileName.refusedAtUpload("../etc/passwd")).isTrue();
    assertThat(SftpFileName.refusedAtUpload("a\u0007b.json")).isTrue();
    assertThat(SftpFileName.refusedAtUpload("案".repeat(86) + ".json")).isTrue(); // 258 bytes
    assertThat(SftpFileName.refusedAtUpload("91110000770914530P_CASES_20261126_1.json")).isFalse();
  }
}

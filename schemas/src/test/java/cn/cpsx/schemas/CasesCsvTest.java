package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CasesCsvTest {

  static final String FILE = "91110000770914530P_CASES_20261016_1.csv";
  static final SftpFileName NAME =
      ((SftpFileName.Valid) SftpFileName.parse(FILE, LocalDate.of(2026, 10, 16))).name();
  static final FilingContext FILED =
      new FilingContext(
          "91110000770914530P",
          Instant.parse("2026-10-16T02:00:00Z"),
          u -> true,
          FilingHistory.none());

  @Test
  void sampleCsvBecomesTheSameFilingAsJsonAndIsAccepted() throws Exception {
    CasesCsv.Result result =
        CasesCsv.read(Files.readAllBytes(Path.of("samples/valid", FILE)), NAME);

    var filing = ((CasesCsv.Parsed) result).filing();
    assertThat(filing.get("cases").get(1).get("extended").isBoolean()).isTrue();
    assertThat(filing.get("cases").get(1).has("amountInvolved"))
        .as("empty cell = absent")
        .isFalse();
    assertThat(filing.get("cases").get(0).get("complainant").get("name").asString())
        .isEqualTo("张某某");
    FilingValidation validation = new FilingValidator().validate(filing, FILED);
    assertThat(validation.findings()).isEmpty();
    assertThat(validation.acceptedCases()).hasSize(2);
  }

  @Test
  void columnsMayComeInAnyOrderAndABomIsSkipped() {
    String csv =
        "\uFEFFstatus,narrative,region,demand,reason,businessCategory,channel,receivedAt,caseNo\n"
            + "RECEIVED,客户对网点排队时间过长表示不满。,110101,EXPLANATION,SERVICE_QUALITY,DEPOSIT,BRANCH,2026-10-15T09:00:00+08:00,A-1\n";
    var filing =
        ((CasesCsv.Parsed) CasesCsv.read(csv.getBytes(StandardCharsets.UTF_8), NAME)).filing();

    assertThat(new FilingValidator().validate(filing, FILED).outcome())
        .isEqualTo(FilingOutcome.ACCEPTED);
  }

  @Test
  void unknownColumnIsF002() {
    CasesCsv.Result result =
        CasesCsv.read("caseNo,colour\nA-1,red\n".getBytes(StandardCharsets.UTF_8), NAME);

    assertThat(result)
        .isInstanceOfSatisfying(
            CasesCsv.Refused.class,
            r -> {
              assertThat(r.finding().rule()).isEqualTo(Rule.F002);
              assertThat(r.finding().field()).isEqualTo("colour");
            });
  }

  @Test
  void brokenQuotingOrTooManyCellsIsF001() {
    assertThat(
            CasesCsv.read(
                "caseNo,narrative\nA-1,\"open quote\n".getBytes(StandardCharsets.UTF_8), NAME))
        .isInstanceOfSatisfying(
            CasesCsv.Refused.class, r -> assertThat(r.finding().rule()).isEqualTo(Rule.F001));
    assertThat(CasesCsv.read("caseNo\nA-1,extra\n".getBytes(StandardCharsets.UTF_8), NAME))
        .isInstanceOfSatisfying(
            CasesCsv.Refused.class, r -> assertThat(r.finding().rule()).isEqualTo(Rule.F001));
  }

  @Test
  void emptyFileIsF001() {
    assertThat(CasesCsv.read(new byte[0], NAME))
        .isInstanceOfSatisfying(
            CasesCsv.Refused.class, r -> assertThat(r.finding().rule()).isEqualTo(Rule.F001));
  }

  @Test
  void testMarkInTheNameMakesATestFiling() {
    SftpFileName test =
        ((SftpFileName.Valid)
                SftpFileName.parse(
                    "91110000770914530P_CASES_20261016_2_TEST.csv", LocalDate.of(2026, 10, 16)))
            .name();
    var filing =
        ((CasesCsv.Parsed) CasesCsv.read("caseNo\nA-1\n".getBytes(StandardCharsets.UTF_8), test))
            .filing();

    assertThat(filing.get("mode").asString()).isEqualTo("TEST");
  }
}

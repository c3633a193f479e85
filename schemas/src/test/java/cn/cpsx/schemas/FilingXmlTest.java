package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FilingXmlTest {

  static final String USCC = "91110000770914530P";
  static final FilingContext OCT_10 =
      new FilingContext(
          USCC,
          Instant.parse("2026-10-10T02:00:00Z"),
          u -> true,
          FilingPeriodicHistory.casesInQuarter(120));

  @Test
  void xmlSampleReadsAsTheSameFilingAsItsJsonTwinAndIsAccepted() throws Exception {
    String name = USCC + "_STATS_Q_2026-Q3_1.xml";
    FilingValidation xml =
        new FilingValidator()
            .validateSftpFile(Files.readAllBytes(Path.of("samples/valid", name)), name, OCT_10);
    FilingValidation json =
        new FilingValidator()
            .validateJson(Files.readAllBytes(Path.of("samples/valid/stats-q-live.json")), OCT_10);

    assertThat(xml.findings()).isEmpty();
    assertThat(xml.outcome()).isEqualTo(FilingOutcome.ACCEPTED);
    // Same JSON text (the numeric node classes may differ: long here, int there).
    assertThat(xml.document().toString()).isEqualTo(json.document().toString());
  }

  @Test
  void doctypeAndEntitiesAreRefusedWithoutBeingResolved() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE filing [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <filing xmlns="https://cpsx.cn/schemas/filing/v1"><specVersion>&x;</specVersion></filing>
        """;
    String laughs =
        """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
        <filing xmlns="https://cpsx.cn/schemas/filing/v1"><specVersion>&lol2;</specVersion></filing>
        """;
    for (String hostile : new String[] {xxe, laughs}) {
      assertThat(FilingXml.read(hostile.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOfSatisfying(
              FilingXml.Refused.class,
              r -> {
                assertThat(r.finding().rule()).isEqualTo(Rule.F001);
                assertThat(r.finding().messageEn()).doesNotContain("root:");
              });
    }
  }

  @Test
  void deepNestingWrongRootAndForeignNamespaceAreF001() {
    String deep =
        "<filing xmlns=\"https://cpsx.cn/schemas/filing/v1\">"
            + "<a>".repeat(20)
            + "</a>".repeat(20)
            + "</filing>";
    String wrongRoot = "<report xmlns=\"https://cpsx.cn/schemas/filing/v1\"/>";
    String foreign = "<filing xmlns=\"urn:other\"><specVersion>1</specVersion></filing>";
    for (String xml : new String[] {deep, wrongRoot, foreign, "<filing"}) {
      assertThat(FilingXml.read(xml.getBytes(StandardCharsets.UTF_8)))
          .as(xml)
          .isInstanceOf(FilingXml.Refused.class);
    }
  }

  @Test
  void xIncludeIsF001NamingXIncludeAndIsNeverResolved() {
    String xinclude =
        """
        <filing xmlns="https://cpsx.cn/schemas/filing/v1" xmlns:xi="http://www.w3.org/2001/XInclude">
          <specVersion>1</specVersion>
          <xi:include href="file:///etc/passwd" parse="text"/>
        </filing>
        """;
    String asRoot = "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"a.xml\"/>";
    for (String xml : new String[] {xinclude, asRoot}) {
      assertThat(FilingXml.read(xml.getBytes(StandardCharsets.UTF_8)))
          .as(xml)
          .isInstanceOfSatisfying(
              FilingXml.Refused.class,
              r -> {
                assertThat(r.finding().rule()).isEqualTo(Rule.F001);
                assertThat(r.finding().messageEn()).contains("XInclude");
                assertThat(r.finding().messageZh()).contains("XInclude");
                assertThat(r.finding().messageEn()).doesNotContain("root:");
              });
    }
  }

  /** History with a fixed number of case records in the quarter (S003). */
  static final class FilingPeriodicHistory {
    static FilingHistory casesInQuarter(long cases) {
      return new FilingHistory() {
        @Override
        public java.util.Optional<String> currentFiling(String u, String t, String p) {
          return java.util.Optional.empty();
        }

        @Override
        public long casesReceivedBetween(String u, Instant from, Instant to) {
          return cases;
        }
      };
    }
  }
}

package cn.cpsx.portal.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenDataCsvTest {

  @Test
  void startsWithABomAndQuotesPerRfc4180() {
    byte[] bytes =
        OpenDataCsv.write(
            List.of("name", "note", "share"),
            List.of(Arrays.asList("银行, 股份", "说\"明\"\n第二行", new BigDecimal("0.5000000000"))));
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, StandardCharsets.UTF_8).substring(1))
        .isEqualTo("name,note,share\r\n\"银行, 股份\",\"说\"\"明\"\"\n第二行\",0.5000000000\r\n");
  }

  @Test
  void textThatASpreadsheetWouldRunIsDefused() {
    assertThat(OpenDataCsv.cell("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(OpenDataCsv.cell("+86 10")).isEqualTo("'+86 10");
    assertThat(OpenDataCsv.cell("-1")).isEqualTo("'-1");
    assertThat(OpenDataCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(OpenDataCsv.cell("\tx")).isEqualTo("'\tx");
  }

  @Test
  void numbersStayNumbersAndNullIsEmpty() {
    assertThat(OpenDataCsv.cell(-3L)).isEqualTo("-3");
    assertThat(OpenDataCsv.cell(new BigDecimal("1E-10"))).isEqualTo("0.0000000001");
    assertThat(OpenDataCsv.cell(null)).isEmpty();
    assertThat(OpenDataCsv.cell(true)).isEqualTo("true");
  }
}

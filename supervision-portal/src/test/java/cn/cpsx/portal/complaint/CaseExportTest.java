package cn.cpsx.portal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseExportTest {

  @Test
  void cellsAreQuotedPerRfc4180() {
    assertThat(CaseExport.cell("客户称\"年费\"被扣，要求退还")).isEqualTo("\"客户称\"\"年费\"\"被扣，要求退还\"");
    assertThat(CaseExport.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CaseExport.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(CaseExport.cell(null)).isEmpty();
  }

  @Test
  void textASpreadsheetWouldRunAsAFormulaIsDefused() {
    assertThat(CaseExport.cell("=HYPERLINK(\"http://x\")")).startsWith("\"'=HYPERLINK");
    assertThat(CaseExport.cell("+86 138")).isEqualTo("'+86 138");
    assertThat(CaseExport.cell(-1.5)).isEqualTo("-1.5");
  }
}

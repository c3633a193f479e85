package cn.cpsx.portal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.search.document.CaseSearchDocument;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

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

  @Test
  void everyColumnReadsItsFieldOfTheIndexedDocument() {
    var record =
        JsonMapper.shared()
            .readTree(
                """
                {"caseNo":"TS-1","receivedAt":"2026-10-01T10:00+08:00","channel":"PHONE",
                 "businessCategory":"CREDIT_CARD","reason":"FEES","demand":"REFUND",
                 "amountInvolved":"1200.50","region":"440305",
                 "complainant":{"name":"张某某","idNumber":"11010519491231002X",
                                "phone":"13800138000","ageBand":"60_PLUS"},
                 "narrative":"年费被扣。","status":"RESOLVED","resolvedAt":"2026-10-09T16:30+08:00",
                 "outcome":"UPHELD","redressAmount":300,"satisfaction":"SATISFIED","extended":true}
                """);
    var doc =
        CaseSearchDocument.of(
            new CaseSearchDocument.Source("U", "某银行", "BANK", "F1", 1), record, Instant.now());

    for (String column : CaseExport.COLUMNS) {
      assertThat(CaseExport.value(doc, column)).as(column).isNotNull();
    }
    assertThat(CaseExport.value(doc, "receivedAt")).hasToString("2026-10-01T10:00+08:00");
    assertThat(CaseExport.value(doc, "deadline")).hasToString("2026-10-31T10:00+08:00");
    assertThat(CaseExport.value(doc, "complainant.name")).isEqualTo("张**");
    assertThat(CaseExport.value(doc, "province")).isEqualTo("440000");
  }
}

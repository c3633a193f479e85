package cn.cpsx.search.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CaseSearchDocumentMaskingTest {

  @Test
  void theWordsFieldIsBuiltFromTheMaskedNarrativeSoNormalisationRevealsNothing() {
    var record =
        JsonMapper.shared()
            .readTree(
                """
                {"caseNo":"TS-1","receivedAt":"2026-10-01T10:00:00+08:00","region":"440300",
                 "complainant":{"name":"欧阳娜娜","phone":"+86 139 1234 5678"},
                 "narrative":"投诉人欧阳娜娜来电，手机１３９　１２３４　５６７８，身份证１１０１０５１９４９１２３１００２ｘ。"}
                """);

    CaseSearchDocument doc =
        CaseSearchDocument.of(
            new CaseSearchDocument.Source("USCC", "银行", "BANK", "F1", 1), record, Instant.now());

    String words = doc.narrativeWords();
    assertThat(words).doesNotContain("13912345678", "1234", "11010519491231002", "娜娜");
    assertThat(doc.narrative()).contains("欧阳**", "139****5678", "110105************");
    assertThat(doc.complainant().toString()).doesNotContain("13912345678", "1234 5678", "娜娜");
  }
}

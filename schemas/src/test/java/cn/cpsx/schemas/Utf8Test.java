package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void aBadByteIsReportedWithItsByteOffsetAndLine() {
    byte[] latin1 = "caseNo,narrative\nA-1,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> Utf8.requireUtf8(latin1))
        .isInstanceOf(Utf8.NotUtf8Exception.class)
        .hasMessageContaining("byte offset 24")
        .hasMessageContaining("line 2")
        .hasMessageContaining("0xE9");
  }

  @Test
  void aMultiByteCharacterCutOffAtTheEndIsReportedWhereItStarts() {
    byte[] cut = {'{', '"', (byte) 0xE5, (byte) 0xBC};

    assertThatThrownBy(() -> Utf8.requireUtf8(cut)).hasMessageContaining("byte offset 2");
  }

  @Test
  void utf16IsRefusedNamingTheZeroByte() {
    assertThatThrownBy(() -> Utf8.requireUtf8("{}".getBytes(StandardCharsets.UTF_16LE)))
        .hasMessageContaining("UTF-16")
        .hasMessageContaining("byte offset 1");
  }

  @Test
  void utf8LongerThanTheDecodersBufferPasses() {
    byte[] long8 = "投诉".repeat(10_000).getBytes(StandardCharsets.UTF_8);

    assertThat(Utf8.requireUtf8(long8)).isSameAs(long8);
  }

  @Test
  void anEncodingErrorInAJsonFilingIsF001SayingWhere() {
    byte[] json =
        "{\"specVersion\":\"1\",\n\"narrative\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    FilingValidation result = new FilingValidator().validateJson(json, FilingXmlTest.OCT_10);

    assertThat(result.findings().getFirst().rule()).isEqualTo(Rule.F001);
    assertThat(result.findings().getFirst().messageEn()).contains("byte offset 33", "line 2");
    assertThat(result.findings().getFirst().messageZh()).contains("byte offset 33");
  }
}

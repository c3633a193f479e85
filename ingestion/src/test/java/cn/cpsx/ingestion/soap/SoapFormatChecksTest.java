package cn.cpsx.ingestion.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SoapFormatChecksTest {

  static final String ENVELOPE =
      "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>";

  @Test
  void aDoctypeInTheProlog_afterDeclarationAndComments_isFound() {
    String xxe =
        "<?xml version=\"1.0\"?>\n<!-- hello -->\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + ENVELOPE;

    assertThat(SoapFormatChecks.declaresDoctype(xxe.getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  @Test
  void onlyXmlContentTypesAreSoap() {
    assertThat(SoapFormatChecks.isXml("text/xml; charset=UTF-8")).isTrue();
    assertThat(SoapFormatChecks.isXml("application/soap+xml;charset=utf-8")).isTrue();
    assertThat(SoapFormatChecks.isXml("multipart/related; type=\"application/xop+xml\"")).isTrue();
    assertThat(SoapFormatChecks.isXml("application/json")).isFalse();
    assertThat(SoapFormatChecks.isXml(null)).isFalse();
  }

  @Test
  void aDoctypeInUtf16IsFoundToo() {
    byte[] le = ("\uFEFF<!DOCTYPE x>" + ENVELOPE).getBytes(StandardCharsets.UTF_16LE);
    byte[] be = ("<!DOCTYPE x>" + ENVELOPE).getBytes(StandardCharsets.UTF_16BE);

    assertThat(SoapFormatChecks.declaresDoctype(le)).isTrue();
    assertThat(SoapFormatChecks.declaresDoctype(be)).isTrue();
  }

  @Test
  void theSameCharactersAsTextInsideTheMessageAreNoDoctype() {
    String text =
        "<?xml version=\"1.0\"?>"
            + ENVELOPE.replace("<soap:Body/>", "<soap:Body><![CDATA[<!DOCTYPE x>]]></soap:Body>");

    assertThat(SoapFormatChecks.declaresDoctype(text.getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(SoapFormatChecks.declaresDoctype(ENVELOPE.getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }
}

package cn.cpsx.ingestion.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SoapDoctypeRefusalTest {

  static final String ENVELOPE =
      "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>";

  @Test
  void aDoctypeInTheProlog_afterDeclarationAndComments_isFound() {
    String xxe =
        "<?xml version=\"1.0\"?>\n<!-- hello -->\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + ENVELOPE;

    assertThat(SoapDoctypeRefusal.declaresDoctype(xxe.getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  @Test
  void aDoctypeInUtf16IsFoundToo() {
    byte[] le = ("\uFEFF<!DOCTYPE x>" + ENVELOPE).getBytes(StandardCharsets.UTF_16LE);
    byte[] be = ("<!DOCTYPE x>" + ENVELOPE).getBytes(StandardCharsets.UTF_16BE);

    assertThat(SoapDoctypeRefusal.declaresDoctype(le)).isTrue();
    assertThat(SoapDoctypeRefusal.declaresDoctype(be)).isTrue();
  }

  @Test
  void theSameCharactersAsTextInsideTheMessageAreNoDoctype() {
    String text =
        "<?xml version=\"1.0\"?>"
            + ENVELOPE.replace("<soap:Body/>", "<soap:Body><![CDATA[<!DOCTYPE x>]]></soap:Body>");

    assertThat(SoapDoctypeRefusal.declaresDoctype(text.getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(SoapDoctypeRefusal.declaresDoctype(ENVELOPE.getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }
}

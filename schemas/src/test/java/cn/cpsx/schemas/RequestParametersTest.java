package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.schemas.RequestParameters.Refusing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What ingestion's REST API and the portal refuse in request parameters, and what they keep. */
class RequestParametersTest {

  @Test
  void chineseAndPairedSurrogatesAreReadableEverywhere() {
    Map<String, String[]> parameters = Map.of("q", new String[] {"银行 😀 理财"});

    assertThat(RequestParameters.readable(() -> parameters, Refusing.UNSTORABLE)).isTrue();
    assertThat(RequestParameters.readable(() -> parameters, Refusing.CONTROL_CHARACTERS)).isTrue();
  }

  @Test
  void nulAndUnpairedSurrogatesAreRefusedEverywhereInNamesAndValues() {
    for (Map<String, String[]> parameters :
        List.of(
            Map.of("q", new String[] {"ok", "a\u0000b"}),
            Map.of("q\ud800", new String[] {"ok"}),
            Map.of("q", new String[] {"\udc00x"}),
            Map.of("q", new String[] {"x\ud83d"}))) {
      for (Refusing refusing : Refusing.values()) {
        assertThat(RequestParameters.readable(() -> parameters, refusing))
            .as("%s %s", refusing, parameters.keySet())
            .isFalse();
      }
    }
  }

  @Test
  void lineBreaksAndTabsAreRefusedOnlyWhereControlCharactersAre() {
    Map<String, String[]> textArea = Map.of("note", new String[] {"line one\r\n\tline two"});

    assertThat(RequestParameters.readable(() -> textArea, Refusing.UNSTORABLE)).isTrue();
    assertThat(RequestParameters.readable(() -> textArea, Refusing.CONTROL_CHARACTERS)).isFalse();
  }

  @Test
  void parametersThatDoNotDecodeAreRefused() {
    assertThat(
            RequestParameters.readable(
                () -> {
                  throw new IllegalArgumentException("not UTF-8");
                },
                Refusing.UNSTORABLE))
        .isFalse();
  }
}

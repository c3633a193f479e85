package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.schemas.RequestParameters.Refusing;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What ingestion's REST API and the portal refuse in request parameters, and what they keep. */
class RequestParametersTest {

  @Test
  void chineseAndPairedSurrogatesAreReadableEverywhere() {
    Map<String, String[]> parameters = Map.of("q", new String[] {"银行 😀 理财"});

    assertThat(readable(() -> parameters, Refusing.UNSTORABLE)).isTrue();
    assertThat(readable(() -> parameters, Refusing.CONTROL_CHARACTERS)).isTrue();
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
        assertThat(readable(() -> parameters, refusing))
            .as("%s %s", refusing, parameters.keySet())
            .isFalse();
      }
    }
  }

  @Test
  void lineBreaksAndTabsAreRefusedOnlyWhereControlCharactersAre() {
    Map<String, String[]> textArea = Map.of("note", new String[] {"line one\r\n\tline two"});

    assertThat(readable(() -> textArea, Refusing.UNSTORABLE)).isTrue();
    assertThat(readable(() -> textArea, Refusing.CONTROL_CHARACTERS)).isFalse();
  }

  @Test
  void parametersThatDoNotDecodeAreRefused() {
    assertThat(
            readable(
                () -> {
                  throw new IllegalArgumentException("not UTF-8");
                },
                Refusing.UNSTORABLE))
        .isFalse();
  }

  @Test
  void parametersAreDecodedAsUtf8UnlessTheRequestNamesItsCharset() {
    List<Charset> decodedAs = new ArrayList<>();
    Map<String, String[]> parameters = Map.of("q", new String[] {"银行"});

    RequestParameters.readable(() -> null, decodedAs::add, () -> parameters, Refusing.UNSTORABLE);
    RequestParameters.readable(() -> "GBK", decodedAs::add, () -> parameters, Refusing.UNSTORABLE);

    assertThat(decodedAs).containsExactly(StandardCharsets.UTF_8);
  }

  private static boolean readable(Supplier<Map<String, String[]>> decode, Refusing refusing) {
    return RequestParameters.readable(() -> "UTF-8", charset -> {}, decode, refusing);
  }
}

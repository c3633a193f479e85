package cn.cpsx.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class FigureTextTest {

  private final FigureText figures = new FigureText();

  @Test
  void decimalsAreWrittenOutInFullNeverInScientificForm() {
    assertThat(figures.text(new BigDecimal("0.0000000000"))).isEqualTo("0.0000000000");
    assertThat(figures.text(new BigDecimal("0.0000001234"))).isEqualTo("0.0000001234");
    assertThat(figures.text(JsonNodeFactory.instance.numberNode(new BigDecimal("0E-10"))))
        .isEqualTo("0.0000000000");
  }

  @Test
  void textCountsAndNullsReadAsPeopleExpect() {
    assertThat(figures.text(JsonMapper.shared().readTree("\"evidence thin\"")))
        .isEqualTo("evidence thin");
    assertThat(figures.text(40L)).isEqualTo("40");
    assertThat(figures.isNone(JsonMapper.shared().readTree("null"))).isTrue();
    assertThat(figures.isNone(null)).isTrue();
    assertThat(figures.isNone(BigDecimal.ZERO)).isFalse();
  }

  @Test
  void aPublishedTimeReadsAsBeijingTimeToTheMinute() {
    assertThat(figures.time("2026-12-02T23:24:41.997931+08:00")).isEqualTo("2026-12-02 23:24");
    assertThat(figures.time("2026-12-02T15:24:41Z")).isEqualTo("2026-12-02 23:24");
    assertThat(figures.time(null)).isEqualTo("—");
  }
}

package cn.cpsx.portal.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

  @Test
  void sortValuesSurviveTheRoundTripWithTheirTypes() {
    List<FieldValue> values =
        List.of(FieldValue.of(3.25), FieldValue.of(1_791_000_000_000L), FieldValue.of("TS-1"));

    List<FieldValue> back = SearchCursor.decode(SearchCursor.encode(values));

    assertThat(back.get(0).isDouble()).isTrue();
    assertThat(back.get(0).doubleValue()).isEqualTo(3.25);
    assertThat(back.get(1).isLong()).isTrue();
    assertThat(back.get(1).longValue()).isEqualTo(1_791_000_000_000L);
    assertThat(back.get(2).stringValue()).isEqualTo("TS-1");
  }

  @Test
  void garbageIsAnInvalidCursor() {
    assertThatThrownBy(() -> SearchCursor.decode("%%%"))
        .isInstanceOf(SearchCursor.InvalidCursorException.class);
    assertThatThrownBy(() -> SearchCursor.decode("e30")) // {}
        .isInstanceOf(SearchCursor.InvalidCursorException.class);
  }
}

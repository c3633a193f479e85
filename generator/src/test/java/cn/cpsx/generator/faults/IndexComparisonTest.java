package cn.cpsx.generator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The heart of the fault suite's checker: each way the index can be wrong is caught by name. */
class IndexComparisonTest {

  private static final Map<String, Long> EXPECTED = Map.of("A:1", 10L, "A:2", 12L, "B:1", 7L);

  @Test
  void exactlyTheNewestVersionOfEveryCasePasses() {
    var result =
        IndexComparison.of(
            EXPECTED, Map.of("A:1", List.of(10L), "A:2", List.of(12L), "B:1", List.of(7L)));

    assertThat(result.exact()).isTrue();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void aDeletedDocumentIsMissing() {
    var result = IndexComparison.of(EXPECTED, Map.of("A:1", List.of(10L), "B:1", List.of(7L)));

    assertThat(result.exact()).isFalse();
    assertThat(result.missing()).containsExactly("A:2");
    assertThat(result.problems()).singleElement().asString().contains("missing", "A:2");
  }

  @Test
  void anOlderVersionIsStaleAndAVersionNeverAcceptedIsCaught() {
    var result =
        IndexComparison.of(
            EXPECTED, Map.of("A:1", List.of(9L), "A:2", List.of(13L), "B:1", List.of(7L)));

    assertThat(result.stale()).containsExactly("A:1 (9 < 10)");
    assertThat(result.ahead()).containsExactly("A:2 (13 > 12)");
  }

  @Test
  void aCaseIndexedTwiceAndADocumentOfNoAcceptedCaseAreCaught() {
    var result =
        IndexComparison.of(
            EXPECTED,
            Map.of(
                "A:1", List.of(10L, 10L),
                "A:2", List.of(12L),
                "B:1", List.of(7L),
                "C:9", List.of(3L)));

    assertThat(result.duplicated()).containsExactly("A:1");
    assertThat(result.extra()).containsExactly("C:9");
    assertThat(result.exact()).isFalse();
  }

  @Test
  void percentilesAreNearestRank() {
    List<Long> hundred = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();

    assertThat(Latencies.percentile(hundred, 0.99)).isEqualTo(99);
    assertThat(Latencies.percentile(hundred, 0.50)).isEqualTo(50);
    assertThat(Latencies.percentile(List.of(), 0.99)).isZero();
  }
}

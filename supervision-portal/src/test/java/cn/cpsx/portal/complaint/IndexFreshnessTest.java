package cn.cpsx.portal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * When search says it is behind: a filing has waited longer than {@link IndexFreshness#STALE_AFTER}
 * for validation or indexing. Both sides of the line, and the quiet case; no database (the query is
 * {@link CaseSearchIT}'s).
 */
class IndexFreshnessTest {

  static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
  static final Instant LAST_INDEXED = NOW.minusSeconds(30);

  final IndexFreshness freshness = new IndexFreshness(null);

  @Test
  void aFilingWaitingLongerThanTheLimitMakesTheIndexStale() {
    CaseSearchResult.Meta meta = freshness.meta(LAST_INDEXED, waitingSince(6, 3), NOW);

    assertThat(meta.stale()).isTrue();
    assertThat(meta.waitingFilings()).isEqualTo(3);
    assertThat(meta.oldestWaiting()).isEqualTo(NOW.minus(Duration.ofMinutes(6)));
    assertThat(meta.lastIndexed()).isEqualTo(LAST_INDEXED);
  }

  @Test
  void filingsWaitingLessThanTheLimitAreTheUsualFewSecondsBehind() {
    assertThat(freshness.meta(LAST_INDEXED, waitingSince(4, 3), NOW).stale()).isFalse();
  }

  @Test
  void exactlyAtTheLimitIsNotYetStale() {
    assertThat(freshness.meta(LAST_INDEXED, waitingSince(5, 1), NOW).stale()).isFalse();
  }

  @Test
  void nothingWaitingIsNeverStaleHoweverOldTheLastIndexing() {
    CaseSearchResult.Meta meta =
        freshness.meta(NOW.minus(Duration.ofDays(30)), new IndexFreshness.Waiting(0, null), NOW);

    assertThat(meta.stale()).isFalse();
    assertThat(meta.oldestWaiting()).isNull();
  }

  private static IndexFreshness.Waiting waitingSince(long minutes, long count) {
    return new IndexFreshness.Waiting(
        count, NOW.minus(Duration.ofMinutes(minutes)).atOffset(ZoneOffset.ofHours(8)));
  }
}

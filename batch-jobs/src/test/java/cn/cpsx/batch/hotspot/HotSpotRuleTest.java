package cn.cpsx.batch.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HotSpotRuleTest {

  @Test
  void aSuddenJumpAgainstAQuietBaselineIsAHotSpot() {
    HotSpotRule rule = HotSpotRule.of(14, 16); // baseline 2 a week

    assertThat(rule.baseline()).isEqualTo(2.0);
    assertThat(rule.score())
        .isCloseTo(12 / Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(rule.isHotSpot()).isTrue();
  }

  @Test
  void aLargePairsModestRiseIsNot() {
    assertThat(HotSpotRule.of(130, 800).isHotSpot())
        .as("100 → 130: score 3 but not doubled")
        .isFalse();
  }

  @Test
  void tinyCountsAreNeverHotSpotsWhateverTheRatio() {
    assertThat(HotSpotRule.of(9, 0).isHotSpot()).isFalse();
    assertThat(HotSpotRule.of(10, 0).isHotSpot()).as("from nothing to 10").isTrue();
  }

  @Test
  void theSweepLooksAtTheLastCompleteWeekMondayToSunday() {
    assertThat(HotSpotSweep.lastCompleteWeek(LocalDate.of(2026, 11, 26)))
        .isEqualTo(LocalDate.of(2026, 11, 16));
    assertThat(HotSpotSweep.lastCompleteWeek(LocalDate.of(2026, 11, 23)))
        .as("on a Monday the week that ended last night")
        .isEqualTo(LocalDate.of(2026, 11, 16));
  }
}

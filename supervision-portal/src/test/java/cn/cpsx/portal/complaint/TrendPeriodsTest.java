package cn.cpsx.portal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendPeriodsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 2); // a Wednesday

  @Test
  void theDefaultRangeEndsWithTheCurrentPeriod() {
    assertThat(TrendPeriods.defaultFrom("day", TODAY)).isEqualTo("2026-11-03");
    assertThat(TrendPeriods.defaultFrom("week", TODAY)).isEqualTo("2026-06-08");
    assertThat(TrendPeriods.defaultFrom("month", TODAY)).isEqualTo("2026-01-01");
    assertThat(TrendPeriods.defaultFrom("quarter", TODAY)).isEqualTo("2025-01-01");
  }

  @Test
  void theRunningPeriodIsPartialAndEndedOnesAreNot() {
    assertThat(
            TrendPeriods.partial(
                List.of("2026-10", "2026-11", "2026-12"), "month", null, null, TODAY))
        .containsExactly(false, false, true);
    assertThat(TrendPeriods.partial(List.of("2026-Q3", "2026-Q4"), "quarter", null, null, TODAY))
        .containsExactly(false, true);
    assertThat(TrendPeriods.partial(List.of("2026-11-23", "2026-11-30"), "week", null, null, TODAY))
        .containsExactly(false, true);
    // the last day of a month is still that month: partial until it has passed
    assertThat(
            TrendPeriods.partial(
                List.of("2026-11"), "month", null, null, LocalDate.of(2026, 11, 30)))
        .containsExactly(true);
  }

  @Test
  void periodsCutByTheChosenDatesArePartial() {
    assertThat(
            TrendPeriods.partial(
                List.of("2026-08", "2026-09", "2026-10"),
                "month",
                LocalDate.of(2026, 8, 15),
                LocalDate.of(2026, 10, 30),
                TODAY))
        .containsExactly(true, false, true);
    assertThat(
            TrendPeriods.partial(
                List.of("2026-08"), "month", LocalDate.of(2026, 8, 1), null, TODAY))
        .containsExactly(false);
  }
}

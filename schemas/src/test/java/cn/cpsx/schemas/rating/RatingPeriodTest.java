package cn.cpsx.schemas.rating;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.schemas.rating.RatingPeriod.DueFiling;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RatingPeriodTest {

  private static final Instant LONG_AFTER = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void aYearIsFinalAndAQuarterProvisional() {
    assertThat(RatingPeriod.parse("2025").orElseThrow().provisional()).isFalse();
    RatingPeriod q3 = RatingPeriod.parse("2026-Q3").orElseThrow();
    assertThat(q3.provisional()).isTrue();
    assertThat(q3.start()).isEqualTo(OffsetDateTime.parse("2026-07-01T00:00+08:00").toInstant());
    assertThat(q3.end()).isEqualTo(OffsetDateTime.parse("2026-10-01T00:00+08:00").toInstant());
  }

  @Test
  void malformedPeriodsAreRefused() {
    assertThat(RatingPeriod.parse("2025-Q5")).isEmpty();
    assertThat(RatingPeriod.parse("25")).isEmpty();
    assertThat(RatingPeriod.parse("2025-13")).isEmpty();
    assertThat(RatingPeriod.parse(null)).isEmpty();
  }

  @Test
  void aYearOwesTheFourQuarterlyReportsDueInItAndLastYearsSelfAssessment() {
    // Due in 2025: 2024-Q4 (15 Jan), 2025-Q1 (15 Apr), Q2 (15 Jul), Q3 (15 Oct) and the 2024
    // self-assessment (31 Mar). 2025-Q4 is due on 15 Jan 2026: not in the period.
    assertThat(RatingPeriod.parse("2025").orElseThrow().dueFilings(LONG_AFTER))
        .extracting(DueFiling::filingType, DueFiling::period)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("STATS_Q", "2024-Q4"),
            org.assertj.core.groups.Tuple.tuple("STATS_Q", "2025-Q1"),
            org.assertj.core.groups.Tuple.tuple("STATS_Q", "2025-Q2"),
            org.assertj.core.groups.Tuple.tuple("STATS_Q", "2025-Q3"),
            org.assertj.core.groups.Tuple.tuple("SELF_ASSESSMENT", "2024"));
  }

  @Test
  void aFirstQuarterOwesLastQuartersReportAndLastYearsSelfAssessment() {
    assertThat(RatingPeriod.parse("2026-Q1").orElseThrow().dueFilings(LONG_AFTER))
        .extracting(DueFiling::period)
        .containsExactlyInAnyOrder("2025-Q4", "2025");
    assertThat(RatingPeriod.parse("2026-Q2").orElseThrow().dueFilings(LONG_AFTER))
        .extracting(DueFiling::period)
        .containsExactly("2026-Q1");
  }

  @Test
  void aDueDayNotYetEndedAtTheCutOffIsNotDueYet() {
    RatingPeriod q4 = RatingPeriod.parse("2026-Q4").orElseThrow();
    // 2026-Q3 is due on 15 Oct 2026, on time until 23:59:59.999+08:00
    assertThat(q4.dueFilings(OffsetDateTime.parse("2026-10-15T23:00+08:00").toInstant())).isEmpty();
    assertThat(q4.dueFilings(OffsetDateTime.parse("2026-10-16T00:00+08:00").toInstant()))
        .extracting(DueFiling::period)
        .containsExactly("2026-Q3");
  }

  @Test
  void aYearIsRatedOnlyOnceEndedAndAQuarterOnceBegun() {
    Instant midYear = OffsetDateTime.parse("2026-12-02T10:00+08:00").toInstant();
    assertThat(RatingPeriod.parse("2026").orElseThrow().mayBeRatedAt(midYear)).isFalse();
    assertThat(RatingPeriod.parse("2025").orElseThrow().mayBeRatedAt(midYear)).isTrue();
    assertThat(RatingPeriod.parse("2026-Q4").orElseThrow().mayBeRatedAt(midYear)).isTrue();
    assertThat(RatingPeriod.parse("2027-Q1").orElseThrow().mayBeRatedAt(midYear)).isFalse();
  }
}

package cn.cpsx.portal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrendOptionsTest {

  @Test
  void absentOrUnknownOptionsFallBackToMonthlyTotals() {
    TrendOptions none = new TrendOptions(null, null, null);
    TrendOptions unknown = new TrendOptions("century", "narrative", 500);

    assertThat(none.interval()).isEqualTo("month");
    assertThat(none.facet()).isNull();
    assertThat(none.top()).isEqualTo(5);
    assertThat(unknown.interval()).isEqualTo("month");
    assertThat(unknown.by()).isNull();
    assertThat(unknown.top()).isEqualTo(20);
  }

  @Test
  void periodsAreLabelledAsPeopleNameThem() {
    assertThat(CaseTrends.label("2026-10-01", "quarter")).isEqualTo("2026-Q4");
    assertThat(CaseTrends.label("2026-07-01", "month")).isEqualTo("2026-07");
    assertThat(CaseTrends.label("2026-11-23", "week")).isEqualTo("2026-11-23");
    assertThat(new TrendOptions("week", "reason", 3).facet()).isEqualTo(CaseFacet.REASON);
  }
}

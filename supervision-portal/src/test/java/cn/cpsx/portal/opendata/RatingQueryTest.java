package cn.cpsx.portal.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cpsx.portal.BadParameter;
import cn.cpsx.portal.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatingQueryTest {

  @Test
  void noParametersMeansEveryPeriodFirstPageOf50NewestFirst() {
    RatingQuery query = RatingQuery.parse(Map.of());
    assertThat(query)
        .isEqualTo(new RatingQuery(null, null, null, null, null, 1, 50, RatingQuery.Sort.PERIOD));
    assertThat(query.offset()).isZero();
  }

  @Test
  void everyFilterIsNormalised() {
    RatingQuery query =
        RatingQuery.parse(
            Map.of(
                "period", " 2025-Q3 ",
                "type", "BANK_CITY",
                "grade", "B",
                "province", "440000",
                "q", "  招商 ",
                "page", "3",
                "size", "500",
                "sort", "scoreAsc"));
    assertThat(query)
        .isEqualTo(
            new RatingQuery(
                "2025-Q3", "BANK_CITY", "B", "44", "招商", 3, 500, RatingQuery.Sort.SCORE_ASC));
    assertThat(query.offset()).isEqualTo(1000);
  }

  @Test
  void aSizeAbove500IsRefusedNamingSize() {
    assertThatThrownBy(() -> RatingQuery.parse(Map.of("size", "501")))
        .isInstanceOf(BadParameter.class)
        .extracting(e -> ((BadParameter) e).parameter())
        .isEqualTo("size");
  }

  @Test
  void eachBadValueNamesItsParameter() {
    Map<String, String> bad =
        Map.of(
            "period", "2025-Q0",
            "type", "BANK",
            "grade", "a",
            "province", "99",
            "page", "0",
            "sort", "best",
            "size", "ten");
    bad.forEach(
        (name, value) ->
            assertThatThrownBy(() -> RatingQuery.parse(Map.of(name, value)))
                .as(name)
                .isInstanceOf(BadParameter.class)
                .extracting(e -> ((BadParameter) e).parameter())
                .isEqualTo(name));
  }

  @Test
  void aQuarterCoversItsThreeMonthsInBeijingTime() {
    Period q4 = Period.parse("period", "2025-Q4");
    assertThat(q4.provisional()).isTrue();
    assertThat(q4.from()).hasToString("2025-10-01T00:00+08:00");
    assertThat(q4.to()).hasToString("2026-01-01T00:00+08:00");
    assertThat(Period.parse("period", "2025").provisional()).isFalse();
  }
}

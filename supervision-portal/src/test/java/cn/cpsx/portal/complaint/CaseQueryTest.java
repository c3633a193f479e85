package cn.cpsx.portal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseQueryTest {

  @Test
  void repeatedAndCommaSeparatedValuesAreOneChoiceList() {
    CaseQuery query =
        new CaseQuery(
            null,
            null,
            null,
            null,
            List.of("FEES,CLAIMS", " FEES ", ""),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(query.reason()).containsExactly("FEES", "CLAIMS");
    assertThat(query.facetValues()).containsOnlyKeys(CaseFacet.REASON);
  }

  @Test
  void relevanceNeedsWordsOtherwiseNewestFirst() {
    assertThat(CaseQuery.builder().sort("relevance").build().sort()).isEqualTo("newest");
    assertThat(CaseQuery.builder().q("年费").build().sort()).isEqualTo("relevance");
    assertThat(CaseQuery.builder().q("年费").sort("bogus").build().sort()).isEqualTo("relevance");
    assertThat(CaseQuery.builder().size(5000).build().size()).isEqualTo(CaseQuery.MAX_PAGE_SIZE);
  }

  @Test
  void queryStringCarriesTheQuestionButNotThePage() {
    CaseQuery query =
        CaseQuery.builder()
            .q("信用卡 年费")
            .with(CaseFacet.REASON, "FEES", "CLAIMS")
            .overdue(true)
            .received(LocalDate.of(2026, 10, 1), null)
            .after("abc")
            .page(4)
            .build();

    assertThat(query.queryString())
        .isEqualTo(
            "q=%E4%BF%A1%E7%94%A8%E5%8D%A1+%E5%B9%B4%E8%B4%B9&reason=FEES&reason=CLAIMS"
                + "&overdue=true&receivedFrom=2026-10-01&sort=relevance");
    assertThat(query.nextPageQueryString("xyz")).endsWith("&after=xyz&page=5");
  }

  @Test
  void aPageNumberWithoutACursorIsTheFirstPage() {
    assertThat(CaseQuery.builder().page(7).build().page()).isEqualTo(1);
  }

  @Test
  void amountsBeyondAnyCaseAreBoundedAndKeptToTheCent() {
    // amountMin=1e999999999 once made the search page format a billion digits (out of memory)
    CaseQuery query =
        CaseQuery.all().toBuilder()
            .amount(
                new java.math.BigDecimal("1e999999999"), new java.math.BigDecimal("1e-999999999"))
            .build();

    assertThat(query.amountMin()).isEqualByComparingTo("10000000000000");
    assertThat(query.amountMax()).isEqualByComparingTo("0.00");
    assertThat(
            CaseQuery.all().toBuilder()
                .amount(new java.math.BigDecimal("0.001"), new java.math.BigDecimal("-1e999999999"))
                .build())
        .satisfies(
            q -> {
              assertThat(q.amountMin()).isEqualByComparingTo("0.01");
              assertThat(q.amountMax()).isEqualByComparingTo("-10000000000000");
            });
  }
}

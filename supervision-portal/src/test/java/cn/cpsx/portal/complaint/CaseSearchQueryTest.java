package cn.cpsx.portal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** The query DSL CaseSearch builds, compared with the expected JSON beside this test. */
class CaseSearchQueryTest {

  private final CaseSearch search =
      new CaseSearch(null, new SearchIndexProperties("cases"), null, null);

  private final CaseQuery creditCardFees =
      CaseQuery.builder()
          .q("信用卡年费")
          .with(CaseFacet.BUSINESS_CATEGORY, "CREDIT_CARD")
          .with(CaseFacet.REASON, "FEES", "CLAIMS")
          .overdue(true)
          .received(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31))
          .amount(new BigDecimal("100"), null)
          .build();

  @Test
  void wordsAreScoredAndEveryFilterGoesToThePostFilter() throws Exception {
    JSONAssert.assertEquals(
        expected("words-and-filters.json"),
        json(search.request(creditCardFees)),
        JSONCompareMode.LENIENT);
  }

  @Test
  void eachFacetCountsOverEveryFilterButItsOwn() throws Exception {
    JSONAssert.assertEquals(
        expected("facets-leave-out-their-own-filter.json"),
        json(search.request(creditCardFees)),
        JSONCompareMode.LENIENT);
  }

  @Test
  void withoutWordsNewestComeFirstAndNothingIsHighlighted() {
    String request = json(search.request(CaseQuery.all()));

    assertThat(request)
        .contains("\"query\":{\"match_all\":{}}")
        .contains("\"sort\":[{\"receivedAt\":{\"order\":\"desc\"}}")
        .doesNotContain("highlight")
        .doesNotContain("search_after");
  }

  @Test
  void theNextPageStartsAfterTheCursorsSortValues() {
    String cursor =
        SearchCursor.encode(
            List.of(
                FieldValue.of(1_791_000_000_000L),
                FieldValue.of("91110000770914530P"),
                FieldValue.of("TS-1")));

    String request = json(search.request(CaseQuery.builder().after(cursor).page(3).build()));

    assertThat(request)
        .contains("\"search_after\":[1791000000000,\"91110000770914530P\",\"TS-1\"]")
        .doesNotContain("\"from\"");
  }

  @Test
  void anAlteredCursorIsRefusedNotGuessed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> search.request(CaseQuery.builder().after("not-a-cursor!").build()))
        .isInstanceOf(SearchCursor.InvalidCursorException.class)
        .hasMessageContaining("after");
  }

  @Test
  void amountSortPutsCasesWithoutAnAmountLast() {
    String request = json(search.request(CaseQuery.builder().sort("amount").build()));

    assertThat(request)
        .contains("{\"amountInvolved\":{\"missing\":-1,\"order\":\"desc\"}}")
        .contains("{\"institution\":{\"order\":\"asc\"}},{\"caseNo\":{\"order\":\"asc\"}}");
  }

  static String json(SearchRequest request) {
    StringWriter out = new StringWriter();
    var mapper = new JacksonJsonpMapper();
    var generator = mapper.jsonProvider().createGenerator(out);
    request.serialize(generator, mapper);
    generator.close();
    return out.toString();
  }

  private static String expected(String name) throws IOException {
    try (InputStream in = CaseSearchQueryTest.class.getResourceAsStream("/complaint/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

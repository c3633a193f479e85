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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** The query DSL a case search sends, compared with the expected JSON beside this test. */
class CaseSearchQueryTest {

  private static final Instant AS_OF = Instant.parse("2026-10-20T08:30:00Z");

  private final CaseSearchRequests requests =
      new CaseSearchRequests(new SearchIndexProperties("cases"));

  private final CaseQuery creditCardFees =
      CaseQuery.builder()
          .q("信用卡年费")
          .with(CaseFacet.BUSINESS_CATEGORY, "CREDIT_CARD")
          .with(CaseFacet.REASON, "FEES", "CLAIMS")
          .overdue(true)
          .received(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31))
          .amount(new BigDecimal("100"), null)
          .build();

  private final CaseQuery cardFeesInOctober =
      CaseQuery.builder()
          .with(CaseFacet.BUSINESS_CATEGORY, "CREDIT_CARD")
          .with(CaseFacet.REASON, "FEES", "CLAIMS")
          .received(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31))
          .amount(new BigDecimal("100"), null)
          .build();

  @Test
  void hitsScoreTheWordsFilterInTheQueryAndCountTheTotalOnlyUpToTheCap() throws Exception {
    String request = json(requests.hits(creditCardFees, null, AS_OF));

    JSONAssert.assertEquals(
        expected("hits-words-and-filters.json"), request, JSONCompareMode.LENIENT);
    assertThat(request).doesNotContain("aggregations").doesNotContain("post_filter");
  }

  @Test
  void facetsWithoutAChoiceAreCountedOverTheQueryInOneCacheableRequest() throws Exception {
    SearchRequest request = requests.facets(cardFeesInOctober, null, AS_OF).counts();
    String counts = json(request);

    assertThat(request.requestCache()).isTrue();
    JSONAssert.assertEquals(
        expected("facet-counts-unchosen.json"), counts, JSONCompareMode.LENIENT);
    assertThat(counts)
        .doesNotContain("\"reason\":{\"terms\"")
        .doesNotContain("\"businessCategory\":{\"terms\"")
        .as("institution names come from the directory")
        .doesNotContain("institutionName");
  }

  @Test
  void eachChosenFacetCountsOverEveryFilterButItsOwn() throws Exception {
    var chosen = requests.facets(cardFeesInOctober, null, AS_OF).chosen();

    assertThat(chosen.keySet()).containsExactly(CaseFacet.BUSINESS_CATEGORY, CaseFacet.REASON);
    assertThat(chosen.get(CaseFacet.REASON).requestCache()).isTrue();
    JSONAssert.assertEquals(
        expected("facet-counts-chosen-reason.json"),
        json(chosen.get(CaseFacet.REASON)),
        JSONCompareMode.LENIENT);
    assertThat(json(chosen.get(CaseFacet.BUSINESS_CATEGORY)))
        .contains("{\"terms\":{\"reason\":[\"FEES\",\"CLAIMS\"]}}")
        .doesNotContain("{\"terms\":{\"businessCategory\"");
  }

  @Test
  void overdueAskedForIsAFilterOfEveryCountNotACountOfItsOwn() {
    var facets = requests.facets(creditCardFees, null, AS_OF);

    assertThat(json(facets.counts()))
        .contains("{\"range\":{\"deadline\":{\"lt\":\"2026-10-20T08:30:00Z\"}}}")
        .doesNotContain("\"overdue\":{");
    assertThat(json(facets.chosen().get(CaseFacet.REASON))).contains("2026-10-20T08:30:00Z");
  }

  @Test
  void theLastIndexedTimeIsAMaxOverTheWholeIndexNotAGlobalAggregation() {
    String request = json(requests.lastIndexed());

    assertThat(request)
        .contains("\"size\":0")
        .contains("{\"max\":{\"field\":\"indexedAt\"}}")
        .doesNotContain("global")
        .doesNotContain("\"query\"");
  }

  @Test
  void scopeIsPartOfEveryRequestsQuery() {
    CaseSearchRequests.FacetRequests facets =
        requests.facets(cardFeesInOctober, "91110000770914530P", AS_OF);

    for (SearchRequest request :
        List.of(
            requests.hits(cardFeesInOctober, "91110000770914530P", AS_OF),
            facets.counts(),
            facets.chosen().get(CaseFacet.REASON))) {
      assertThat(json(request))
          .contains("{\"term\":{\"institution\":{\"value\":\"91110000770914530P\"}}}");
    }
  }

  @Test
  void withoutWordsNewestComeFirstAndNothingIsHighlighted() {
    String request = json(requests.hits(CaseQuery.all(), null, AS_OF));

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

    String request =
        json(requests.hits(CaseQuery.builder().after(cursor).page(3).build(), null, AS_OF));

    assertThat(request)
        .contains("\"search_after\":[1791000000000,\"91110000770914530P\",\"TS-1\"]")
        .doesNotContain("\"from\"");
  }

  @Test
  void anAlteredCursorIsRefusedNotGuessed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> requests.hits(CaseQuery.builder().after("not-a-cursor!").build(), null, AS_OF))
        .isInstanceOf(SearchCursor.InvalidCursorException.class)
        .hasMessageContaining("after");
  }

  @Test
  void highlightsFindThePhraseAsTheNarrativesOwnTermsNotAsIndexedPairs() {
    String request =
        json(requests.hits(CaseQuery.builder().q("POS机退款").sort("newest").build(), null, AS_OF));

    assertThat(request)
        .as("lower-cased Latin words and one term per Chinese character, as the standard analyzer")
        .contains(
            "{\"span_near\":{\"clauses\":[{\"span_term\":{\"narrative\":{\"value\":\"pos\"}}},"
                + "{\"span_term\":{\"narrative\":{\"value\":\"机\"}}},"
                + "{\"span_term\":{\"narrative\":{\"value\":\"退\"}}},"
                + "{\"span_term\":{\"narrative\":{\"value\":\"款\"}}}]");
    assertThat(CaseSearchRequests.exactPhrase("，。")).isEmpty();
  }

  @Test
  void amountSortPutsCasesWithoutAnAmountLast() {
    String request = json(requests.hits(CaseQuery.builder().sort("amount").build(), null, AS_OF));

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

  @Test
  void aPhraseMarkedCharacterByCharacterIsShownAsOneMark() {
    assertThat(
            CaseSearch.joinedMarks(
                List.of("客户反映<em>转</em><em>账</em><em>限</em><em>额</em>被调低，<em>限</em>额")))
        .containsExactly("客户反映<em>转账限额</em>被调低，<em>限</em>额");
    assertThat(CaseSearch.joinedMarks(null)).isEmpty();
  }
}

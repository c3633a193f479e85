package cn.cpsx.portal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.CaseFixtures;
import cn.cpsx.portal.CaseFixtures.FixtureCase;
import cn.cpsx.portal.PortalApi;
import cn.cpsx.portal.institution.InstitutionDirectory;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The regulator's search API against the real Elasticsearch, over 60 fixture cases of three
 * institutions of this run. Every expectation is computed from the fixture, so each test also fails
 * when the index answers something else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSearchIT {

  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient es;
  @Autowired SearchIndexProperties index;
  @Autowired IndexFreshness freshness;
  @Autowired InstitutionDirectory directory;
  @Autowired Clock clock;

  CaseFixtures fixture;
  PortalApi analyst;
  String mine;

  @BeforeAll
  void load() throws Exception {
    fixture = CaseFixtures.load(jdbc, es, index.caseAlias());
    analyst = PortalApi.as("analyst");
    mine =
        fixture.institutions().stream()
            .map(i -> "institution=" + i)
            .collect(Collectors.joining("&"));
  }

  @Test
  void facetCountsLeaveOutTheirOwnFilterSoOtherValuesStayChoosable() throws Exception {
    JsonNode result = analyst.json("/regulator/api/cases?" + mine + "&reason=FEES");

    assertThat(result.get("total").asLong()).isEqualTo(count(c -> c.reason().equals("FEES")));
    Map<String, Long> reasons = buckets(result, "reason");
    for (String reason : CaseFixtures.REASONS) {
      assertThat(reasons.get(reason))
          .as("reason %s counted without the reason filter", reason)
          .isEqualTo(count(c -> c.reason().equals(reason)));
    }
    Map<String, Long> categories = buckets(result, "businessCategory");
    for (String category : CaseFixtures.CATEGORIES) {
      assertThat(categories.getOrDefault(category, 0L))
          .as("category %s counted with the reason filter", category)
          .isEqualTo(count(c -> c.category().equals(category) && c.reason().equals("FEES")));
    }
    assertThat(chosen(result, "reason")).containsExactly("FEES");
  }

  @Test
  void severalValuesOfOneFacetMatchAnyOfThemAndFacetsCombineWithAnd() throws Exception {
    JsonNode result =
        analyst.json(
            "/regulator/api/cases?"
                + mine
                + "&reason=FEES&reason=CLAIMS&businessCategory=CREDIT_CARD");

    assertThat(result.get("total").asLong())
        .isEqualTo(
            count(
                c ->
                    (c.reason().equals("FEES") || c.reason().equals("CLAIMS"))
                        && c.category().equals("CREDIT_CARD")));
  }

  @Test
  void chineseWordsFindTheirCasesWithHighlightsAndMaskedPhones() throws Exception {
    JsonNode result = analyst.json("/regulator/api/cases?" + mine + "&q=" + encode("信用卡年费"));

    assertThat(result.get("total").asLong()).isEqualTo(count(c -> c.reason().equals("FEES")));
    JsonNode first = result.get("hits").get(0);
    assertThat(first.get("highlights").get(0).asString()).contains("<em>");
    String phone =
        fixture.cases().stream()
            .filter(c -> c.caseNo().equals(first.get("caseNo").asString()))
            .findFirst()
            .orElseThrow()
            .phone();
    assertThat(first.get("narrative").asString())
        .doesNotContain(phone)
        .contains(phone.substring(0, 3) + "****" + phone.substring(7));
  }

  @Test
  void searchAfterWalksEveryCaseOnceInSortOrder() throws Exception {
    List<String> seen = new ArrayList<>();
    String query = "/regulator/api/cases?" + mine + "&sort=oldest&size=7";
    JsonNode page = analyst.json(query);
    int pages = 1;
    while (true) {
      page.get("hits").forEach(h -> seen.add(h.get("caseNo").asString()));
      if (page.get("next").isNull()) {
        break;
      }
      page = analyst.json(query + "&page=" + (++pages) + "&after=" + page.get("next").asString());
      assertThat(page.get("page").asInt()).isEqualTo(pages);
    }

    List<String> expected =
        fixture.cases().stream()
            .sorted(Comparator.comparing(FixtureCase::receivedAt))
            .map(FixtureCase::caseNo)
            .toList();
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo((CaseFixtures.CASES + 6) / 7);
  }

  @Test
  void overdueMeansOpenAndPastTheDeadline() throws Exception {
    JsonNode result = analyst.json("/regulator/api/cases?" + mine + "&overdue=true&size=100");

    Set<String> expected =
        fixture.cases().stream()
            .filter(FixtureCase::overdue)
            .map(FixtureCase::caseNo)
            .collect(Collectors.toSet());
    assertThat(expected).isNotEmpty();
    assertThat(caseNos(result)).isEqualTo(expected);
    result.get("hits").forEach(h -> assertThat(h.get("overdue").asBoolean()).isTrue());
    assertThat(analyst.json("/regulator/api/cases?" + mine).get("overdueCount").asLong())
        .isEqualTo(expected.size());
  }

  @Test
  void everyCountEqualsACountOfTheFixtureWithTheSameFilters() throws Exception {
    Predicate<FixtureCase> reasons = c -> c.reason().equals("FEES") || c.reason().equals("CLAIMS");
    Predicate<FixtureCase> card = c -> c.category().equals("CREDIT_CARD");
    JsonNode result =
        analyst.json(
            "/regulator/api/cases?"
                + mine
                + "&reason=FEES&reason=CLAIMS&businessCategory=CREDIT_CARD&overdue=true");

    assertThat(result.get("total").asLong())
        .isEqualTo(count(reasons.and(card).and(FixtureCase::overdue)));
    assertThat(result.get("totalAtLeast").asBoolean()).isFalse();
    assertThat(result.get("overdueCount").asLong()).isEqualTo(result.get("total").asLong());
    Map<String, Long> byReason = buckets(result, "reason");
    for (String reason : CaseFixtures.REASONS) {
      assertThat(byReason.getOrDefault(reason, 0L))
          .as("reason %s: every filter but the reason's", reason)
          .isEqualTo(count(card.and(FixtureCase::overdue).and(c -> c.reason().equals(reason))));
    }
    Map<String, Long> byCategory = buckets(result, "businessCategory");
    for (String category : CaseFixtures.CATEGORIES) {
      assertThat(byCategory.getOrDefault(category, 0L))
          .as("category %s: every filter but the category's", category)
          .isEqualTo(
              count(reasons.and(FixtureCase::overdue).and(c -> c.category().equals(category))));
    }
    Map<String, Long> byStatus = buckets(result, "status");
    for (String status : List.of("RECEIVED", "IN_PROGRESS", "RESOLVED")) {
      assertThat(byStatus.getOrDefault(status, 0L))
          .as("status %s, not chosen: every filter", status)
          .isEqualTo(
              count(
                  reasons.and(card).and(FixtureCase::overdue).and(c -> c.status().equals(status))));
    }
    for (JsonNode bucket : result.get("facets").get("institution")) {
      String uscc = bucket.get("value").asString();
      if (fixture.institutions().contains(uscc)) {
        assertThat(bucket.get("count").asLong())
            .isEqualTo(
                count(
                    reasons
                        .and(card)
                        .and(FixtureCase::overdue)
                        .and(c -> c.institution().equals(uscc))));
        assertThat(bucket.get("name").asString())
            .as("named from the directory")
            .isEqualTo(fixture.name(uscc));
      }
    }

    JsonNode notOverdue =
        analyst.json("/regulator/api/cases?" + mine + "&reason=FEES&reason=CLAIMS");
    assertThat(notOverdue.get("overdueCount").asLong())
        .isEqualTo(count(reasons.and(FixtureCase::overdue)));
  }

  @Test
  void pagesAfterTheFirstLeaveTheFacetCountsOut() throws Exception {
    JsonNode first = analyst.json("/regulator/api/cases?" + mine + "&size=10");
    JsonNode second =
        analyst.json(
            "/regulator/api/cases?"
                + mine
                + "&size=10&page=2&after="
                + first.get("next").asString());

    assertThat(first.get("facets").get("reason")).isNotEmpty();
    assertThat(first.get("overdueCount").isNull()).isFalse();
    assertThat(second.get("facets").isNull()).isTrue();
    assertThat(second.get("overdueCount").isNull()).isTrue();
    assertThat(second.get("hits")).hasSize(10);
    assertThat(second.get("total").asLong()).isEqualTo(CaseFixtures.CASES);
    assertThat(second.get("totalAtLeast").asBoolean()).isFalse();
  }

  @Test
  void withoutFacetCountsTheTotalIsCountedOnlyUpToTheCapAndSaysSo() throws Exception {
    CaseSearch capped =
        new CaseSearch(
            es, new SearchIndexProperties(index.caseAlias(), 25), freshness, directory, clock);
    CaseQuery ours =
        CaseQuery.builder()
            .with(CaseFacet.INSTITUTION, fixture.institutions().toArray(String[]::new))
            .size(10)
            .build();

    CaseSearchResult withFacets = capped.search(ours, true);
    CaseSearchResult withoutFacets = capped.search(ours, false);

    assertThat(withFacets.total()).isEqualTo(CaseFixtures.CASES);
    assertThat(withFacets.totalAtLeast()).isFalse();
    assertThat(withoutFacets.total()).isEqualTo(25);
    assertThat(withoutFacets.totalAtLeast()).isTrue();
    assertThat(withoutFacets.facets()).isNull();
    assertThat(withoutFacets.next()).as("more pages beyond a capped total").isNotNull();
    assertThat(withoutFacets.hits())
        .extracting(CaseHit::caseNo)
        .isEqualTo(withFacets.hits().stream().map(CaseHit::caseNo).toList());
  }

  @Test
  void theSameCountsAskedAgainComeFromTheRequestCache() throws Exception {
    String query = "/regulator/api/cases?" + mine + "&reason=FEES&status=RECEIVED&status=RESOLVED";
    long hitsBefore = 0;
    long hitsAfter = 0;
    // The counts name "now" rounded to the minute; a minute may turn between the two calls once.
    for (int attempt = 0; attempt < 3 && hitsAfter <= hitsBefore; attempt++) {
      java.time.Instant minute = CaseFilters.asOf(clock);
      analyst.json(query);
      hitsBefore = requestCacheHits();
      analyst.json(query);
      hitsAfter = requestCacheHits();
      if (!CaseFilters.asOf(clock).equals(minute)) {
        hitsAfter = hitsBefore;
      }
    }

    assertThat(hitsAfter).isGreaterThan(hitsBefore);
  }

  private long requestCacheHits() throws Exception {
    return es.indices()
        .stats(s -> s.index(index.caseAlias()).metric("request_cache"))
        .all()
        .primaries()
        .requestCache()
        .hitCount();
  }

  @Test
  void amountRangeAndAmountSortLeaveCasesWithoutAnAmountLast() throws Exception {
    JsonNode ranged =
        analyst.json("/regulator/api/cases?" + mine + "&amountMin=1000&amountMax=2500&size=100");
    assertThat(ranged.get("total").asLong())
        .isEqualTo(count(c -> c.amount() != null && c.amount() >= 1000 && c.amount() <= 2500));

    JsonNode sorted = analyst.json("/regulator/api/cases?" + mine + "&sort=amount&size=100");
    List<Double> amounts = new ArrayList<>();
    sorted
        .get("hits")
        .forEach(
            h ->
                amounts.add(
                    h.get("amountInvolved").isNull() ? null : h.get("amountInvolved").asDouble()));
    int firstMissing = amounts.indexOf(null);
    assertThat(amounts.subList(0, firstMissing)).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(amounts.subList(firstMissing, amounts.size())).containsOnlyNulls();
  }

  @Test
  void receivedDateRangeIsInclusiveInShanghaiDays() throws Exception {
    FixtureCase tenth = fixture.cases().get(10);
    String day = tenth.receivedAt().toLocalDate().toString();

    JsonNode result =
        analyst.json(
            "/regulator/api/cases?" + mine + "&receivedFrom=" + day + "&receivedTo=" + day);

    assertThat(caseNos(result)).containsExactly(tenth.caseNo());
  }

  @Test
  void trendCountsAddUpToTheSearchTotalPerValue() throws Exception {
    JsonNode trend =
        analyst.json("/regulator/api/trends?" + mine + "&interval=week&by=reason&top=2");

    assertThat(trend.get("total").get("sum").asLong()).isEqualTo(CaseFixtures.CASES);
    long weeks = 0;
    for (JsonNode count : trend.get("total").get("counts")) {
      weeks += count.asLong();
    }
    assertThat(weeks).isEqualTo(CaseFixtures.CASES);
    assertThat(trend.get("series")).hasSize(2);
    for (JsonNode series : trend.get("series")) {
      String reason = series.get("key").asString();
      assertThat(series.get("sum").asLong()).isEqualTo(count(c -> c.reason().equals(reason)));
    }
  }

  @Test
  void deadlinesListEachInstitutionsOverdueCasesOldestFirst() throws Exception {
    JsonNode overdue = analyst.json("/regulator/api/deadlines?" + mine);

    Map<String, Long> expected =
        fixture.cases().stream()
            .filter(FixtureCase::overdue)
            .collect(Collectors.groupingBy(FixtureCase::institution, Collectors.counting()));
    Map<String, Long> actual = new HashMap<>();
    List<String> oldest = new ArrayList<>();
    for (JsonNode row : overdue.get("institutions")) {
      actual.put(row.get("institution").asString(), row.get("cases").asLong());
      oldest.add(row.get("oldestDeadline").asString());
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(oldest).isSorted();
  }

  @Test
  void exportStreamsTheSearchAsMaskedCsv() throws Exception {
    var response = analyst.get("/regulator/cases/export.csv?" + mine + "&reason=FEES");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    List<String> lines = response.body().lines().toList();
    // the header is in the reader's language (Chinese by default), codes in columns of their own
    assertThat(lines.getFirst()).startsWith("\uFEFF机构统一社会信用代码,机构名称");
    assertThat(lines).hasSize(1 + (int) count(c -> c.reason().equals("FEES")));
    for (FixtureCase c : fixture.cases()) {
      assertThat(response.body()).doesNotContain(c.phone());
    }
    assertThat(response.body()).contains("王**").doesNotContain("王小明");
  }

  @Test
  void theMetaBlockSaysWhenTheIndexWasLastWrittenAndThatItIsBehindAFilingWaitingTooLong()
      throws Exception {
    // a filing received 10 minutes ago and still not validated: search is behind (stale)
    String waiting = "FSTALE-" + java.util.UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                received_at, sha256, size_bytes, raw)
            VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', now() - interval '10 minutes', ?, 2,
                    '{}'::bytea)
            """)
        .params(
            waiting,
            fixture.institutions().getFirst(),
            java.util.UUID.randomUUID().toString().replace("-", "").repeat(2))
        .update();
    try {
      JsonNode meta = analyst.json("/regulator/api/cases?" + mine).get("meta");

      assertThat(meta.get("lastIndexed").isNull()).isFalse();
      assertThat(meta.get("stale").asBoolean()).isTrue();
      assertThat(meta.get("waitingFilings").asLong()).isPositive();
      assertThat(java.time.Instant.parse(meta.get("oldestWaiting").asString()))
          .isBefore(java.time.Instant.now().minus(IndexFreshness.STALE_AFTER));
    } finally {
      jdbc.sql("DELETE FROM filing WHERE filing_id = ?").param(waiting).update();
    }
  }

  @Test
  void institutionsAreFoundByPartOfTheirNameOrTheirUsccsBeginning() throws Exception {
    String uscc = fixture.institutions().get(1);
    String name = fixture.name(uscc);

    JsonNode byName = analyst.json("/regulator/api/institutions?q=" + encode(name.substring(4)));
    JsonNode byUscc = analyst.json("/regulator/api/institutions?q=" + uscc.substring(0, 17));

    assertThat(byName.get(0).get("uscc").asString()).isEqualTo(uscc);
    assertThat(byName.get(0).get("shortName").asString()).isEqualTo(name);
    List<String> usccs = new ArrayList<>();
    byUscc.forEach(e -> usccs.add(e.get("uscc").asString()));
    assertThat(usccs).contains(uscc).allMatch(u -> u.startsWith(uscc.substring(0, 17)));
  }

  @Test
  void aBadCursorOrValueIsA400NamingIt() throws Exception {
    var cursor = analyst.get("/regulator/api/cases?after=forged");
    var amount = analyst.get("/regulator/api/cases?amountMin=lots");

    assertThat(cursor.statusCode()).isEqualTo(400);
    assertThat(cursor.body()).contains("after");
    assertThat(amount.statusCode()).isEqualTo(400);
    assertThat(amount.body()).contains("amountMin");
  }

  private long count(Predicate<FixtureCase> filter) {
    return fixture.cases().stream().filter(filter).count();
  }

  private static Map<String, Long> buckets(JsonNode result, String facet) {
    Map<String, Long> counts = new HashMap<>();
    result
        .get("facets")
        .get(facet)
        .forEach(b -> counts.put(b.get("value").asString(), b.get("count").asLong()));
    return counts;
  }

  private static List<String> chosen(JsonNode result, String facet) {
    List<String> chosen = new ArrayList<>();
    result
        .get("facets")
        .get(facet)
        .forEach(
            b -> {
              if (b.get("chosen").asBoolean()) {
                chosen.add(b.get("value").asString());
              }
            });
    return chosen;
  }

  private static Set<String> caseNos(JsonNode result) {
    Set<String> caseNos = new LinkedHashSet<>();
    result.get("hits").forEach(h -> caseNos.add(h.get("caseNo").asString()));
    return caseNos;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

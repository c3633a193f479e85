package cn.cpsx.portal.complaint;

import cn.cpsx.schemas.search.ChineseSegmenter;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Searches the case index: words scored in the query, filters in {@code post_filter}, and for each
 * facet a filter aggregation over every other filter, so a multi-select facet shows what choosing
 * one more of its values would give (ccdb5's way). Chinese text is segmented here exactly as
 * batch-jobs segmented it at index time.
 */
@Component
public class CaseSearch {

  private static final String LAST_INDEXED = "lastIndexed";
  private static final String OVERDUE = "overdue";

  private final ElasticsearchClient client;
  private final SearchIndexProperties properties;
  private final IndexFreshness freshness;
  private final Clock clock;

  CaseSearch(
      ElasticsearchClient client,
      SearchIndexProperties properties,
      IndexFreshness freshness,
      Clock clock) {
    this.client = client;
    this.properties = properties;
    this.freshness = freshness;
    this.clock = clock;
  }

  public CaseSearchResult search(CaseQuery query) throws IOException {
    return search(query, null);
  }

  /**
   * The search confined to one institution's cases: the institution is part of the query itself, so
   * hits and every count (the institution facet too) stay inside it. For the institution area.
   */
  public CaseSearchResult searchWithin(String institution, CaseQuery query) throws IOException {
    return search(query, institution);
  }

  private CaseSearchResult search(CaseQuery query, String scope) throws IOException {
    SearchResponse<Map> response = client.search(request(query, scope), Map.class);
    Instant now = clock.instant();
    List<CaseHit> hits = new ArrayList<>();
    for (Hit<Map> hit : response.hits().hits()) {
      hits.add(CaseHit.of(hit.source(), hit.highlight().getOrDefault("narrative", List.of()), now));
    }
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    String next = null;
    List<Hit<Map>> page = response.hits().hits();
    if (page.size() == query.size() && (long) query.page() * query.size() < total) {
      next = SearchCursor.encode(page.getLast().sort());
    }
    Map<String, Aggregate> aggs = response.aggregations();
    Map<String, List<CaseSearchResult.FacetBucket>> facets = new LinkedHashMap<>();
    for (CaseFacet facet : CaseFacet.values()) {
      facets.put(facet.param(), buckets(query, facet, aggs.get(facet.param())));
    }
    long overdue = aggs.get(OVERDUE).filter().docCount();
    Double newest = aggs.get(LAST_INDEXED).global().aggregations().get("max").max().value();
    Instant lastIndexed =
        newest == null || newest.isInfinite() || newest.isNaN()
            ? null
            : Instant.ofEpochMilli(newest.longValue());
    return new CaseSearchResult(
        total,
        hits,
        facets,
        overdue,
        freshness.meta(lastIndexed, now),
        next,
        query.page(),
        query.size());
  }

  /** How many cases the query selects, exactly (what an export will hold, up to its limit). */
  long count(CaseQuery query) throws IOException {
    return client
        .count(
            c ->
                c.index(properties.caseAlias())
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.must(CaseFilters.words(query))
                                        .filter(CaseFilters.and(CaseFilters.all(query))))))
        .count();
  }

  /** One page of hits without facets or highlights, for the streamed export. */
  List<Hit<Map>> page(CaseQuery query, List<FieldValue> after, int size) throws IOException {
    SearchRequest request =
        SearchRequest.of(
            s ->
                hits(s, CaseFilters.words(query), query, size, after)
                    .trackTotalHits(t -> t.enabled(false)));
    return client.search(request, Map.class).hits().hits();
  }

  /** What every case search asks: the words, every filter, the sort, and where the page starts. */
  private SearchRequest.Builder hits(
      SearchRequest.Builder s, Query words, CaseQuery query, int size, List<FieldValue> after) {
    s.index(properties.caseAlias())
        .size(size)
        .query(words)
        .postFilter(CaseFilters.and(CaseFilters.all(query)))
        .sort(sorts(query.sort()));
    if (after != null) {
      s.searchAfter(after);
    }
    return s;
  }

  SearchRequest request(CaseQuery query) {
    return request(query, null);
  }

  SearchRequest request(CaseQuery query, String scope) {
    Query words = CaseFilters.words(query);
    Query scoped =
        scope == null
            ? words
            : Query.of(
                q ->
                    q.bool(
                        b ->
                            b.must(words)
                                .filter(f -> f.term(t -> t.field("institution").value(scope)))));
    return SearchRequest.of(
        s -> {
          hits(
                  s,
                  scoped,
                  query,
                  query.size(),
                  query.after() == null ? null : SearchCursor.decode(query.after()))
              .trackTotalHits(t -> t.enabled(true));
          for (CaseFacet facet : CaseFacet.values()) {
            s.aggregations(
                facet.param(),
                a ->
                    a.filter(CaseFilters.and(CaseFilters.allBut(query, facet)))
                        .aggregations(
                            "values",
                            v ->
                                facet == CaseFacet.INSTITUTION
                                    ? v.terms(t -> t.field(facet.field()).size(facet.size()))
                                        .aggregations(
                                            "name",
                                            n -> n.terms(t -> t.field("institutionName").size(1)))
                                    : v.terms(t -> t.field(facet.field()).size(facet.size()))));
          }
          s.aggregations(OVERDUE, a -> a.filter(CaseFilters.and(CaseFilters.overdueAmong(query))));
          s.aggregations(
              LAST_INDEXED,
              a -> a.global(g -> g).aggregations("max", m -> m.max(x -> x.field("indexedAt"))));
          if (query.q() != null) {
            s.highlight(
                h ->
                    h.encoder(HighlighterEncoder.Html)
                        .fields(
                            NamedValue.of(
                                "narrative",
                                HighlightField.of(
                                    f ->
                                        f.fragmentSize(80)
                                            .numberOfFragments(3)
                                            .highlightQuery(highlightQuery(query.q()))))));
          }
          return s;
        });
  }

  /**
   * Each sort ends with institution and case number, unique together, so {@code search_after} never
   * skips or repeats a case that ties on the sort values before them.
   */
  static List<SortOptions> sorts(String sort) {
    List<SortOptions> sorts = new ArrayList<>();
    Consumer<SortOptions> add = sorts::add;
    switch (sort) {
      case "relevance" -> {
        add.accept(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
        add.accept(field("receivedAt", SortOrder.Desc));
      }
      case "oldest" -> add.accept(field("receivedAt", SortOrder.Asc));
      case "amount" -> {
        add.accept(
            SortOptions.of(
                o ->
                    o.field(
                        f ->
                            f.field("amountInvolved")
                                .order(SortOrder.Desc)
                                .missing(FieldValue.of(-1)))));
        add.accept(field("receivedAt", SortOrder.Desc));
      }
      case "deadline" -> add.accept(field("deadline", SortOrder.Asc));
      default -> add.accept(field("receivedAt", SortOrder.Desc));
    }
    add.accept(field("institution", SortOrder.Asc));
    add.accept(field("caseNo", SortOrder.Asc));
    return sorts;
  }

  private static SortOptions field(String name, SortOrder order) {
    return SortOptions.of(o -> o.field(f -> f.field(name).order(order)));
  }

  /** Highlights each segmented word (and the whole phrase) in the unsegmented narrative. */
  private static Query highlightQuery(String q) {
    return Query.of(
        h ->
            h.bool(
                b -> {
                  b.should(m -> m.matchPhrase(p -> p.field("narrative").query(q)));
                  for (String word : ChineseSegmenter.words(q)) {
                    b.should(m -> m.matchPhrase(p -> p.field("narrative").query(word)));
                  }
                  return b;
                }));
  }

  /** The counted values, then any chosen value that counted nothing (so it can be unchosen). */
  private static List<CaseSearchResult.FacetBucket> buckets(
      CaseQuery query, CaseFacet facet, Aggregate aggregate) {
    List<CaseSearchResult.FacetBucket> buckets = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (StringTermsBucket bucket :
        aggregate.filter().aggregations().get("values").sterms().buckets().array()) {
      String value = bucket.key().stringValue();
      String name = null;
      if (facet == CaseFacet.INSTITUTION) {
        var names = bucket.aggregations().get("name").sterms().buckets().array();
        name = names.isEmpty() ? null : names.getFirst().key().stringValue();
      }
      buckets.add(
          new CaseSearchResult.FacetBucket(
              value, name, bucket.docCount(), query.isChosen(facet, value)));
      seen.add(value);
    }
    for (String chosen : query.values(facet)) {
      if (!seen.contains(chosen)) {
        buckets.add(new CaseSearchResult.FacetBucket(chosen, null, 0, true));
      }
    }
    return buckets;
  }
}

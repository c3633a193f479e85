package cn.cpsx.portal.complaint;

import cn.cpsx.search.segmentation.ChineseSegmenter;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.TermsAggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery;
import co.elastic.clients.elasticsearch.core.CountRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The requests one case search sends, built apart so that each stays cheap and cacheable:
 *
 * <ul>
 *   <li>the <b>hits</b>: words and every filter in the query, one page, the total counted exactly
 *       only up to {@link SearchIndexProperties#exactTotalUpTo()};
 *   <li>the <b>counts</b> (size 0, so Elasticsearch's request cache keeps them until the index
 *       changes): the exact total, every facet without a chosen value as a plain terms aggregation
 *       over the query, and the overdue count;
 *   <li>one <b>chosen facet</b> request per facet with a chosen value, over every filter but its
 *       own (ccdb5's multi-select semantics: ticking one more value shows what it would add);
 *   <li>the <b>last-indexed</b> time: a max over the whole index, which Elasticsearch reads from
 *       the index's points without visiting documents.
 * </ul>
 *
 * A facet without a chosen value counts over every filter, which is exactly the query: so the old
 * single request's eleven filter aggregations, each re-filtering the matches, become terms
 * aggregations at the top level (which Elasticsearch can answer from its term index) plus one small
 * request per chosen facet. Every request names a fixed instant for "now" ({@link
 * CaseFilters#asOf}).
 */
final class CaseSearchRequests {

  static final String OVERDUE = "overdue";
  static final String LAST_INDEXED = "lastIndexed";

  /** The aggregation of a chosen facet's request that counts exactly its chosen values. */
  static final String CHOSEN = "-chosen";

  /** What counts a search's facets: the request for the unchosen facets, one per chosen facet. */
  record FacetRequests(SearchRequest counts, Map<CaseFacet, SearchRequest> chosen) {}

  private final SearchIndexProperties properties;

  CaseSearchRequests(SearchIndexProperties properties) {
    this.properties = properties;
  }

  /** One page of hits with highlights; {@code scope} confines it to one institution, or null. */
  SearchRequest hits(CaseQuery query, String scope, Instant asOf) {
    return SearchRequest.of(
        s -> {
          page(
                  s,
                  query,
                  scope,
                  asOf,
                  query.size(),
                  query.after() == null ? null : SearchCursor.decode(query.after()))
              .trackTotalHits(t -> t.count(properties.exactTotalUpTo()))
              // the list shows these; narrativeWords alone is as long as the narrative
              .source(src -> src.filter(f -> f.includes(CaseHit.SOURCE_FIELDS)))
              // the same page asked again (back, a facet ticked and unticked, the raw page before
              // the JSON) is answered from the shard's request cache until the index changes
              .requestCache(true);
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

  /** A page for the streamed export: no total, no highlights. */
  SearchRequest exportPage(CaseQuery query, Instant asOf, List<FieldValue> after, int size) {
    return SearchRequest.of(
        s -> page(s, query, null, asOf, size, after).trackTotalHits(t -> t.enabled(false)));
  }

  /** The exact number of cases the query selects (what an export will hold). */
  CountRequest exactCount(CaseQuery query, Instant asOf) {
    return CountRequest.of(
        c ->
            c.index(properties.caseAlias())
                .query(matching(query, null, CaseFilters.all(query, asOf))));
  }

  private SearchRequest.Builder page(
      SearchRequest.Builder s,
      CaseQuery query,
      String scope,
      Instant asOf,
      int size,
      List<FieldValue> after) {
    s.index(properties.caseAlias())
        .size(size)
        .query(matching(query, scope, CaseFilters.all(query, asOf)))
        .sort(sorts(query.sort()));
    if (after != null) {
      s.searchAfter(after);
    }
    return s;
  }

  FacetRequests facets(CaseQuery query, String scope, Instant asOf) {
    Map<CaseFacet, List<String>> chosenValues = query.facetValues();
    SearchRequest counts =
        SearchRequest.of(
            s -> {
              counting(s).trackTotalHits(t -> t.enabled(true));
              s.query(matching(query, scope, CaseFilters.all(query, asOf)));
              for (CaseFacet facet : CaseFacet.values()) {
                if (!chosenValues.containsKey(facet)) {
                  s.aggregations(facet.param(), a -> a.terms(terms(facet)));
                }
              }
              if (!query.overdue()) {
                s.aggregations(OVERDUE, a -> a.filter(CaseFilters.overdue(asOf)));
              }
              return s;
            });
    Map<CaseFacet, SearchRequest> chosen = new EnumMap<>(CaseFacet.class);
    for (CaseFacet facet : chosenValues.keySet()) {
      chosen.put(
          facet,
          SearchRequest.of(
              s ->
                  counting(s)
                      .trackTotalHits(t -> t.enabled(false))
                      .query(matching(query, scope, CaseFilters.allBut(query, facet, asOf)))
                      .aggregations(facet.param(), a -> a.terms(terms(facet)))
                      // the chosen values themselves, counted even when they are not in the top N
                      .aggregations(
                          facet.param() + CHOSEN,
                          a ->
                              a.terms(
                                  t ->
                                      t.field(facet.field())
                                          .size(chosenValues.get(facet).size())
                                          .include(i -> i.terms(chosenValues.get(facet)))))));
    }
    return new FacetRequests(counts, chosen);
  }

  SearchRequest lastIndexed() {
    return SearchRequest.of(
        s ->
            counting(s)
                .trackTotalHits(t -> t.enabled(false))
                .aggregations(LAST_INDEXED, a -> a.max(m -> m.field("indexedAt"))));
  }

  private SearchRequest.Builder counting(SearchRequest.Builder s) {
    return s.index(properties.caseAlias()).size(0).requestCache(true);
  }

  private static TermsAggregation terms(CaseFacet facet) {
    return TermsAggregation.of(t -> t.field(facet.field()).size(facet.size()));
  }

  private static Query matching(CaseQuery query, String scope, List<Query> filters) {
    List<Query> all = new ArrayList<>(filters);
    if (scope != null) {
      all.add(Query.of(q -> q.term(t -> t.field("institution").value(scope))));
    }
    return CaseFilters.matching(CaseFilters.words(query), all);
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
                  exactPhrase(q).ifPresent(b::should);
                  for (String word : ChineseSegmenter.words(q)) {
                    exactPhrase(word).ifPresent(b::should);
                  }
                  return b;
                }));
  }

  private static final Analyzer NARRATIVE_ANALYZER = new StandardAnalyzer();

  /**
   * The phrase as adjacent positions of the narrative's own terms (the index's {@code standard}
   * analyzer: one term per Chinese character). Not a {@code match_phrase}: that reads the indexed
   * pairs of adjacent terms ({@code index_phrases}), which the highlighter cannot map back to the
   * text, so nothing would be highlighted.
   */
  static Optional<Query> exactPhrase(String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream tokens = NARRATIVE_ANALYZER.tokenStream("narrative", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    if (terms.size() == 1) {
      return Optional.of(Query.of(t -> t.term(v -> v.field("narrative").value(terms.getFirst()))));
    }
    List<SpanQuery> clauses =
        terms.stream()
            .map(term -> SpanQuery.of(c -> c.spanTerm(t -> t.field("narrative").value(term))))
            .toList();
    return Optional.of(Query.of(n -> n.spanNear(sn -> sn.clauses(clauses).slop(0).inOrder(true))));
  }
}

package cn.cpsx.portal.complaint;

import cn.cpsx.portal.institution.InstitutionDirectory;
import cn.cpsx.search.document.CaseSearchDocument;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;

/**
 * Searches the case index. The hits, the facet counts and the last-indexed time are separate
 * requests ({@link CaseSearchRequests}) sent at once, so a search takes as long as the slowest of
 * them, not their sum, and the counts come from Elasticsearch's request cache when the same
 * question is asked again (the next page, the export link, the back button). Pages after the first
 * need no counts: the JSON API leaves them out there and counts the total only up to a cap. Chinese
 * text is segmented here exactly as batch-jobs segmented it at index time.
 */
@Component
public class CaseSearch {

  private final ElasticsearchClient client;
  private final ElasticsearchAsyncClient async;
  private final CaseSearchRequests requests;
  private final IndexFreshness freshness;
  private final InstitutionDirectory directory;
  private final Clock clock;

  CaseSearch(
      ElasticsearchClient client,
      SearchIndexProperties properties,
      IndexFreshness freshness,
      InstitutionDirectory directory,
      Clock clock) {
    this.client = client;
    this.async = new ElasticsearchAsyncClient(client._transport(), client._transportOptions());
    this.requests = new CaseSearchRequests(properties);
    this.freshness = freshness;
    this.directory = directory;
    this.clock = clock;
  }

  /** A page of hits with the exact total and every facet count. */
  public CaseSearchResult search(CaseQuery query) throws IOException {
    return search(query, null, true);
  }

  /**
   * A page of hits, with the facet counts and the exact total only when {@code facets}; without
   * them the total is exact up to {@link SearchIndexProperties#exactTotalUpTo()} and "at least"
   * that beyond ({@link CaseSearchResult#totalAtLeast()}).
   */
  public CaseSearchResult search(CaseQuery query, boolean facets) throws IOException {
    return search(query, null, facets);
  }

  /**
   * The search confined to one institution's cases: the institution is part of the query itself, so
   * hits and every count (the institution facet too) stay inside it. For the institution area.
   */
  public CaseSearchResult searchWithin(String institution, CaseQuery query) throws IOException {
    return search(query, institution, true);
  }

  private CaseSearchResult search(CaseQuery query, String scope, boolean withFacets)
      throws IOException {
    Instant asOf = CaseFilters.asOf(clock);
    var hitsSent = async.search(requests.hits(query, scope, asOf), CaseSearchDocument.class);
    var lastIndexedSent = async.search(requests.lastIndexed(), Void.class);
    CompletableFuture<SearchResponse<Void>> countsSent = null;
    Map<CaseFacet, CompletableFuture<SearchResponse<Void>>> chosenSent =
        new EnumMap<>(CaseFacet.class);
    if (withFacets) {
      CaseSearchRequests.FacetRequests facetRequests = requests.facets(query, scope, asOf);
      countsSent = async.search(facetRequests.counts(), Void.class);
      facetRequests
          .chosen()
          .forEach((facet, r) -> chosenSent.put(facet, async.search(r, Void.class)));
    }
    // PostgreSQL answers while Elasticsearch works.
    IndexFreshness.Waiting waiting = freshness.waiting();

    SearchResponse<CaseSearchDocument> hitsResponse = join(hitsSent);
    List<CaseHit> hits = new ArrayList<>();
    for (Hit<CaseSearchDocument> hit : hitsResponse.hits().hits()) {
      hits.add(CaseHit.of(hit.source(), joinedMarks(hit.highlight().get("narrative")), asOf));
    }
    long total;
    boolean totalAtLeast;
    Map<String, List<CaseSearchResult.FacetBucket>> facets = null;
    Long overdue = null;
    if (withFacets) {
      SearchResponse<Void> counts = join(countsSent);
      total = counts.hits().total().value();
      totalAtLeast = false;
      Map<CaseFacet, List<StringTermsBucket>> counted = new EnumMap<>(CaseFacet.class);
      Map<CaseFacet, Map<String, Long>> chosenCounts = new EnumMap<>(CaseFacet.class);
      for (CaseFacet facet : CaseFacet.values()) {
        var response = chosenSent.containsKey(facet) ? join(chosenSent.get(facet)) : counts;
        counted.put(facet, response.aggregations().get(facet.param()).sterms().buckets().array());
        if (chosenSent.containsKey(facet)) {
          Map<String, Long> exact = new LinkedHashMap<>();
          response
              .aggregations()
              .get(facet.param() + CaseSearchRequests.CHOSEN)
              .sterms()
              .buckets()
              .array()
              .forEach(b -> exact.put(b.key().stringValue(), b.docCount()));
          chosenCounts.put(facet, exact);
        }
      }
      facets = facets(query, counted, chosenCounts);
      overdue =
          query.overdue()
              ? total
              : counts.aggregations().get(CaseSearchRequests.OVERDUE).filter().docCount();
    } else {
      var counted = hitsResponse.hits().total();
      total = counted == null ? hits.size() : counted.value();
      totalAtLeast = counted != null && counted.relation() == TotalHitsRelation.Gte;
    }
    String next = null;
    List<Hit<CaseSearchDocument>> page = hitsResponse.hits().hits();
    if (page.size() == query.size()
        && (totalAtLeast || (long) query.page() * query.size() < total)) {
      next = SearchCursor.encode(page.getLast().sort());
    }
    Aggregate newest = join(lastIndexedSent).aggregations().get(CaseSearchRequests.LAST_INDEXED);
    Double max = newest.max().value();
    Instant lastIndexed =
        max == null || max.isInfinite() || max.isNaN()
            ? null
            : Instant.ofEpochMilli(max.longValue());
    return new CaseSearchResult(
        total,
        totalAtLeast,
        hits,
        facets,
        overdue,
        freshness.meta(lastIndexed, waiting, clock.instant()),
        next,
        query.page(),
        query.size());
  }

  /** How many cases the query selects, exactly (what an export will hold, up to its limit). */
  long count(CaseQuery query) throws IOException {
    return client.count(requests.exactCount(query, CaseFilters.asOf(clock))).count();
  }

  /** One page of hits without facets or highlights, for the streamed export. */
  List<Hit<CaseSearchDocument>> page(CaseQuery query, List<FieldValue> after, int size)
      throws IOException {
    SearchRequest request = requests.exportPage(query, CaseFilters.asOf(clock), after, size);
    return client.search(request, CaseSearchDocument.class).hits().hits();
  }

  /**
   * The request for a page of hits alone, as the search sends it (for the benchmark's raw side).
   */
  SearchRequest hitsRequest(CaseQuery query) {
    return requests.hits(query, null, CaseFilters.asOf(clock));
  }

  /**
   * Every request the search sends for that page, as it sends them (for the benchmark's raw side):
   * the hits, the last-indexed time and, with {@code facets}, the counts.
   */
  List<SearchRequest> pageRequests(CaseQuery query, boolean facets) {
    Instant asOf = CaseFilters.asOf(clock);
    List<SearchRequest> sent = new ArrayList<>();
    sent.add(requests.hits(query, null, asOf));
    sent.add(requests.lastIndexed());
    if (facets) {
      CaseSearchRequests.FacetRequests facetRequests = requests.facets(query, null, asOf);
      sent.add(facetRequests.counts());
      sent.addAll(facetRequests.chosen().values());
    }
    return sent;
  }

  /**
   * Each facet's counted values (its top N), then any chosen value not among them, with its own
   * exact count (so a chosen value is never shown as 0 because others outnumber it, and it can be
   * unchosen). Institutions are named from the directory, not from the index.
   */
  private Map<String, List<CaseSearchResult.FacetBucket>> facets(
      CaseQuery query,
      Map<CaseFacet, List<StringTermsBucket>> counted,
      Map<CaseFacet, Map<String, Long>> chosenCounts) {
    Set<String> institutions = new LinkedHashSet<>(query.values(CaseFacet.INSTITUTION));
    counted.get(CaseFacet.INSTITUTION).forEach(b -> institutions.add(b.key().stringValue()));
    Map<String, String> names = directory.shortNames(institutions);
    Map<String, List<CaseSearchResult.FacetBucket>> facets = new LinkedHashMap<>();
    for (CaseFacet facet : CaseFacet.values()) {
      List<CaseSearchResult.FacetBucket> buckets = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (StringTermsBucket bucket : counted.get(facet)) {
        String value = bucket.key().stringValue();
        buckets.add(
            new CaseSearchResult.FacetBucket(
                value, name(facet, value, names), bucket.docCount(), query.isChosen(facet, value)));
        seen.add(value);
      }
      for (String chosen : query.values(facet)) {
        if (!seen.contains(chosen)) {
          buckets.add(
              new CaseSearchResult.FacetBucket(
                  chosen,
                  name(facet, chosen, names),
                  chosenCounts.getOrDefault(facet, Map.of()).getOrDefault(chosen, 0L),
                  true));
        }
      }
      facets.put(facet.param(), buckets);
    }
    return facets;
  }

  private static String name(CaseFacet facet, String value, Map<String, String> names) {
    return facet == CaseFacet.INSTITUTION ? names.get(value) : null;
  }

  /** The response, or what the request failed with, as the synchronous client would throw it. */
  private static <T> T join(CompletableFuture<T> sent) throws IOException {
    try {
      return sent.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  /**
   * The highlighter marks a phrase one character at a time ({@code <em>转</em><em>账</em>}: the
   * narrative's terms are single characters); one mark per phrase reads better and is what a screen
   * reader should announce. The encoder escapes the text, so the tags are the only markup.
   */
  static List<String> joinedMarks(List<String> fragments) {
    return fragments == null
        ? List.of()
        : fragments.stream().map(f -> f.replace("</em><em>", "")).toList();
  }
}

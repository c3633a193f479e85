package cn.cpsx.portal.complaint;

import cn.cpsx.schemas.search.ChineseSegmenter;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Searches the case index. Chinese text is segmented here exactly as batch-jobs segmented it at
 * index time; a match on those words or a phrase match on the unsegmented narrative counts.
 */
@Component
public class CaseSearch {

  private final ElasticsearchClient client;
  private final SearchIndexProperties properties;

  CaseSearch(ElasticsearchClient client, SearchIndexProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  public CaseSearchResult search(CaseQuery query) throws IOException {
    SearchResponse<Map> response = client.search(request(query), Map.class);
    List<CaseHit> hits = new ArrayList<>();
    for (Hit<Map> hit : response.hits().hits()) {
      hits.add(toCaseHit(hit));
    }
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    return new CaseSearchResult(total, hits, query.page(), CaseQuery.PAGE_SIZE);
  }

  SearchRequest request(CaseQuery query) {
    List<Query> filters = new ArrayList<>();
    term(filters, "institution", query.institution());
    term(filters, "businessCategory", query.businessCategory());
    term(filters, "reason", query.reason());
    term(filters, "channel", query.channel());
    term(filters, "status", query.status());
    boolean text = CaseQuery.given(query.q());
    List<String> words = text ? ChineseSegmenter.words(query.q()) : List.of();
    return SearchRequest.of(
        s -> {
          s.index(properties.caseAlias())
              .from(query.page() * CaseQuery.PAGE_SIZE)
              .size(CaseQuery.PAGE_SIZE)
              .trackTotalHits(t -> t.enabled(true))
              .query(
                  q ->
                      q.bool(
                          b -> {
                            b.filter(filters);
                            if (text) {
                              b.should(
                                      m ->
                                          m.match(
                                              t ->
                                                  t.field("narrativeWords")
                                                      .query(String.join(" ", words))
                                                      .operator(Operator.And)))
                                  .should(
                                      m ->
                                          m.matchPhrase(p -> p.field("narrative").query(query.q())))
                                  .minimumShouldMatch("1");
                            }
                            return b;
                          }));
          if (text) {
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
                                            .highlightQuery(highlightQuery(query.q(), words))))));
          } else {
            s.sort(o -> o.field(f -> f.field("receivedAt").order(SortOrder.Desc)));
          }
          return s;
        });
  }

  /** Highlights each segmented word (and the whole phrase) in the unsegmented narrative. */
  private static Query highlightQuery(String q, List<String> words) {
    return Query.of(
        h ->
            h.bool(
                b -> {
                  b.should(m -> m.matchPhrase(p -> p.field("narrative").query(q)));
                  for (String word : words) {
                    b.should(m -> m.matchPhrase(p -> p.field("narrative").query(word)));
                  }
                  return b;
                }));
  }

  private static void term(List<Query> filters, String field, String value) {
    if (CaseQuery.given(value)) {
      filters.add(Query.of(q -> q.term(t -> t.field(field).value(value.trim()))));
    }
  }

  private static CaseHit toCaseHit(Hit<Map> hit) {
    Map<?, ?> source = hit.source();
    List<String> highlights = hit.highlight().getOrDefault("narrative", List.of());
    return new CaseHit(
        str(source, "institution"),
        str(source, "institutionName"),
        str(source, "caseNo"),
        str(source, "receivedAt"),
        str(source, "businessCategory"),
        str(source, "reason"),
        str(source, "channel"),
        str(source, "status"),
        str(source, "narrative"),
        highlights);
  }

  private static String str(Map<?, ?> source, String key) {
    Object value = source.get(key);
    return value == null ? null : value.toString();
  }
}

package cn.cpsx.portal.complaint;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Open cases past their handling deadline (15 days from receipt, 30 when extended: REPORTING-SPEC
 * §2.1), per institution, the institution with the longest-waiting case first.
 */
@Component
public class OverdueCases {

  /** At most this many institutions are listed; the total still counts every overdue case. */
  static final int INSTITUTIONS = 500;

  /**
   * @param oldestDeadline the deadline of its longest-overdue case
   * @param daysOverdue whole days since that deadline
   */
  public record InstitutionOverdue(
      String institution, String name, long cases, Instant oldestDeadline, long daysOverdue) {

    /** The overdue cases of this institution in the search, longest overdue first. */
    public String searchQueryString(CaseQuery query) {
      return query.toBuilder()
          .with(CaseFacet.INSTITUTION, institution)
          .overdue(true)
          .sort("deadline")
          .after(null)
          .page(null)
          .build()
          .queryString();
    }
  }

  public record Overdue(long total, List<InstitutionOverdue> institutions) {}

  private final ElasticsearchClient client;
  private final SearchIndexProperties properties;
  private final Clock clock;

  OverdueCases(ElasticsearchClient client, SearchIndexProperties properties, Clock clock) {
    this.client = client;
    this.properties = properties;
    this.clock = clock;
  }

  /** Overdue cases among those the query selects (its own overdue flag is implied). */
  public Overdue byInstitution(CaseQuery query) throws IOException {
    Instant now = clock.instant();
    var response = client.search(request(query, CaseFilters.asOf(clock)), Void.class);
    List<InstitutionOverdue> rows = new ArrayList<>();
    for (StringTermsBucket bucket :
        response.aggregations().get("institutions").sterms().buckets().array()) {
      Instant oldest =
          Instant.ofEpochMilli(bucket.aggregations().get("oldest").min().value().longValue());
      var names = bucket.aggregations().get("name").sterms().buckets().array();
      rows.add(
          new InstitutionOverdue(
              bucket.key().stringValue(),
              names.isEmpty() ? null : names.getFirst().key().stringValue(),
              bucket.docCount(),
              oldest,
              Duration.between(oldest, now).toDays()));
    }
    long total = response.hits().total() == null ? 0 : response.hits().total().value();
    return new Overdue(total, rows);
  }

  SearchRequest request(CaseQuery query, Instant asOf) {
    var filters = CaseFilters.overdueAmong(query, asOf);
    return SearchRequest.of(
        s ->
            s.index(properties.caseAlias())
                .size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(CaseFilters.matching(CaseFilters.words(query), filters))
                .aggregations(
                    "institutions",
                    a ->
                        a.terms(
                                t ->
                                    t.field("institution")
                                        .size(INSTITUTIONS)
                                        .order(NamedValue.of("oldest", SortOrder.Asc)))
                            .aggregations("oldest", m -> m.min(x -> x.field("deadline")))
                            .aggregations(
                                "name", n -> n.terms(t -> t.field("institutionName").size(1)))));
  }
}

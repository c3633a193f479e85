package cn.cpsx.portal.complaint;

import cn.cpsx.schemas.database.CaseStatus;
import cn.cpsx.search.segmentation.ChineseSegmenter;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link CaseQuery} into Elasticsearch queries: the words (scored) apart from the filters
 * (not scored), and each facet's filter apart from the others, so that facet counts can leave their
 * own filter out. Search, trends, deadlines and the export all filter through here.
 */
final class CaseFilters {

  /** Case statuses that end the handling (REPORTING-SPEC §2.1); every other status is open. */
  /** The statuses that close a case: the shared {@link CaseStatus}, as the index stores them. */
  static final List<String> CLOSED_STATUSES =
      Arrays.stream(CaseStatus.values()).filter(CaseStatus::closed).map(Enum::name).toList();

  /** Dates in filters are days in Asia/Shanghai, as institutions file them (§9). */
  static final String SHANGHAI = "+08:00";

  private CaseFilters() {}

  /**
   * The words as a query: the smartcn-segmented words all present in {@code narrativeWords}, or the
   * exact phrase in the unsegmented {@code narrative}. Without words, every case.
   */
  static Query words(CaseQuery query) {
    if (query.q() == null) {
      return Query.of(q -> q.matchAll(m -> m));
    }
    List<String> words = ChineseSegmenter.words(query.q());
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.should(
                            m ->
                                m.match(
                                    t ->
                                        t.field("narrativeWords")
                                            .query(String.join(" ", words))
                                            .operator(Operator.And)))
                        .should(m -> m.matchPhrase(p -> p.field("narrative").query(query.q())))
                        .minimumShouldMatch("1")));
  }

  /**
   * "Now" for the overdue filter, rounded down to the minute: a query that names a fixed instant
   * instead of {@code now} can be answered from Elasticsearch's request cache for that minute, and
   * hits and counts of one search agree on which cases are overdue.
   */
  static Instant asOf(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MINUTES);
  }

  /** Every filter of the query (facets, overdue, dates, amounts) in one list. */
  static List<Query> all(CaseQuery query, Instant asOf) {
    return filters(query, null, query.overdue(), asOf);
  }

  /** Every filter except the one on {@code facet}: what that facet's counts are taken over. */
  static List<Query> allBut(CaseQuery query, CaseFacet facet, Instant asOf) {
    return filters(query, facet, query.overdue(), asOf);
  }

  /** Every filter of the query with overdue on, whether it asked for it or not. */
  static List<Query> overdueAmong(CaseQuery query, Instant asOf) {
    return filters(query, null, true, asOf);
  }

  private static List<Query> filters(
      CaseQuery query, CaseFacet leftOut, boolean overdue, Instant asOf) {
    List<Query> filters = new ArrayList<>(ranges(query));
    facetFilters(query)
        .forEach(
            (facet, filter) -> {
              if (facet != leftOut) {
                filters.add(filter);
              }
            });
    if (overdue) {
      filters.add(overdue(asOf));
    }
    return filters;
  }

  /** Open and past the deadline that batch-jobs derived (15 days, 30 when extended). */
  static Query overdue(Instant asOf) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.filter(
                            f -> f.range(r -> r.date(d -> d.field("deadline").lt(asOf.toString()))))
                        .mustNot(
                            n ->
                                n.terms(
                                    t ->
                                        t.field("status")
                                            .terms(
                                                v ->
                                                    v.value(
                                                        CLOSED_STATUSES.stream()
                                                            .map(FieldValue::of)
                                                            .toList()))))));
  }

  /**
   * The words and the filters as one query, the filters unscored: for hits, counts and trends
   * alike. Without filters, the words alone.
   */
  static Query matching(Query words, List<Query> filters) {
    if (filters.isEmpty()) {
      return words;
    }
    return Query.of(q -> q.bool(b -> b.must(words).filter(filters)));
  }

  static Query and(List<Query> filters) {
    if (filters.isEmpty()) {
      return Query.of(q -> q.matchAll(m -> m));
    }
    return Query.of(q -> q.bool(b -> b.filter(filters)));
  }

  private static Map<CaseFacet, Query> facetFilters(CaseQuery query) {
    Map<CaseFacet, Query> filters = new java.util.EnumMap<>(CaseFacet.class);
    query
        .facetValues()
        .forEach(
            (facet, values) ->
                filters.put(
                    facet,
                    Query.of(
                        q ->
                            q.terms(
                                t ->
                                    t.field(facet.field())
                                        .terms(
                                            v ->
                                                v.value(
                                                    values.stream()
                                                        .map(FieldValue::of)
                                                        .toList()))))));
    return filters;
  }

  private static List<Query> ranges(CaseQuery query) {
    List<Query> filters = new ArrayList<>();
    if (query.receivedFrom() != null || query.receivedTo() != null) {
      filters.add(
          Query.of(
              q ->
                  q.range(
                      r ->
                          r.date(
                              d -> {
                                d.field("receivedAt").timeZone(SHANGHAI).format("yyyy-MM-dd");
                                if (query.receivedFrom() != null) {
                                  d.gte(query.receivedFrom().toString());
                                }
                                if (query.receivedTo() != null) {
                                  d.lt(query.receivedTo() + "||+1d");
                                }
                                return d;
                              }))));
    }
    if (query.amountMin() != null || query.amountMax() != null) {
      filters.add(
          Query.of(
              q ->
                  q.range(
                      r ->
                          r.number(
                              n -> {
                                n.field("amountInvolved");
                                if (query.amountMin() != null) {
                                  n.gte(query.amountMin().doubleValue());
                                }
                                if (query.amountMax() != null) {
                                  n.lte(query.amountMax().doubleValue());
                                }
                                return n;
                              }))));
    }
    return filters;
  }
}

package cn.cpsx.portal.complaint;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Complaint counts over time for the cases a search selects: the total per period, and the same for
 * the top values of one facet (terms → date_histogram, as ccdb5 draws its trends). Periods are
 * calendar periods in Asia/Shanghai; empty periods count 0 so the lines do not skip them.
 */
@Component
public class CaseTrends {

  /**
   * @param periods the axis: period labels in order ({@code 2026-10-08}, {@code 2026-10}, {@code
   *     2026-Q4})
   * @param total cases per period
   * @param series one line per top value of the chosen facet, biggest first
   */
  public record Trend(
      String interval, String by, List<String> periods, Series total, List<Series> series) {}

  /** One line: {@code name} is the institution's name for institutions, else null. */
  public record Series(String key, String name, long sum, List<Long> counts) {}

  private final ElasticsearchClient client;
  private final SearchIndexProperties properties;
  private final Clock clock;

  CaseTrends(ElasticsearchClient client, SearchIndexProperties properties, Clock clock) {
    this.client = client;
    this.properties = properties;
    this.clock = clock;
  }

  public Trend trend(CaseQuery query, TrendOptions options) throws IOException {
    var response = client.search(request(query, options, CaseFilters.asOf(clock)), Void.class);
    Map<String, Aggregate> aggs = response.aggregations();
    List<DateHistogramBucket> totalBuckets = aggs.get("total").dateHistogram().buckets().array();
    List<String> periods = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    for (DateHistogramBucket bucket : totalBuckets) {
      periods.add(label(bucket.keyAsString(), options.interval()));
      totals.add(bucket.docCount());
    }
    long sum = totals.stream().mapToLong(Long::longValue).sum();
    List<Series> series = new ArrayList<>();
    CaseFacet facet = options.facet();
    if (facet != null) {
      for (StringTermsBucket value : aggs.get("by").sterms().buckets().array()) {
        Map<String, Long> byPeriod = new LinkedHashMap<>();
        for (DateHistogramBucket bucket :
            value.aggregations().get("overTime").dateHistogram().buckets().array()) {
          byPeriod.put(label(bucket.keyAsString(), options.interval()), bucket.docCount());
        }
        String name = null;
        if (facet == CaseFacet.INSTITUTION) {
          var names = value.aggregations().get("name").sterms().buckets().array();
          name = names.isEmpty() ? null : names.getFirst().key().stringValue();
        }
        series.add(
            new Series(
                value.key().stringValue(),
                name,
                value.docCount(),
                periods.stream().map(p -> byPeriod.getOrDefault(p, 0L)).toList()));
      }
    }
    return new Trend(
        options.interval(), options.by(), periods, new Series("total", null, sum, totals), series);
  }

  SearchRequest request(CaseQuery query, TrendOptions options, Instant asOf) {
    CalendarInterval interval =
        switch (options.interval()) {
          case "day" -> CalendarInterval.Day;
          case "week" -> CalendarInterval.Week;
          case "quarter" -> CalendarInterval.Quarter;
          default -> CalendarInterval.Month;
        };
    CaseFacet facet = options.facet();
    return SearchRequest.of(
        s -> {
          s.index(properties.caseAlias())
              .size(0)
              .query(CaseFilters.matching(CaseFilters.words(query), CaseFilters.all(query, asOf)))
              .aggregations(
                  "total",
                  a ->
                      a.dateHistogram(
                          h ->
                              h.field("receivedAt")
                                  .calendarInterval(interval)
                                  .timeZone(CaseFilters.SHANGHAI)
                                  .format("yyyy-MM-dd")
                                  .minDocCount(0)));
          if (facet != null) {
            s.aggregations(
                "by",
                a -> {
                  var terms =
                      a.terms(t -> t.field(facet.field()).size(options.top()))
                          .aggregations(
                              "overTime",
                              o ->
                                  o.dateHistogram(
                                      h ->
                                          h.field("receivedAt")
                                              .calendarInterval(interval)
                                              .timeZone(CaseFilters.SHANGHAI)
                                              .format("yyyy-MM-dd")));
                  return facet == CaseFacet.INSTITUTION
                      ? terms.aggregations(
                          "name", n -> n.terms(t -> t.field("institutionName").size(1)))
                      : terms;
                });
          }
          return s;
        });
  }

  /**
   * A bucket's first day as the period people name: the day, the week's Monday, 2026-10, 2026-Q4.
   */
  static String label(String firstDay, String interval) {
    LocalDate day = LocalDate.parse(firstDay);
    return switch (interval) {
      case "month" -> firstDay.substring(0, 7);
      case "quarter" -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
      default -> firstDay;
    };
  }
}

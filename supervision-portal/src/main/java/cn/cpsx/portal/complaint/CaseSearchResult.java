package cn.cpsx.portal.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A page of cases, how many match in all, the facet counts and how fresh the index is.
 *
 * @param total how many cases match: exact, unless {@code totalAtLeast}
 * @param totalAtLeast true when {@code total} is a lower bound: a search without facet counts (the
 *     JSON API's pages after the first) counts exactly only up to {@code
 *     cpsx.search.exact-total-up-to} (10,000)
 * @param facets per facet parameter, its values with the count each would give (the facet's own
 *     filter left out, every other one applied); null when the search did not count facets
 * @param overdueCount how many cases the overdue filter would leave, every other filter applied;
 *     null when the search did not count facets
 * @param next the cursor of the next page, or null on the last page
 */
public record CaseSearchResult(
    long total,
    boolean totalAtLeast,
    List<CaseHit> hits,
    Map<String, List<FacetBucket>> facets,
    Long overdueCount,
    Meta meta,
    String next,
    int page,
    int size) {

  /** One value of a facet; {@code name} is the institution's name for the institution facet. */
  public record FacetBucket(String value, String name, long count, boolean chosen) {}

  /**
   * How current the index is, as ccdb5's {@code _meta} says it.
   *
   * @param lastIndexed when the newest document was written, or null for an empty index
   * @param waitingFilings filings received but not yet validated and indexed
   * @param stale true when a filing has waited longer than the pipeline should ever take, so the
   *     results may lack cases that institutions have already filed
   */
  public record Meta(
      Instant lastIndexed, long waitingFilings, Instant oldestWaiting, boolean stale) {}

  /** The highest page number reachable, for "page n of m". */
  public long pages() {
    return (total + size - 1) / size;
  }
}

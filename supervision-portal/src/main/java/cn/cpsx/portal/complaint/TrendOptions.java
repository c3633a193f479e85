package cn.cpsx.portal.complaint;

import java.util.List;

/**
 * How to draw complaint counts over time.
 *
 * @param interval {@code day}, {@code week} (Monday first), {@code month} or {@code quarter}
 * @param by one line per value of this facet ({@code businessCategory}, {@code reason}, {@code
 *     institution}, {@code province}, {@code channel}…), or absent for the total alone
 * @param top how many of the largest values get a line, 1–20
 */
public record TrendOptions(String interval, String by, Integer top) {

  public static final List<String> INTERVALS = List.of("day", "week", "month", "quarter");
  public static final List<String> BY =
      List.of(
          "businessCategory", "reason", "institution", "province", "channel", "institutionType");

  public TrendOptions {
    // List.of(...).contains(null) throws, hence the null checks
    interval = interval != null && INTERVALS.contains(interval) ? interval : "month";
    by = by != null && BY.contains(by) ? by : null;
    top = top == null ? 5 : Math.clamp(top, 1, 20);
  }

  CaseFacet facet() {
    if (by == null) {
      return null;
    }
    for (CaseFacet facet : CaseFacet.values()) {
      if (facet.param().equals(by)) {
        return facet;
      }
    }
    throw new IllegalStateException(by);
  }
}

package cn.cpsx.portal.complaint;

import java.util.List;

/** A page of cases and how many match in all. */
public record CaseSearchResult(long total, List<CaseHit> hits, int page, int pageSize) {

  public int pages() {
    return (int) Math.min((total + pageSize - 1) / pageSize, 10_000 / pageSize);
  }
}

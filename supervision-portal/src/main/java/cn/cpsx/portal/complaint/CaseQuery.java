package cn.cpsx.portal.complaint;

/**
 * What an analyst asks for. Blank fields do not filter.
 *
 * @param q words to find in narratives (Chinese or English)
 * @param page 0-based page number; absent means the first
 */
public record CaseQuery(
    String q,
    String institution,
    String businessCategory,
    String reason,
    String channel,
    String status,
    Integer page) {

  public static final int PAGE_SIZE = 20;

  public CaseQuery {
    page = page == null ? 0 : Math.max(page, 0);
  }

  static boolean given(String value) {
    return value != null && !value.isBlank();
  }
}

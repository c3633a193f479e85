package cn.cpsx.portal.complaint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an analyst asks for, bound from the query string of the search page, the JSON API and the
 * CSV export alike. Blank and absent fields do not filter; a facet given several times matches any
 * of its values.
 *
 * @param q words to find in narratives (Chinese or English)
 * @param overdue true: only open cases past their handling deadline (REPORTING-SPEC §2.1)
 * @param receivedFrom first day received, inclusive, in Asia/Shanghai
 * @param receivedTo last day received, inclusive, in Asia/Shanghai
 * @param amountMin smallest amount involved, CNY, inclusive
 * @param amountMax largest amount involved, CNY, inclusive
 * @param sort {@code relevance}, {@code newest}, {@code oldest}, {@code amount} or {@code
 *     deadline}; absent means relevance when words are given, newest otherwise
 * @param after the cursor of the page before (from the previous result's {@code next})
 * @param page 1-based number of the page asked for, shown only; the cursor decides what comes
 * @param size results per page, 1–100
 */
public record CaseQuery(
    String q,
    List<String> institution,
    List<String> institutionType,
    List<String> businessCategory,
    List<String> reason,
    List<String> channel,
    List<String> demand,
    List<String> province,
    List<String> status,
    List<String> outcome,
    List<String> satisfaction,
    List<String> ageBand,
    Boolean overdue,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo,
    BigDecimal amountMin,
    BigDecimal amountMax,
    String sort,
    String after,
    Integer page,
    Integer size) {

  public static final int PAGE_SIZE = 20;
  public static final int MAX_PAGE_SIZE = 100;
  public static final List<String> SORTS =
      List.of("relevance", "newest", "oldest", "amount", "deadline");

  public CaseQuery {
    q = q == null || q.isBlank() ? null : q.strip();
    institution = values(institution);
    institutionType = values(institutionType);
    businessCategory = values(businessCategory);
    reason = values(reason);
    channel = values(channel);
    demand = values(demand);
    province = values(province);
    status = values(status);
    outcome = values(outcome);
    satisfaction = values(satisfaction);
    ageBand = values(ageBand);
    overdue = Boolean.TRUE.equals(overdue);
    if (sort == null || !SORTS.contains(sort)) {
      sort = q == null ? "newest" : "relevance";
    } else if (sort.equals("relevance") && q == null) {
      sort = "newest";
    }
    after = after == null || after.isBlank() ? null : after;
    page = page == null || page < 1 || after == null ? 1 : page;
    size = size == null ? PAGE_SIZE : Math.clamp(size, 1, MAX_PAGE_SIZE);
    amountMin = amountMin == null ? null : bounded(amountMin, java.math.RoundingMode.CEILING);
    amountMax = amountMax == null ? null : bounded(amountMax, java.math.RoundingMode.FLOOR);
  }

  /** Beyond every amount a case can hold (§2.1: at most 10^12): the same question either way. */
  static final BigDecimal AMOUNT_LIMIT = new BigDecimal("10000000000000");

  /**
   * An amount bound as the search can use it: within ±10^13 and to the cent (amounts have 2 places,
   * so rounding the lower bound up and the upper down keeps the same cases). Without it, {@code
   * amountMin=1e999999999} made the page format a billion digits (out of memory) and the API hang
   * for a minute.
   */
  static BigDecimal bounded(BigDecimal amount, java.math.RoundingMode rounding) {
    if (amount.compareTo(AMOUNT_LIMIT) > 0) {
      return AMOUNT_LIMIT;
    }
    if (amount.compareTo(AMOUNT_LIMIT.negate()) < 0) {
      return AMOUNT_LIMIT.negate();
    }
    if (amount.signum() != 0 && amount.abs().compareTo(CENT) < 0) {
      // below a cent (1e-999999999 among them): the nearest cent in the rounding's direction
      boolean up = rounding == java.math.RoundingMode.CEILING;
      return amount.signum() > 0
          ? (up ? CENT : BigDecimal.ZERO.setScale(2))
          : (up ? BigDecimal.ZERO.setScale(2) : CENT.negate());
    }
    return amount.setScale(2, rounding);
  }

  private static final BigDecimal CENT = new BigDecimal("0.01");

  /** No words and no filters: every case, newest first. */
  public static CaseQuery all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The values chosen for each facet (only facets with a choice). */
  public Map<CaseFacet, List<String>> facetValues() {
    Map<CaseFacet, List<String>> chosen = new EnumMap<>(CaseFacet.class);
    for (CaseFacet facet : CaseFacet.values()) {
      List<String> values = values(facet);
      if (!values.isEmpty()) {
        chosen.put(facet, values);
      }
    }
    return chosen;
  }

  public List<String> values(CaseFacet facet) {
    return switch (facet) {
      case INSTITUTION -> institution;
      case INSTITUTION_TYPE -> institutionType;
      case BUSINESS_CATEGORY -> businessCategory;
      case REASON -> reason;
      case CHANNEL -> channel;
      case DEMAND -> demand;
      case PROVINCE -> province;
      case STATUS -> status;
      case OUTCOME -> outcome;
      case SATISFACTION -> satisfaction;
      case AGE_BAND -> ageBand;
    };
  }

  public boolean isChosen(CaseFacet facet, String value) {
    return values(facet).contains(value);
  }

  /** The same question asked from the first page again (after a new filter or sort). */
  public CaseQuery firstPage() {
    return toBuilder().after(null).page(null).build();
  }

  /**
   * The question as request parameters (no page, no cursor), in a stable order: for links to the
   * export, the JSON API, trends and the next page, and for hidden fields of other forms.
   */
  public List<Map.Entry<String, String>> params() {
    List<Map.Entry<String, String>> params = new java.util.ArrayList<>();
    add(params, "q", q);
    for (CaseFacet facet : CaseFacet.values()) {
      for (String value : values(facet)) {
        add(params, facet.param(), value);
      }
    }
    add(params, "overdue", overdue ? "true" : null);
    add(params, "receivedFrom", receivedFrom);
    add(params, "receivedTo", receivedTo);
    add(params, "amountMin", amountMin == null ? null : amountMin.toPlainString());
    add(params, "amountMax", amountMax == null ? null : amountMax.toPlainString());
    add(params, "sort", sort);
    add(params, "size", size == PAGE_SIZE ? null : size);
    return params;
  }

  /** {@link #params()} as a URL query string. */
  public String queryString() {
    StringBuilder qs = new StringBuilder();
    for (Map.Entry<String, String> param : params()) {
      if (!qs.isEmpty()) {
        qs.append('&');
      }
      qs.append(param.getKey())
          .append('=')
          .append(
              java.net.URLEncoder.encode(
                  param.getValue(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return qs.toString();
  }

  /** The query string of the page after this one. */
  public String nextPageQueryString(String cursor) {
    String base = queryString();
    return (base.isEmpty() ? "" : base + "&") + "after=" + cursor + "&page=" + (page + 1);
  }

  private static void add(List<Map.Entry<String, String>> params, String name, Object value) {
    if (value != null) {
      params.add(Map.entry(name, value.toString()));
    }
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.q = q;
    for (CaseFacet facet : CaseFacet.values()) {
      b.facets.put(facet, values(facet));
    }
    b.overdue = overdue;
    b.receivedFrom = receivedFrom;
    b.receivedTo = receivedTo;
    b.amountMin = amountMin;
    b.amountMax = amountMax;
    b.sort = sort;
    b.after = after;
    b.page = page;
    b.size = size;
    return b;
  }

  private static List<String> values(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream()
        .filter(Objects::nonNull)
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .distinct()
        .toList();
  }

  /** For code that asks questions of its own (tests, trends, exports). */
  public static final class Builder {
    private String q;
    private final Map<CaseFacet, List<String>> facets = new EnumMap<>(CaseFacet.class);
    private Boolean overdue;
    private LocalDate receivedFrom;
    private LocalDate receivedTo;
    private BigDecimal amountMin;
    private BigDecimal amountMax;
    private String sort;
    private String after;
    private Integer page;
    private Integer size;

    public Builder q(String q) {
      this.q = q;
      return this;
    }

    public Builder with(CaseFacet facet, String... values) {
      facets.put(facet, List.of(values));
      return this;
    }

    public Builder overdue(boolean overdue) {
      this.overdue = overdue;
      return this;
    }

    public Builder received(LocalDate from, LocalDate to) {
      this.receivedFrom = from;
      this.receivedTo = to;
      return this;
    }

    public Builder amount(BigDecimal min, BigDecimal max) {
      this.amountMin = min;
      this.amountMax = max;
      return this;
    }

    public Builder sort(String sort) {
      this.sort = sort;
      return this;
    }

    public Builder after(String after) {
      this.after = after;
      return this;
    }

    public Builder page(Integer page) {
      this.page = page;
      return this;
    }

    public Builder size(Integer size) {
      this.size = size;
      return this;
    }

    public CaseQuery build() {
      return new CaseQuery(
          q,
          facets.get(CaseFacet.INSTITUTION),
          facets.get(CaseFacet.INSTITUTION_TYPE),
          facets.get(CaseFacet.BUSINESS_CATEGORY),
          facets.get(CaseFacet.REASON),
          facets.get(CaseFacet.CHANNEL),
          facets.get(CaseFacet.DEMAND),
          facets.get(CaseFacet.PROVINCE),
          facets.get(CaseFacet.STATUS),
          facets.get(CaseFacet.OUTCOME),
          facets.get(CaseFacet.SATISFACTION),
          facets.get(CaseFacet.AGE_BAND),
          overdue,
          receivedFrom,
          receivedTo,
          amountMin,
          amountMax,
          sort,
          after,
          page,
          size);
    }
  }
}

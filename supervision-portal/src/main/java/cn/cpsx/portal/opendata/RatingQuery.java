package cn.cpsx.portal.opendata;

import cn.cpsx.portal.BadParameter;
import cn.cpsx.portal.Period;
import cn.cpsx.schemas.CodeLists;
import java.util.Map;

/**
 * What a reader asks of the published ratings, shared by {@code /api/open/v1/ratings} and the
 * {@code /ratings} page. Parsing is strict: a value the API cannot honour is a 400 naming the
 * parameter, never silently ignored (a reader would take a wrong answer for the right one).
 *
 * @param period a year or quarter, or null for every period
 * @param type institution type (peer group), or null
 * @param grade A–D, or null
 * @param province the 2-digit provincial prefix, or null
 * @param q part of the name (Chinese or English) or the start of the USCC, or null
 * @param page 1-based page number
 * @param size items per page, 1–{@value #MAX_SIZE}
 * @param sort order of the items
 */
public record RatingQuery(
    String period,
    String type,
    String grade,
    String province,
    String q,
    int page,
    int size,
    Sort sort) {

  public static final int MAX_SIZE = 500;
  public static final int DEFAULT_SIZE = 50;

  /** Orders a reader may ask for; every one ends with period and USCC, unique together. */
  public enum Sort {
    /** newest period first, then USCC: the default */
    PERIOD("r.period DESC, r.institution_uscc"),
    /** best score first */
    SCORE("r.score DESC, r.period DESC, r.institution_uscc"),
    /** worst score first */
    SCORE_ASC("r.score ASC, r.period DESC, r.institution_uscc"),
    NAME("r.name_zh, r.period DESC, r.institution_uscc"),
    USCC("r.institution_uscc, r.period DESC");

    final String orderBy;

    Sort(String orderBy) {
      this.orderBy = orderBy;
    }

    /** The parameter value, e.g. {@code scoreAsc}. */
    public String param() {
      return switch (this) {
        case SCORE_ASC -> "scoreAsc";
        default -> name().toLowerCase(java.util.Locale.ROOT);
      };
    }
  }

  public static RatingQuery parse(Map<String, String> params) {
    String period = blankToNull(params.get("period"));
    if (period != null) {
      period = Period.parse("period", period).code();
    }
    String type = blankToNull(params.get("type"));
    if (type != null && !CodeLists.standard().contains(CodeLists.INSTITUTION_TYPE, type)) {
      throw new BadParameter("type", "type must be an institution type code, e.g. BANK_CITY");
    }
    String grade = blankToNull(params.get("grade"));
    if (grade != null && !grade.matches("[ABCD]")) {
      throw new BadParameter("grade", "grade must be one of A, B, C, D");
    }
    String province = blankToNull(params.get("province"));
    if (province != null) {
      if (!province.matches("\\d{2}(0000)?")
          || !CodeLists.standard().contains(CodeLists.PROVINCE, province.substring(0, 2))) {
        throw new BadParameter("province", "province must be a provincial code, e.g. 44 or 440000");
      }
      province = province.substring(0, 2);
    }
    String q = blankToNull(params.get("q"));
    if (q != null && q.length() > 100) {
      throw new BadParameter("q", "q is at most 100 characters");
    }
    int page = integer(params, "page", 1);
    if (page < 1 || page > 100_000) {
      throw new BadParameter("page", "page counts from 1");
    }
    int size = integer(params, "size", DEFAULT_SIZE);
    if (size < 1 || size > MAX_SIZE) {
      throw new BadParameter("size", "size must be between 1 and " + MAX_SIZE);
    }
    return new RatingQuery(period, type, grade, province, q, page, size, sort(params.get("sort")));
  }

  static Sort sort(String value) {
    if (value == null || value.isBlank()) {
      return Sort.PERIOD;
    }
    for (Sort sort : Sort.values()) {
      if (sort.param().equals(value.strip())) {
        return sort;
      }
    }
    throw new BadParameter("sort", "sort must be one of period, score, scoreAsc, name, uscc");
  }

  static int integer(Map<String, String> params, String name, int otherwise) {
    String value = blankToNull(params.get(name));
    if (value == null) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new BadParameter(name, name + " must be a whole number");
    }
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Offset of the first item of the page. */
  public long offset() {
    return (long) (page - 1) * size;
  }
}

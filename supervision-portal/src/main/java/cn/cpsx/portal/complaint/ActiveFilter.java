package cn.cpsx.portal.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One filter of a search as a removable chip above the results: the request parameter, its value, a
 * name for it when the value is an institution's USCC, and the query string of the same search
 * without this one value (from the first page). Built from the query, not from the facet counts, so
 * a chosen value that is not among the counted ones still gets its chip.
 */
public record ActiveFilter(String param, String value, String name, String without) {

  /** Every filter of the query, in the order of {@link CaseQuery#params()}. */
  static List<ActiveFilter> of(CaseQuery query, Map<String, String> institutionNames) {
    List<ActiveFilter> chips = new ArrayList<>();
    if (query.q() != null) {
      chips.add(chip("q", query.q(), null, query.toBuilder().q(null)));
    }
    for (CaseFacet facet : CaseFacet.values()) {
      List<String> values = query.values(facet);
      for (String value : values) {
        String[] rest = values.stream().filter(v -> !v.equals(value)).toArray(String[]::new);
        String name = facet == CaseFacet.INSTITUTION ? institutionNames.get(value) : null;
        chips.add(chip(facet.param(), value, name, query.toBuilder().with(facet, rest)));
      }
    }
    if (query.overdue()) {
      chips.add(chip("overdue", "true", null, query.toBuilder().overdue(false)));
    }
    if (query.receivedFrom() != null) {
      chips.add(
          chip(
              "receivedFrom",
              query.receivedFrom().toString(),
              null,
              query.toBuilder().received(null, query.receivedTo())));
    }
    if (query.receivedTo() != null) {
      chips.add(
          chip(
              "receivedTo",
              query.receivedTo().toString(),
              null,
              query.toBuilder().received(query.receivedFrom(), null)));
    }
    if (query.amountMin() != null) {
      chips.add(
          chip(
              "amountMin",
              query.amountMin().toPlainString(),
              null,
              query.toBuilder().amount(null, query.amountMax())));
    }
    if (query.amountMax() != null) {
      chips.add(
          chip(
              "amountMax",
              query.amountMax().toPlainString(),
              null,
              query.toBuilder().amount(query.amountMin(), null)));
    }
    return chips;
  }

  private static ActiveFilter chip(
      String param, String value, String name, CaseQuery.Builder without) {
    return new ActiveFilter(
        param, value, name, without.after(null).page(null).build().queryString());
  }

  /** A facet's code (not words, dates, amounts or the overdue switch): labelled by code list. */
  public boolean coded() {
    return switch (param) {
      case "q", "overdue", "receivedFrom", "receivedTo", "amountMin", "amountMax" -> false;
      default -> true;
    };
  }
}

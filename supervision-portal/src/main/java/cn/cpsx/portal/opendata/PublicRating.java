package cn.cpsx.portal.opendata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A published rating as the pages show it: the open-data {@link RatingItem} plus the English name.
 */
public record PublicRating(RatingItem item, String nameEn) {

  /** One factor of the breakdown, for the pages. */
  public record Factor(
      String factor, BigDecimal points, int maxPoints, Map<String, Object> figures) {}

  /** The name in the reader's language. */
  public String name(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? item.name() : nameEn;
  }

  /** The factors of {@link RatingItem#factors()} in their published order. */
  public List<Factor> factors() {
    List<Factor> factors = new ArrayList<>();
    for (JsonNode f : item.factors()) {
      Map<String, Object> figures = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> figure : f.path("figures").properties()) {
        figures.put(figure.getKey(), value(figure.getValue()));
      }
      factors.add(
          new Factor(
              f.path("factor").asString(),
              f.path("points").decimalValue(),
              f.path("maxPoints").asInt(),
              figures));
    }
    return factors;
  }

  private static Object value(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return node.asString();
  }
}

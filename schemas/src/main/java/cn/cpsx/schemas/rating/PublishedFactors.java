package cn.cpsx.schemas.rating;

import cn.cpsx.schemas.rating.RatingMethodology.FactorPoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The §10 {@code factors} list as JSON — {@code [{factor, points, maxPoints, figures}]} in
 * published order — as stored with every rating and served as it is. Decimals are written plain
 * (0.0000000001, never 1E-10), with every published digit.
 */
public final class PublishedFactors {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private static final JsonMapper EXACT =
      JsonMapper.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private PublishedFactors() {}

  /**
   * The stored list with each factor's figures back in §10 order: PostgreSQL's {@code jsonb} keeps
   * keys in an order of its own. Decimals keep every digit they were stored with.
   */
  public static String inPublishedOrder(String storedJson) {
    ArrayNode stored = (ArrayNode) EXACT.readTree(storedJson);
    for (JsonNode factor : stored) {
      ObjectNode figures = (ObjectNode) factor.get("figures");
      ObjectNode ordered = EXACT.createObjectNode();
      for (String name :
          RatingMethodology.Factor.valueOf(factor.get("factor").asString()).figures()) {
        if (figures.has(name)) {
          ordered.set(name, figures.get(name));
        }
      }
      ((ObjectNode) factor).set("figures", ordered);
    }
    return EXACT.writeValueAsString(stored);
  }

  public static String toJson(List<FactorPoints> factors) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (FactorPoints f : factors) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("factor", f.factor().name());
      entry.put("points", f.points());
      entry.put("maxPoints", f.maxPoints());
      entry.put("figures", f.figures());
      list.add(entry);
    }
    return JSON.writeValueAsString(list);
  }
}

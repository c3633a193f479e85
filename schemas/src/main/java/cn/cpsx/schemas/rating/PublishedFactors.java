package cn.cpsx.schemas.rating;

import cn.cpsx.schemas.rating.RatingMethodology.FactorPoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The §10 {@code factors} list as JSON — {@code [{factor, points, maxPoints, figures}]} in
 * published order — as stored with every rating and served as it is. Decimals are written plain
 * (0.0000000001, never 1E-10), with every published digit.
 */
public final class PublishedFactors {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private PublishedFactors() {}

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

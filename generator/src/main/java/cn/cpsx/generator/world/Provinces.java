package cn.cpsx.generator.world;

import cn.cpsx.schemas.CodeLists;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Where complainants live: the provinces of the code list weighted by population (millions, 2020
 * census, rounded). The codes themselves come from {@link CodeLists}; this class only adds the
 * weights. Taiwan, Hong Kong and Macao are outside the mainland regulator's reach: weight 0.
 */
public final class Provinces {

  private static final Map<String, Integer> POPULATION =
      Map.ofEntries(
          Map.entry("11", 22),
          Map.entry("12", 14),
          Map.entry("13", 75),
          Map.entry("14", 35),
          Map.entry("15", 24),
          Map.entry("21", 43),
          Map.entry("22", 24),
          Map.entry("23", 32),
          Map.entry("31", 25),
          Map.entry("32", 85),
          Map.entry("33", 65),
          Map.entry("34", 61),
          Map.entry("35", 41),
          Map.entry("36", 45),
          Map.entry("37", 102),
          Map.entry("41", 99),
          Map.entry("42", 58),
          Map.entry("43", 66),
          Map.entry("44", 126),
          Map.entry("45", 50),
          Map.entry("46", 10),
          Map.entry("50", 32),
          Map.entry("51", 84),
          Map.entry("52", 39),
          Map.entry("53", 47),
          Map.entry("54", 4),
          Map.entry("61", 40),
          Map.entry("62", 25),
          Map.entry("63", 6),
          Map.entry("64", 7),
          Map.entry("65", 26));

  private static final List<String> CODES =
      List.copyOf(CodeLists.standard().codes(CodeLists.PROVINCE).keySet());
  private static final double[] WEIGHTS =
      CODES.stream().mapToDouble(Provinces::population).toArray();

  private Provinces() {}

  /** Millions of inhabitants; 0 for a province outside the regulator's reach. */
  public static int population(String provinceCode) {
    return POPULATION.getOrDefault(provinceCode, 0);
  }

  /** A province code drawn in proportion to population. */
  public static String draw(Random random) {
    return CODES.get(Seeds.weighted(random, WEIGHTS));
  }

  /** An index into {@code provinces} drawn in proportion to their population. */
  public static int weightedIndex(Random random, List<CodeLists.Code> provinces) {
    return Seeds.weighted(
        random, provinces.stream().mapToDouble(p -> population(p.code())).toArray());
  }

  /** A plausible 6-digit region (prefecture and district) in the province. */
  public static String region(Random random, String provinceCode) {
    return provinceCode + "%02d%02d".formatted(1 + random.nextInt(6), 1 + random.nextInt(8));
  }
}

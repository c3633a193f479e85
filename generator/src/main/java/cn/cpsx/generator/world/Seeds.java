package cn.cpsx.generator.world;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random sources derived from the world's seed and a key, so each part of the world (an
 * institution's year of cases, its statistics…) depends only on the seed and its own key, not on
 * what was drawn before it: adding institutions leaves the others' cases unchanged.
 */
public final class Seeds {

  private Seeds() {}

  /** {@link Random}'s sequence is specified by the JDK, so the same seed gives the same bytes. */
  public static Random random(long seed, String key) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b;
      h *= 0x100000001b3L;
    }
    return new Random(h);
  }

  /** An index drawn in proportion to the weights. */
  public static int weighted(Random random, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  public static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  public static <T> T pick(Random random, T[] items) {
    return items[random.nextInt(items.length)];
  }
}

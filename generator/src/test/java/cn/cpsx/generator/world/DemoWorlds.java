package cn.cpsx.generator.world;

import cn.cpsx.generator.institution.InstitutionRegistry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The demo's world at a fixed "now", for tests. */
public final class DemoWorlds {

  public static final OffsetDateTime AS_OF =
      OffsetDateTime.of(2026, 12, 2, 0, 0, 0, 0, ZoneOffset.ofHours(8));

  private DemoWorlds() {}

  public static WorldSpec demo(long seed, int min, int max) {
    return new WorldSpec(
        seed,
        InstitutionRegistry.demo(),
        LocalDate.of(2025, 1, 1),
        AS_OF.toInstant(),
        min,
        max,
        0.06,
        0.08,
        3);
  }
}

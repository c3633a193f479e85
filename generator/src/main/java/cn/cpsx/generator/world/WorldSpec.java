package cn.cpsx.generator.world;

import cn.cpsx.generator.institution.Institution;
import cn.cpsx.schemas.ReportingTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What to generate.
 *
 * @param seed the same seed (and the rest of the spec) always gives the same world, byte for byte
 * @param from the first day of cases (its year is the first year generated in full)
 * @param asOf "now" of the world: no case is received after it, statuses are as they stand then,
 *     and only periods ended by then get statistics or self-assessments
 * @param casesPerYearMin a year's cases of the smallest institution (before the worse factor)
 * @param casesPerYearMax a year's cases of the largest institution
 * @param worseShare the share of institutions that treat complainants clearly worse (at least 2)
 * @param offShare the share of quarterly statistics whose {@code received} is off on purpose (S003)
 * @param actionsPerSeverity enforcement actions of each severity
 */
public record WorldSpec(
    long seed,
    List<Institution> institutions,
    LocalDate from,
    Instant asOf,
    int casesPerYearMin,
    int casesPerYearMax,
    double worseShare,
    double offShare,
    int actionsPerSeverity) {

  public WorldSpec {
    institutions = List.copyOf(institutions);
    if (casesPerYearMin < 1 || casesPerYearMax < casesPerYearMin) {
      throw new IllegalArgumentException("cases per year: 1 ≤ min ≤ max");
    }
    if (!from.atStartOfDay(ReportingTime.ZONE).toInstant().isBefore(asOf)) {
      throw new IllegalArgumentException("from must lie before asOf");
    }
  }
}

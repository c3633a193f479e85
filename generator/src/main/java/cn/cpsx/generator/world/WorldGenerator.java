package cn.cpsx.generator.world;

import cn.cpsx.generator.cases.CaseGenerator;
import cn.cpsx.generator.cases.CaseLife;
import cn.cpsx.generator.enforcement.EnforcementActions;
import cn.cpsx.generator.institution.Institution;
import cn.cpsx.generator.periodic.PeriodicFilings;
import cn.cpsx.generator.periodic.QuarterlyStatistics;
import cn.cpsx.generator.periodic.SelfAssessment;
import cn.cpsx.generator.periodic.Submission;
import cn.cpsx.schemas.FilingPeriod;
import cn.cpsx.schemas.ReportingTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Builds a {@link World} from a {@link WorldSpec}; the same spec always gives the same world. */
public final class WorldGenerator {

  private WorldGenerator() {}

  public static World generate(WorldSpec spec) {
    List<Institution> active = spec.institutions().stream().filter(Institution::active).toList();
    Set<String> worse = worse(spec, active);
    LocalDate asOfDay = spec.asOf().atZone(ReportingTime.ZONE).toLocalDate();
    double[] size = sizeRange(active);

    Map<String, List<CaseLife>> cases = new LinkedHashMap<>();
    for (Institution institution : active) {
      List<CaseLife> own = new ArrayList<>();
      for (int year = spec.from().getYear(); year <= asOfDay.getYear(); year++) {
        int count = yearlyCount(spec, institution, worse.contains(institution.uscc()), size, year);
        for (CaseLife c :
            CaseGenerator.year(
                spec.seed(), institution, worse.contains(institution.uscc()), count, year)) {
          boolean inRange =
              !c.receivedAt().toLocalDate().isBefore(spec.from())
                  && c.receivedAt().toInstant().isBefore(spec.asOf());
          if (inRange) {
            own.add(c);
          }
        }
      }
      cases.put(institution.uscc(), List.copyOf(own));
    }
    plantHotSpot(spec, active, cases, asOfDay);

    List<QuarterlyStatistics> statistics = new ArrayList<>();
    List<SelfAssessment> assessments = new ArrayList<>();
    for (Institution institution : active) {
      boolean bad = worse.contains(institution.uscc());
      for (String quarter : quartersEnded(spec.from(), spec)) {
        Random random = PeriodicFilings.random(spec.seed(), institution.uscc(), "STATS_Q", quarter);
        Submission submission = drawSubmission(random, bad);
        boolean off = random.nextDouble() < spec.offShare();
        statistics.add(
            PeriodicFilings.statistics(
                institution, cases.get(institution.uscc()), quarter, off, submission, random));
      }
      for (int year = spec.from().getYear(); year < asOfDay.getYear(); year++) {
        String period = String.valueOf(year);
        Random random =
            PeriodicFilings.random(spec.seed(), institution.uscc(), "SELF_ASSESSMENT", period);
        assessments.add(
            PeriodicFilings.selfAssessment(
                institution, period, bad, drawSubmission(random, bad), random));
      }
    }
    List<Institution> worseInstitutions =
        active.stream().filter(i -> worse.contains(i.uscc())).toList();
    return new World(
        spec,
        spec.institutions(),
        worse,
        cases,
        List.copyOf(statistics),
        List.copyOf(assessments),
        EnforcementActions.draw(
            spec.seed(),
            spec.institutions(),
            worseInstitutions,
            spec.from(),
            // within the first year from `from`: the same actions (and decision numbers) on any
            // later day, so a rerun tomorrow enters nothing new
            min(spec.from().plusYears(1).minusDays(1), asOfDay.minusDays(1)),
            spec.actionsPerSeverity()));
  }

  /**
   * The first online platform's online-lending complaints jump in the last complete week (Monday to
   * Sunday, Shanghai) before asOf: something for the weekly hot-spot sweep to find.
   */
  private static void plantHotSpot(
      WorldSpec spec,
      List<Institution> active,
      Map<String, List<CaseLife>> cases,
      LocalDate asOfDay) {
    LocalDate monday =
        asOfDay
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
            .minusWeeks(1);
    if (!monday.isBefore(spec.from())) {
      active.stream()
          .filter(i -> i.type().equals("ONLINE_PLATFORM"))
          .findFirst()
          .ifPresent(
              platform -> {
                List<CaseLife> own = new ArrayList<>(cases.get(platform.uscc()));
                own.addAll(
                    CaseGenerator.burst(spec.seed(), platform, "ONLINE_LENDING", monday, 16));
                own.sort(Comparator.comparing(CaseLife::receivedAt));
                cases.put(platform.uscc(), List.copyOf(own));
              });
    }
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static Submission drawSubmission(Random random, boolean worse) {
    int r = random.nextInt(100);
    int missing = worse ? 15 : 3;
    int late = worse ? 30 : 8;
    return r < missing
        ? Submission.MISSING
        : r < missing + late ? Submission.LATE : Submission.ON_TIME;
  }

  /** The clearly worse institutions: a seeded draw, at least two. */
  private static Set<String> worse(WorldSpec spec, List<Institution> active) {
    int count =
        Math.min(active.size(), Math.max(2, (int) Math.round(spec.worseShare() * active.size())));
    return active.stream()
        .sorted(
            Comparator.comparingDouble(
                i -> Seeds.random(spec.seed(), "worse:" + i.uscc()).nextDouble()))
        .limit(count)
        .map(Institution::uscc)
        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
  }

  private static double[] sizeRange(List<Institution> active) {
    double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
    for (Institution i : active) {
      double log = Math.log10(Math.max(1_000, i.retailCustomers()));
      min = Math.min(min, log);
      max = Math.max(max, log);
    }
    return new double[] {min, max};
  }

  /** A year's cases: by size (log of retail customers), type, worse or not, with some jitter. */
  private static int yearlyCount(
      WorldSpec spec, Institution institution, boolean worse, double[] size, int year) {
    double log = Math.log10(Math.max(1_000, institution.retailCustomers()));
    double s = size[1] > size[0] ? (log - size[0]) / (size[1] - size[0]) : 0.5;
    double base = spec.casesPerYearMin() + s * (spec.casesPerYearMax() - spec.casesPerYearMin());
    double type =
        switch (institution.type()) {
          case "ONLINE_PLATFORM", "CONSUMER_FINANCE" -> 1.25;
          case "BANK_FOREIGN" -> 0.8;
          default -> 1.0;
        };
    Random random = Seeds.random(spec.seed(), "volume:" + institution.uscc() + ":" + year);
    double jitter = 0.85 + 0.3 * random.nextDouble();
    return Math.max(1, (int) Math.round(base * type * jitter * (worse ? 1.8 : 1.0)));
  }

  /** Quarters from the one holding {@code from} that have ended by asOf, e.g. 2025-Q1. */
  static List<String> quartersEnded(LocalDate from, WorldSpec spec) {
    List<String> quarters = new ArrayList<>();
    LocalDate start = LocalDate.of(from.getYear(), (from.getMonthValue() - 1) / 3 * 3 + 1, 1);
    for (LocalDate q = start; ; q = q.plusMonths(3)) {
      String text = q.getYear() + "-Q" + ((q.getMonthValue() - 1) / 3 + 1);
      FilingPeriod period = FilingPeriod.parse("STATS_Q", text).orElseThrow();
      if (!period.hasEndedBy(spec.asOf())) {
        return quarters;
      }
      quarters.add(text);
    }
  }
}

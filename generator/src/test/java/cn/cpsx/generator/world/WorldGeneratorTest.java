package cn.cpsx.generator.world;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.generator.cases.CaseLife;
import cn.cpsx.generator.enforcement.EnforcementAction;
import cn.cpsx.generator.filing.Filing;
import cn.cpsx.generator.filing.FilingPlan;
import cn.cpsx.generator.filing.Format;
import cn.cpsx.generator.institution.Institution;
import cn.cpsx.generator.periodic.QuarterlyStatistics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class WorldGeneratorTest {

  private static final World DEMO = WorldGenerator.generate(DemoWorlds.demo(20261202L, 30, 150));

  @Test
  void sameSeedGivesTheSameBytes() {
    World again = WorldGenerator.generate(DemoWorlds.demo(20261202L, 30, 150));
    List<FilingPlan.Planned> first = concat(FilingPlan.cases(DEMO), FilingPlan.periodic(DEMO));
    List<FilingPlan.Planned> second = concat(FilingPlan.cases(again), FilingPlan.periodic(again));
    assertThat(second).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i).filing().fileName()).isEqualTo(first.get(i).filing().fileName());
      assertThat(second.get(i).filing().bytes()).isEqualTo(first.get(i).filing().bytes());
    }
    assertThat(again.enforcementActions()).isEqualTo(DEMO.enforcementActions());
  }

  @Test
  void anotherSeedGivesAnotherWorld() {
    World other = WorldGenerator.generate(DemoWorlds.demo(7L, 30, 150));
    assertThat(FilingPlan.cases(other).getFirst().filing().bytes())
        .isNotEqualTo(FilingPlan.cases(DEMO).getFirst().filing().bytes());
  }

  @Test
  void everyActiveDemoInstitutionHasAFullPastYearAndTheCurrentYearToDate() {
    for (Institution institution : DEMO.institutions()) {
      List<CaseLife> cases = DEMO.casesOf(institution.uscc());
      if (!institution.active()) {
        assertThat(cases).isEmpty();
        continue;
      }
      long past = cases.stream().filter(c -> c.receivedAt().getYear() == 2025).count();
      long current = cases.stream().filter(c -> c.receivedAt().getYear() == 2026).count();
      assertThat(past).as(institution.shortName()).isBetween(20L, 300L);
      assertThat(current).as(institution.shortName()).isPositive();
      assertThat(
              cases.stream()
                  .filter(
                      c ->
                          c.receivedAt().getMonthValue() == 11 && c.receivedAt().getYear() == 2026))
          .isNotEmpty();
    }
    assertThat(DEMO.institutions()).hasSize(64);
  }

  @Test
  void noCaseIsReceivedOrClosedAfterNow() {
    Instant now = DEMO.spec().asOf();
    for (List<CaseLife> cases : DEMO.cases().values()) {
      for (CaseLife c : cases) {
        assertThat(c.receivedAt().toInstant()).isBefore(now);
        var filed = c.asOf(now);
        if (filed.resolvedAt() != null) {
          assertThat(filed.resolvedAt().toInstant()).isBeforeOrEqualTo(now);
          assertThat(filed.resolvedAt()).isAfterOrEqualTo(filed.receivedAt());
        }
      }
    }
  }

  @Test
  void aTailOfClosedCasesRunsPastFifteenDaysAndWorseInstitutionsAreClearlyWorse() {
    Predicate<CaseLife> worse = c -> DEMO.worse().contains(c.uscc());
    List<CaseLife> closed = all().stream().filter(c -> c.closedBy(DEMO.spec().asOf())).toList();
    double normalLate =
        share(closed.stream().filter(worse.negate()).toList(), c -> !c.closedWithin15Days());
    double worseLate = share(closed.stream().filter(worse).toList(), c -> !c.closedWithin15Days());
    assertThat(normalLate).isBetween(0.04, 0.20);
    assertThat(worseLate).isGreaterThan(normalLate * 2);

    Predicate<CaseLife> satisfied =
        c -> c.satisfaction().equals("SATISFIED") || c.satisfaction().equals("BASICALLY_SATISFIED");
    Predicate<CaseLife> surveyed = c -> !c.satisfaction().equals("NOT_SURVEYED");
    double normalSatisfied =
        share(closed.stream().filter(worse.negate()).filter(surveyed).toList(), satisfied);
    double worseSatisfied =
        share(closed.stream().filter(worse).filter(surveyed).toList(), satisfied);
    assertThat(worseSatisfied).isLessThan(normalSatisfied - 0.15);

    double normalEscalated =
        share(all().stream().filter(worse.negate()).toList(), c -> c.channel().equals("REGULATOR"));
    double worseEscalated =
        share(all().stream().filter(worse).toList(), c -> c.channel().equals("REGULATOR"));
    assertThat(worseEscalated).isGreaterThan(normalEscalated * 1.5);
    assertThat(DEMO.worse()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void casesArriveMoreOnWeekdaysAndInMarchThanInFebruary() {
    List<CaseLife> year = all().stream().filter(c -> c.receivedAt().getYear() == 2025).toList();
    double weekday =
        year.stream().filter(c -> c.receivedAt().getDayOfWeek().getValue() <= 5).count() / 5.0;
    double weekend =
        year.stream().filter(c -> c.receivedAt().getDayOfWeek().getValue() > 5).count() / 2.0;
    assertThat(weekday).isGreaterThan(weekend * 1.5);
    long march = year.stream().filter(c -> c.receivedAt().getMonthValue() == 3).count();
    long february = year.stream().filter(c -> c.receivedAt().getMonthValue() == 2).count();
    assertThat(march).isGreaterThan(february * 3 / 2);
  }

  @Test
  void insurersHearAboutInsuranceAndPaymentInstitutionsAboutPayments() {
    for (Institution institution : DEMO.institutions()) {
      for (CaseLife c : DEMO.casesOf(institution.uscc())) {
        switch (institution.type()) {
          case "INSURER_LIFE" -> assertThat(c.businessCategory()).isIn("INSURANCE_LIFE", "OTHER");
          case "INSURER_PROPERTY" ->
              assertThat(c.businessCategory()).isIn("INSURANCE_PROPERTY", "OTHER");
          case "PAYMENT" -> assertThat(c.businessCategory()).isIn("PAYMENT", "OTHER");
          default -> {}
        }
      }
    }
  }

  @Test
  void anOnlinePlatformsLendingComplaintsJumpInTheLastCompleteWeek() {
    Institution platform =
        DEMO.institutions().stream()
            .filter(i -> i.active() && i.type().equals("ONLINE_PLATFORM"))
            .findFirst()
            .orElseThrow();
    LocalDate monday = LocalDate.of(2026, 11, 23);
    long lastWeek =
        DEMO.casesOf(platform.uscc()).stream()
            .filter(c -> c.businessCategory().equals("ONLINE_LENDING"))
            .filter(
                c ->
                    !c.receivedAt().toLocalDate().isBefore(monday)
                        && c.receivedAt().toLocalDate().isBefore(monday.plusDays(7)))
            .count();
    long weekBefore =
        DEMO.casesOf(platform.uscc()).stream()
            .filter(c -> c.businessCategory().equals("ONLINE_LENDING"))
            .filter(
                c ->
                    !c.receivedAt().toLocalDate().isBefore(monday.minusDays(7))
                        && c.receivedAt().toLocalDate().isBefore(monday))
            .count();
    assertThat(lastWeek).isGreaterThanOrEqualTo(16).isGreaterThan(weekBefore * 3);
  }

  @Test
  void complainantsComeFromEverywhereButMostlyFromPopulousProvinces() {
    long guangdong = all().stream().filter(c -> c.region().startsWith("44")).count();
    long tibet = all().stream().filter(c -> c.region().startsWith("54")).count();
    assertThat(guangdong).isGreaterThan(tibet * 5);
  }

  @Test
  void aSetShareOfQuarterlyStatisticsIsDeliberatelyOffAndMostAreFiledOnTime() {
    List<QuarterlyStatistics> statistics = DEMO.statistics();
    assertThat(statistics)
        .extracting(QuarterlyStatistics::period)
        .contains("2025-Q1", "2026-Q3")
        .doesNotContain("2026-Q4");
    double off = share(statistics, QuarterlyStatistics::deliberatelyOff);
    assertThat(off).isBetween(0.03, 0.15);
    assertThat(
            share(statistics, s -> s.submission() == cn.cpsx.generator.periodic.Submission.ON_TIME))
        .isGreaterThan(0.7);
    assertThat(statistics)
        .anyMatch(s -> s.submission() == cn.cpsx.generator.periodic.Submission.MISSING);
  }

  @Test
  void enforcementActionsOfEverySeverityNeverInTheFutureWithUniqueNumbers() {
    List<EnforcementAction> actions = DEMO.enforcementActions();
    assertThat(actions)
        .extracting(EnforcementAction::severity)
        .contains("MINOR", "SERIOUS", "MAJOR");
    assertThat(actions).extracting(EnforcementAction::decisionNo).doesNotHaveDuplicates();
    assertThat(actions).allMatch(a -> a.decisionDate().isBefore(LocalDate.of(2026, 12, 2)));
    assertThat(actions.stream().filter(a -> !a.severity().equals("MINOR")))
        .allMatch(
            a ->
                DEMO.worse().contains(a.uscc())
                    || !DEMO.institutions().stream()
                        .filter(i -> i.uscc().equals(a.uscc()))
                        .findFirst()
                        .orElseThrow()
                        .active());
  }

  @Test
  void enforcementActionsDoNotChangeFromOneDayToTheNext() {
    WorldSpec tomorrow = DemoWorlds.demo(20261202L, 30, 150);
    tomorrow =
        new WorldSpec(
            tomorrow.seed(),
            tomorrow.institutions(),
            tomorrow.from(),
            tomorrow.asOf().plus(java.time.Duration.ofDays(1)),
            tomorrow.casesPerYearMin(),
            tomorrow.casesPerYearMax(),
            tomorrow.worseShare(),
            tomorrow.offShare(),
            tomorrow.actionsPerSeverity());
    assertThat(WorldGenerator.generate(tomorrow).enforcementActions())
        .isEqualTo(DEMO.enforcementActions());
  }

  @Test
  void planUsesEveryChannelAndFormat() {
    List<FilingPlan.Planned> plan = concat(FilingPlan.cases(DEMO), FilingPlan.periodic(DEMO));
    assertThat(plan)
        .extracting(p -> p.filing().format())
        .contains(Format.JSON, Format.XML, Format.CSV);
    assertThat(plan)
        .extracting(FilingPlan.Planned::channel)
        .contains(cn.cpsx.generator.filing.Channel.values());
    assertThat(plan).extracting(p -> p.filing().fileName()).doesNotHaveDuplicates();
    assertThat(plan.stream().map(FilingPlan.Planned::filing).map(Filing::uscc))
        .allMatch(
            u -> DEMO.institutions().stream().anyMatch(i -> i.uscc().equals(u) && i.active()));
  }

  private List<CaseLife> all() {
    return DEMO.cases().values().stream().flatMap(List::stream).toList();
  }

  private static <T> double share(List<T> items, Predicate<T> test) {
    return items.isEmpty() ? 0 : items.stream().filter(test).count() / (double) items.size();
  }

  @SafeVarargs
  private static <T> List<T> concat(List<T>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}

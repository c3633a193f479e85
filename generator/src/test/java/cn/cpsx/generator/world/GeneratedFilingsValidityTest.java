package cn.cpsx.generator.world;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.generator.cases.CaseLife;
import cn.cpsx.generator.filing.Filing;
import cn.cpsx.generator.filing.FilingPlan;
import cn.cpsx.generator.filing.Format;
import cn.cpsx.generator.institution.Institution;
import cn.cpsx.generator.periodic.QuarterlyStatistics;
import cn.cpsx.generator.periodic.SelfAssessment;
import cn.cpsx.schemas.FilingContext;
import cn.cpsx.schemas.FilingHistory;
import cn.cpsx.schemas.FilingOutcome;
import cn.cpsx.schemas.FilingValidation;
import cn.cpsx.schemas.FilingValidator;
import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every generated filing, in every format, passes the regulator's own validator. */
class GeneratedFilingsValidityTest {

  private static final World WORLD = WorldGenerator.generate(DemoWorlds.demo(42L, 12, 40));
  private static final FilingValidator VALIDATOR = new FilingValidator();
  private static final Instant FILED_AT = WORLD.spec().asOf().plus(Duration.ofHours(3));

  @Test
  void everyCasesFilingIsAcceptedInJsonXmlAndCsv() {
    for (Institution institution :
        WORLD.institutions().stream().filter(Institution::active).toList()) {
      for (Format format : Format.values()) {
        for (Filing filing : FilingPlan.cases(WORLD, institution, format)) {
          FilingValidation result = validate(filing);
          assertThat(errors(result)).as(filing.fileName()).isEmpty();
          assertThat(result.outcome())
              .as(filing.fileName())
              .isIn(FilingOutcome.ACCEPTED, FilingOutcome.ACCEPTED_WITH_WARNINGS);
          // the only warnings: cases filed long after receipt (the past year, filed today) and late
          assertThat(result.findings()).extracting(Finding::rule).allMatch(r -> r == Rule.C008);
        }
      }
    }
  }

  @Test
  void everyStatisticsFilingPassesAndOnlyTheDeliberatelyOffOnesWarnS003() {
    for (QuarterlyStatistics s : WORLD.statistics()) {
      for (Format format : List.of(Format.JSON, Format.XML)) {
        Filing filing = FilingPlan.statistics(s, null, format);
        FilingValidation result = validate(filing);
        assertThat(errors(result)).as(filing.fileName()).isEmpty();
        boolean s003 = result.findings().stream().anyMatch(f -> f.rule() == Rule.S003);
        assertThat(s003).as(filing.fileName()).isEqualTo(s.deliberatelyOff());
      }
    }
  }

  @Test
  void everySelfAssessmentPasses() {
    for (SelfAssessment a : WORLD.selfAssessments()) {
      for (Format format : List.of(Format.JSON, Format.XML)) {
        Filing filing = FilingPlan.selfAssessment(a, null, format);
        FilingValidation result = validate(filing);
        assertThat(errors(result)).as(filing.fileName()).isEmpty();
        assertThat(result.findings())
            .extracting(Finding::rule)
            .allMatch(r -> r == Rule.F008 || r == Rule.A002);
      }
    }
  }

  private static FilingValidation validate(Filing filing) {
    FilingContext context = new FilingContext(filing.uscc(), FILED_AT, u -> true, HISTORY);
    return switch (filing.format()) {
      case JSON -> VALIDATOR.validateJson(filing.bytes(), context);
      case XML -> VALIDATOR.validateXml(filing.bytes(), context);
      case CSV -> VALIDATOR.validateSftpFile(filing.bytes(), filing.fileName(), context);
    };
  }

  private static List<Finding> errors(FilingValidation result) {
    return result.findings().stream().filter(Finding::isError).toList();
  }

  /** As the regulator's database would answer once every CASES filing is accepted. */
  private static final FilingHistory HISTORY =
      new FilingHistory() {
        @Override
        public Optional<String> currentFiling(String uscc, String filingType, String period) {
          return Optional.empty();
        }

        @Override
        public long casesReceivedBetween(String uscc, Instant from, Instant to) {
          return WORLD.casesOf(uscc).stream()
              .map(CaseLife::receivedAt)
              .map(t -> t.toInstant())
              .filter(t -> !t.isBefore(from) && t.isBefore(to))
              .count();
        }
      };
}

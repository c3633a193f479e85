package cn.cpsx.batch.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.schemas.rating.RatingPeriod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * reportJob's restart test. The planned point of failure is the one an operator meets: the Chinese
 * font is missing when the report is drawn. The first run collects the figures (committed), fails
 * in renderReportStep and leaves the version FAILED with that cause and nothing a supervisor could
 * publish; once the font is in place, the retry (the portal's: status back to REQUESTED) restarts
 * the same job instance, runs only the render step over the figures already stored, and drafts it.
 */
@SpringBootTest
@ActiveProfiles("it")
class ReportJobRestartIT {

  static final Path FONTS = tempDirectory("cpsx-report-fonts");
  static final Path FONT = FONTS.resolve("DroidSansFallbackFull.ttf");

  @DynamicPropertySource
  static void fontNotThereYet(DynamicPropertyRegistry registry) {
    registry.add("cpsx.report.font", FONT::toString);
  }

  @Autowired ReportJobs reports;
  @Autowired JdbcClient jdbc;

  @AfterAll
  static void removeFont() throws IOException {
    Files.deleteIfExists(FONT);
    Files.deleteIfExists(FONTS);
  }

  @Test
  void aRunFailingForTheFontIsRetriedAsTheSameInstanceAndRendersOnlyWhatWasLeft()
      throws IOException {
    String period = freeYear(jdbc) + "-Q2";
    long id = reports.request(RatingPeriod.parse(period).orElseThrow(), Instant.now(), "RestartIT");

    JobExecution failed = reports.generate(id);

    assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(steps(failed))
        .containsEntry("collectReportFiguresStep", BatchStatus.COMPLETED)
        .containsEntry("renderReportStep", BatchStatus.FAILED);
    Map<String, Object> afterFailure = row(id);
    assertThat(afterFailure.get("status")).isEqualTo("FAILED");
    assertThat((String) afterFailure.get("failure"))
        .contains(FONT.toString(), "fonts-droid-fallback");
    assertThat(afterFailure.get("figures")).as("the first step's work is kept").isNotNull();
    for (String content : List.of("html_zh", "html_en", "pdf_zh", "pdf_en", "generated_at")) {
      assertThat(afterFailure.get(content)).as(content + ": nothing half-made").isNull();
    }
    // nothing to publish: the portal publishes DRAFT rows only
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM report_version WHERE period = ? AND status IN"
                        + " ('DRAFT', 'PUBLISHED', 'SUPERSEDED')")
                .param(period)
                .query(Long.class)
                .single())
        .isZero();

    Files.copy(Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), FONT);
    jdbc.sql("UPDATE report_version SET status = 'REQUESTED' WHERE id = ? AND status = 'FAILED'")
        .param(id)
        .update();
    JobExecution restarted = reports.generate(id);

    assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
    assertThat(steps(restarted))
        .as("the figures are not collected again: only the render step runs")
        .containsOnlyKeys("renderReportStep");
    assertThat(restarted.getStepExecutions().iterator().next().getWriteCount()).isEqualTo(1);
    Map<String, Object> drafted = row(id);
    assertThat(drafted.get("status")).isEqualTo("DRAFT");
    assertThat(drafted.get("failure")).isNull();
    assertThat(drafted.get("figures"))
        .as("rendered from the figures the first run stored")
        .isEqualTo(afterFailure.get("figures"));
    assertThat((byte[]) drafted.get("pdf_zh")).startsWith((byte) '%', (byte) 'P');
    assertThat((String) drafted.get("html_en")).contains("Consumer protection integrity report");

    // a completed generation is not run again
    assertThat(reports.generate(id)).isNull();
  }

  private static Map<String, BatchStatus> steps(JobExecution execution) {
    return execution.getStepExecutions().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                StepExecution::getStepName, StepExecution::getStatus));
  }

  private Map<String, Object> row(long id) {
    return jdbc.sql(
            """
            SELECT status, failure, figures::text AS figures, html_zh, html_en, pdf_zh, pdf_en,
                   generated_at
              FROM report_version WHERE id = ?
            """)
        .param(id)
        .query()
        .singleRow();
  }

  /** A year without report versions (cases in it do not matter to these tests). */
  static int freeYear(JdbcClient jdbc) {
    int year;
    do {
      year = ThreadLocalRandom.current().nextInt(1000, 1200);
    } while (jdbc.sql("SELECT count(*) FROM report_version WHERE period LIKE ? || '%'")
            .param(String.valueOf(year))
            .query(Long.class)
            .single()
        > 0);
    return year;
  }

  /** A folder for a font the test puts in place when it wants the report drawn. */
  static Path tempDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

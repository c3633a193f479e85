package cn.cpsx.batch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cpsx.schemas.rating.RatingPeriod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A report version that failed for a passing cause (as one requested while a dependency was down)
 * is retried by the sweep on its own, not only when a supervisor retries it in the portal; a cause
 * that persists is retried a bounded number of times, then waits for the supervisor. The passing
 * cause here is the one {@link ReportJobRestartIT} plants: the Chinese font missing, then put back.
 */
@SpringBootTest
@ActiveProfiles("it")
class ReportRetryIT {

  static final Path FONTS = ReportJobRestartIT.tempDirectory("cpsx-report-retry-fonts");
  static final Path FONT = FONTS.resolve("DroidSansFallbackFull.ttf");
  static final int RETRIES = 2;

  @DynamicPropertySource
  static void fontNotThereYetAndQuickRetries(DynamicPropertyRegistry registry) {
    registry.add("cpsx.report.font", FONT::toString);
    registry.add("cpsx.report.retries", () -> RETRIES);
    registry.add("cpsx.report.retry-after", () -> "PT1S");
  }

  @Autowired ReportJobs reports;
  @Autowired JdbcClient jdbc;

  @AfterAll
  static void removeFont() throws IOException {
    Files.deleteIfExists(FONT);
    Files.deleteIfExists(FONTS);
  }

  @Test
  void aFailedVersionIsRetriedBySweepABoundedNumberOfTimesThenBySupervisorOnly()
      throws IOException {
    long failing = request();
    assertThat(reports.generate(failing)).isNotNull();
    assertThat(status(failing)).isEqualTo("FAILED");
    assertThat(runs(failing)).isEqualTo(1);

    reports.sweep();
    assertThat(runs(failing)).as("not before retry-after").isEqualTo(1);

    for (int retry = 1; retry <= RETRIES; retry++) {
      int before = runs(failing);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                reports.sweep();
                return runs(failing) > before;
              });
      assertThat(status(failing)).isEqualTo("FAILED");
    }
    assertThat(runs(failing)).isEqualTo(1 + RETRIES);
    await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> true);
    reports.sweep();
    assertThat(runs(failing)).as("bounded: no retry after %d", RETRIES).isEqualTo(1 + RETRIES);
    assertThat(
            jdbc.sql("SELECT failure FROM report_version WHERE id = ?")
                .param(failing)
                .query(String.class)
                .single())
        .contains(FONT.toString());

    // the cause passes: a version that failed once is retried by the sweep and drafted
    long healing = request();
    reports.generate(healing);
    assertThat(status(healing)).isEqualTo("FAILED");
    Files.copy(Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), FONT);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              reports.sweep();
              return status(healing).equals("DRAFT");
            });
    assertThat(runs(healing)).isEqualTo(2);
    assertThat(status(failing)).as("out of retries: the supervisor's to retry").isEqualTo("FAILED");

    jdbc.sql("UPDATE report_version SET status = 'REQUESTED' WHERE id = ? AND status = 'FAILED'")
        .param(failing)
        .update();
    reports.sweep();
    assertThat(status(failing)).isEqualTo("DRAFT");
  }

  private long request() {
    return reports.request(
        RatingPeriod.parse(ReportJobRestartIT.freeYear(jdbc) + "-Q3").orElseThrow(),
        Instant.now(),
        "ReportRetryIT");
  }

  private String status(long id) {
    return jdbc.sql("SELECT status FROM report_version WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  /** Executions of the version's job instance. */
  private int runs(long id) {
    return jdbc.sql(
            """
            SELECT count(*) FROM batch_job_execution e
              JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
              JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
             WHERE i.job_name = 'reportJob' AND p.parameter_name = 'reportId'
               AND p.parameter_value = ?
            """)
        .param(String.valueOf(id))
        .query(Integer.class)
        .single();
  }
}

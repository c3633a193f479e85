package cn.cpsx.batch.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.batch.rating.RatingJobs;
import cn.cpsx.batch.report.ReportJobs;
import cn.cpsx.schemas.rating.RatingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
 * Time to generate the annual integrity report with both PDFs at regulator scale (issue 13: 5M
 * cases). Uses the {@link BenchmarkWorld} of the rating benchmark; when 2025 has no published
 * ratings yet it rates the year and publishes the drafts (as a supervisor would), so the report's
 * rating sections have their real size. Then it requests the 2025 report, runs {@code reportJob}
 * and prints each step's time and the size of what it made. The test command runs the small
 * default; the full size is
 *
 * <pre>./mvnw -pl batch-jobs -am verify -Dit.test=ReportBenchmarkIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcpsx.bench.institutions=5000 -Dcpsx.bench.cases=5000000
 * </pre>
 */
@SpringBootTest
@ActiveProfiles("it")
class ReportBenchmarkIT {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
    String url = BenchmarkWorld.databaseUrl();
    registry.add("spring.datasource.url", () -> url);
  }

  @Autowired RatingJobs ratings;
  @Autowired ReportJobs reports;
  @Autowired JdbcClient jdbc;

  @Test
  void generatesTheAnnualReportOfAYear() {
    BenchmarkWorld.generateUnlessPresent(jdbc);
    RatingPeriod year = RatingPeriod.parse("2025").orElseThrow();
    publishRatingsUnlessPublished(year);

    long reportId = reports.request(year, Instant.now(), "ReportBenchmarkIT");
    Instant start = Instant.now();
    JobExecution execution = reports.generate(reportId);
    Duration total = Duration.between(start, Instant.now());

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    Map<String, Object> made =
        jdbc.sql(
                """
                SELECT status, (figures->'headline'->'current'->>'complaints')::bigint AS complaints,
                       length(pdf_zh) AS pdf_zh, length(pdf_en) AS pdf_en,
                       length(html_zh) AS html_zh
                  FROM report_version WHERE id = ?
                """)
            .param(reportId)
            .query()
            .singleRow();
    assertThat(made.get("status")).isEqualTo("DRAFT");
    assertThat(made.get("complaints"))
        .as("the report counts every generated case of the year once")
        .isEqualTo((long) BenchmarkWorld.CASES);
    assertThat((Integer) made.get("pdf_zh")).isPositive();

    System.out.printf(
        "%nReportBenchmark: annual report 2025 over %,d cases of %,d institutions%n",
        BenchmarkWorld.CASES, BenchmarkWorld.INSTITUTIONS);
    for (StepExecution step : execution.getStepExecutions()) {
      System.out.printf(
          "  %-26s %6.1f s%n",
          step.getStepName(),
          Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0);
    }
    System.out.printf(
        "  reportJob end to end       %6.1f s  (PDF zh %,d bytes, en %,d bytes; HTML zh %,d chars)%n%n",
        total.toMillis() / 1000.0, made.get("pdf_zh"), made.get("pdf_en"), made.get("html_zh"));
  }

  private void publishRatingsUnlessPublished(RatingPeriod year) {
    boolean published =
        jdbc.sql("SELECT count(*) FROM rating WHERE period = ? AND status = 'PUBLISHED'")
                .param(year.text())
                .query(Long.class)
                .single()
            > 0;
    if (published) {
      return;
    }
    long runId = ratings.request(year, Instant.now(), "ReportBenchmarkIT");
    assertThat(ratings.compute(runId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    jdbc.sql(
            """
            UPDATE rating SET status = 'PUBLISHED', version = 1, published_at = now(),
                              published_by = 'ReportBenchmarkIT'
             WHERE run_id = ? AND status = 'DRAFT'
            """)
        .param(runId)
        .update();
  }
}

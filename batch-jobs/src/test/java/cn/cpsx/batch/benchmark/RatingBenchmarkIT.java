package cn.cpsx.batch.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.batch.rating.RatingJobs;
import cn.cpsx.schemas.rating.RatingPeriod;
import java.time.Duration;
import java.time.Instant;
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
 * Rating time at regulator scale (issue 10: 5,000 institutions over 5M cases ≤ 60 s). Generates the
 * {@link BenchmarkWorld} unless present, then runs {@code ratingJob} for 2025 and prints each
 * step's time. The test command runs a small smoke size; the full size is
 *
 * <pre>./mvnw -pl batch-jobs -am verify -Dit.test=RatingBenchmarkIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcpsx.bench.institutions=5000 -Dcpsx.bench.cases=5000000
 * </pre>
 */
@SpringBootTest
@ActiveProfiles("it")
class RatingBenchmarkIT {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
    String url = BenchmarkWorld.databaseUrl();
    registry.add("spring.datasource.url", () -> url);
  }

  @Autowired RatingJobs ratings;
  @Autowired JdbcClient jdbc;

  @Test
  void ratesEveryInstitutionOfAYear() {
    Instant generationStart = Instant.now();
    boolean generated = BenchmarkWorld.generateUnlessPresent(jdbc);
    Duration generation = Duration.between(generationStart, Instant.now());

    long runId =
        ratings.request(
            RatingPeriod.parse("2025").orElseThrow(), Instant.now(), "RatingBenchmarkIT");
    Instant start = Instant.now();
    JobExecution execution = ratings.compute(runId);
    Duration total = Duration.between(start, Instant.now());

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    long licensed =
        jdbc.sql("SELECT count(*) FROM institution WHERE licence_status = 'ACTIVE'")
            .query(Long.class)
            .single();
    assertThat(
            jdbc.sql("SELECT count(*) FROM rating WHERE run_id = ?")
                .param(runId)
                .query(Long.class)
                .single())
        .isEqualTo(licensed);
    long casesRated =
        jdbc.sql("SELECT sum(complaints) FROM rating_figures WHERE run_id = ?")
            .param(runId)
            .query(Long.class)
            .single();
    assertThat(casesRated)
        .as("every generated case counted once, whatever its versions")
        .isEqualTo(BenchmarkWorld.CASES);

    System.out.printf(
        "%nRatingBenchmark: %,d institutions, %,d cases (%,d versions) in 2025%s%n",
        licensed,
        BenchmarkWorld.CASES,
        jdbc.sql("SELECT count(*) FROM complaint_case_version").query(Long.class).single(),
        generated ? ", generated in " + generation.toSeconds() + " s" : ", reused");
    for (StepExecution step : execution.getStepExecutions()) {
      System.out.printf(
          "  %-26s %6.1f s  (%,d written)%n",
          step.getStepName(),
          Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0,
          step.getWriteCount());
    }
    System.out.printf("  ratingJob end to end       %6.1f s%n%n", total.toMillis() / 1000.0);
  }
}

package cn.cpsx.batch.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.cpsx.batch.BatchSlice;
import cn.cpsx.schemas.rating.RatingPeriod;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * {@code ratingJob} as configured, on an in-memory job repository ({@link BatchSlice}): the figures
 * are collected for the period and cut-off of the run's row, a run whose drafts failed is restarted
 * with the same runId and redoes only the drafts, and a completed run cannot be computed again.
 * Collecting and drafting themselves (PostgreSQL queries) are stand-ins here; {@code RatingJobIT}
 * runs them for real.
 */
@SpringBatchTest
@SpringJUnitConfig({BatchSlice.class, RatingJobConfiguration.class})
class RatingJobRestartTest {

  static final Instant CUTOFF = Instant.parse("2026-10-01T00:00:00Z");

  @Autowired JobOperatorTestUtils jobs;
  @Autowired JdbcClient jdbc;

  @MockitoBean RatingFiguresCollection collection;
  @MockitoBean RatingDrafts drafts;
  @MockitoBean RatingJobs operatorRequests; // what /jobs/rating calls; not exercised here

  @Test
  void theFiguresAreCollectedForTheRunsPeriodAndCutOffThenTheDraftsWritten() throws Exception {
    long run = run(11, "2026-Q3");
    when(collection.collect(run, RatingPeriod.parse("2026-Q3").orElseThrow(), CUTOFF))
        .thenReturn(12);
    when(drafts.write(run)).thenReturn(64);

    JobExecution execution = jobs.startJob(parameters(run));

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(writes(execution))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("collectRatingFiguresStep", 12L, "writeRatingDraftsStep", 64L));
  }

  @Test
  void aRunWhoseDraftsFailedIsRestartedAndRedoesOnlyTheDrafts() throws Exception {
    long run = run(12, "2025");
    when(collection.collect(anyLong(), any(), any())).thenReturn(7);
    when(drafts.write(run))
        .thenThrow(new IllegalStateException("database went away"))
        .thenReturn(64);

    JobExecution first = jobs.startJob(parameters(run));
    JobExecution second = jobs.startJob(parameters(run));

    assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(second.getJobInstance().getInstanceId())
        .isEqualTo(first.getJobInstance().getInstanceId());
    assertThat(writes(second)).containsOnlyKeys("writeRatingDraftsStep");
    verify(collection, times(1)).collect(anyLong(), any(), any());
    verify(drafts, times(2)).write(run);
  }

  @Test
  void aCompletedRunIsNeverComputedAgain() throws Exception {
    long run = run(13, "2026-Q2");
    assertThat(jobs.startJob(parameters(run)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    assertThatThrownBy(() -> jobs.startJob(parameters(run)))
        .isInstanceOf(JobInstanceAlreadyCompleteException.class);
    verify(drafts, times(1)).write(run);
  }

  private long run(long id, String period) {
    jdbc.sql("INSERT INTO rating_run (id, period, data_cutoff) VALUES (?, ?, ?)")
        .params(id, period, java.sql.Timestamp.from(CUTOFF))
        .update();
    return id;
  }

  private static JobParameters parameters(long run) {
    return new JobParametersBuilder().addLong("runId", run).toJobParameters();
  }

  private static Map<String, Long> writes(JobExecution execution) {
    return execution.getStepExecutions().stream()
        .collect(Collectors.toMap(StepExecution::getStepName, StepExecution::getWriteCount));
  }
}

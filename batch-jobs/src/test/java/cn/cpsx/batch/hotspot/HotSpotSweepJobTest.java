package cn.cpsx.batch.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.cpsx.batch.BatchSlice;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * {@code hotSpotSweepJob} as configured, on an in-memory job repository ({@link BatchSlice}): one
 * run per week, named by its Monday; a failed sweep is restarted for the same week; a swept week is
 * never swept again; a parameter that is not a date sweeps nothing. The sweep's query is {@code
 * HotSpotSweepIT}'s.
 */
@SpringBatchTest
@SpringJUnitConfig({BatchSlice.class, HotSpotSweepJobConfiguration.class})
class HotSpotSweepJobTest {

  @Autowired JobOperatorTestUtils jobs;

  @MockitoBean HotSpotSweep sweep;
  @MockitoBean HotSpotJobs operatorRequests; // what /jobs/hot-spots calls; not exercised here

  @Test
  void theWeekIsSweptFromItsMondayAndItsHotSpotsCounted() throws Exception {
    when(sweep.sweep(LocalDate.parse("2026-11-23"))).thenReturn(4);

    JobExecution execution = jobs.startJob(week("2026-11-23"));

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(execution.getStepExecutions().iterator().next().getWriteCount()).isEqualTo(4);
  }

  @Test
  void aSweptWeekIsNeverSweptAgain() throws Exception {
    assertThat(jobs.startJob(week("2026-11-16")).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    assertThatThrownBy(() -> jobs.startJob(week("2026-11-16")))
        .isInstanceOf(JobInstanceAlreadyCompleteException.class);
    verify(sweep, times(1)).sweep(LocalDate.parse("2026-11-16"));
  }

  @Test
  void aFailedSweepIsRestartedForTheSameWeek() throws Exception {
    when(sweep.sweep(LocalDate.parse("2026-11-09")))
        .thenThrow(new IllegalStateException("database went away"))
        .thenReturn(2);

    JobExecution first = jobs.startJob(week("2026-11-09"));
    JobExecution second = jobs.startJob(week("2026-11-09"));

    assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(second.getJobInstance().getInstanceId())
        .isEqualTo(first.getJobInstance().getInstanceId());
  }

  @Test
  void aWeekThatIsNotADateSweepsNothing() throws Exception {
    JobExecution execution = jobs.startJob(week("last week"));

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
    verify(sweep, never()).sweep(any());
  }

  private static JobParameters week(String monday) {
    return new JobParametersBuilder().addString("week", monday).toJobParameters();
  }
}

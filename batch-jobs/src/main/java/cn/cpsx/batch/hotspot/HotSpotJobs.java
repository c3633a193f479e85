package cn.cpsx.batch.hotspot;

import cn.cpsx.schemas.ReportingTime;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the hot-spot sweep every Monday at 02:00 Shanghai time for the week just ended; operators
 * run it through job control, {@code POST /jobs/hot-spots?week=2026-11-16} (no week: the last
 * complete one).
 */
@Component
class HotSpotJobs {

  private static final Logger log = LoggerFactory.getLogger(HotSpotJobs.class);

  private final JobOperator jobOperator;
  private final Job hotSpotSweepJob;
  private final Clock clock;

  HotSpotJobs(JobOperator jobOperator, Job hotSpotSweepJob) {
    this.jobOperator = jobOperator;
    this.hotSpotSweepJob = hotSpotSweepJob;
    this.clock = Clock.system(ReportingTime.ZONE);
  }

  @Scheduled(cron = "0 0 2 * * MON", zone = ReportingTime.ZONE_ID)
  void weekly() {
    LocalDate monday = HotSpotSweep.lastCompleteWeek(LocalDate.now(clock));
    try {
      run(monday);
    } catch (JobInstanceAlreadyCompleteException e) {
      log.info("hot-spot sweep of week {} already done", monday);
    } catch (Exception e) {
      log.warn("hot-spot sweep failed; the next request or Monday retries it: {}", e.toString());
    }
  }

  /**
   * An operator's request, {@code week} (its Monday, yyyy-MM-dd; none: the last complete week), as
   * the job's parameters.
   */
  JobParameters operatorRequest(Map<String, String> request) {
    String week = request.get("week");
    if (week == null) {
      return parameters(HotSpotSweep.lastCompleteWeek(LocalDate.now(clock)));
    }
    try {
      LocalDate monday = LocalDate.parse(week);
      if (monday.getDayOfWeek() == DayOfWeek.MONDAY) {
        return parameters(monday);
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw new IllegalArgumentException("week must be a Monday, yyyy-MM-dd: " + week);
  }

  private static JobParameters parameters(LocalDate monday) {
    return new JobParametersBuilder().addString("week", monday.toString()).toJobParameters();
  }

  /** Runs (or restarts) the week's sweep; a week that completed before is not run again. */
  JobExecution run(LocalDate monday) throws Exception {
    JobExecution execution = jobOperator.start(hotSpotSweepJob, parameters(monday));
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      log.warn("hot-spot sweep of week {} ended {}", monday, execution.getStatus());
    }
    return execution;
  }
}

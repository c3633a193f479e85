package cn.cpsx.batch.hotspot;

import cn.cpsx.schemas.ReportingTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the hot-spot sweep every Monday at 02:00 Shanghai time for the week just ended, and on
 * request on batch-jobs' loopback port: {@code curl -X POST
 * 'http://127.0.0.1:8082/jobs/hot-spots?week=2026-11-16'} (no week: the last complete one).
 */
@RestController
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

  @PostMapping("/jobs/hot-spots")
  Map<String, Object> request(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week)
      throws Exception {
    LocalDate monday = week != null ? week : HotSpotSweep.lastCompleteWeek(LocalDate.now(clock));
    JobExecution execution;
    try {
      execution = run(monday);
    } catch (JobInstanceAlreadyCompleteException e) {
      return Map.of(
          "job",
          HotSpotSweepJobConfiguration.JOB_NAME,
          "week",
          monday.toString(),
          "status",
          "DONE_BEFORE");
    }
    return Map.of(
        "job", HotSpotSweepJobConfiguration.JOB_NAME,
        "week", monday.toString(),
        "status", execution.getStatus().name(),
        "flagged", execution.getStepExecutions().stream().mapToLong(s -> s.getWriteCount()).sum());
  }

  /** Runs (or restarts) the week's sweep; a week that completed before is not run again. */
  JobExecution run(LocalDate monday) throws Exception {
    JobExecution execution =
        jobOperator.start(
            hotSpotSweepJob,
            new JobParametersBuilder().addString("week", monday.toString()).toJobParameters());
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      log.warn("hot-spot sweep of week {} ended {}", monday, execution.getStatus());
    }
    return execution;
  }
}

package cn.cpsx.batch.reindex;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Job control for operators, on batch-jobs' loopback-only port: start a reindex and watch it.
 * {@code curl -X POST http://127.0.0.1:8082/jobs/case-reindex}.
 */
@RestController
class ReindexController {

  private final JobOperator jobOperator;
  private final JobRepository jobRepository;
  private final Job caseReindexJob;

  ReindexController(JobOperator jobOperator, JobRepository jobRepository, Job caseReindexJob) {
    this.jobOperator = jobOperator;
    this.jobRepository = jobRepository;
    this.caseReindexJob = caseReindexJob;
  }

  @PostMapping("/jobs/case-reindex")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, String> start() {
    CompletableFuture.runAsync(
        () -> {
          try {
            jobOperator.start(
                caseReindexJob,
                new JobParametersBuilder()
                    .addLong("requestedAt", System.currentTimeMillis())
                    .toJobParameters());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    return Map.of("job", CaseReindexJobConfiguration.JOB_NAME, "status", "STARTING");
  }

  /** The latest runs, newest first, with records written so far per step. */
  @GetMapping("/jobs/case-reindex")
  List<Map<String, Object>> runs() {
    List<JobInstance> instances =
        jobRepository.getJobInstances(CaseReindexJobConfiguration.JOB_NAME, 0, 5);
    return instances.stream()
        .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
        .map(ReindexController::describe)
        .toList();
  }

  private static Map<String, Object> describe(JobExecution execution) {
    return Map.of(
        "id", execution.getId(),
        "status", execution.getStatus().name(),
        "startTime", String.valueOf(execution.getStartTime()),
        "endTime", String.valueOf(execution.getEndTime()),
        "steps",
            execution.getStepExecutions().stream()
                .map(
                    s ->
                        Map.of(
                            "step",
                            s.getStepName(),
                            "status",
                            s.getStatus().name(),
                            "written",
                            s.getWriteCount()))
                .toList());
  }
}

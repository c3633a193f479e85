package cn.cpsx.batch.job;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Job control, for operators (realm role OPERATOR or ADMIN, bearer token; see the README's "Job
 * control"). Every job an operator may run is started, followed and restarted here:
 *
 * <pre>
 * T=...   # an access token of the cpsx-operations client (client credentials), README "Job control"
 * curl -H "Authorization: Bearer $T" http://127.0.0.1:8082/jobs                    # what there is
 * curl -H "Authorization: Bearer $T" -X POST 'http://127.0.0.1:8082/jobs/rating?period=2026-Q3'
 * curl -H "Authorization: Bearer $T" http://127.0.0.1:8082/jobs/executions/42      # follow it
 * curl -H "Authorization: Bearer $T" -X POST http://127.0.0.1:8082/jobs/executions/42/restart
 * </pre>
 *
 * A start answers 202 with the execution and its address at once; the job runs in the background
 * and its outcome, a failure's cause included, is read at that address.
 */
@RestController
class JobController {

  private final JobRuns runs;

  JobController(JobRuns runs) {
    this.runs = runs;
  }

  @GetMapping("/jobs")
  Map<String, List<String>> jobs() {
    return Map.of("jobs", runs.names());
  }

  /** Starts a job; its query parameters are the job's (e.g. {@code period}, {@code week}). */
  @PostMapping("/jobs/{name}")
  ResponseEntity<JobRun> start(
      @PathVariable String name, @RequestParam Map<String, String> request) {
    if (!runs.offers(name)) {
      return ResponseEntity.notFound().build();
    }
    return accepted(runs.start(name, request));
  }

  /** The job's latest executions, newest first. */
  @GetMapping("/jobs/{name}")
  ResponseEntity<List<JobRun>> recent(@PathVariable String name) {
    if (!runs.offers(name)) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok(runs.recent(name, 5));
  }

  @GetMapping("/jobs/executions/{id}")
  ResponseEntity<JobRun> execution(@PathVariable long id) {
    return ResponseEntity.of(runs.find(id));
  }

  /** Restarts a failed or stopped execution where it stopped: a new execution of the instance. */
  @PostMapping("/jobs/executions/{id}/restart")
  ResponseEntity<JobRun> restart(@PathVariable long id) {
    return runs.restart(id).map(JobController::accepted).orElse(ResponseEntity.notFound().build());
  }

  private static ResponseEntity<JobRun> accepted(JobRun run) {
    return ResponseEntity.accepted().location(URI.create("/jobs/executions/" + run.id())).body(run);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail wrongParameter(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(JobRuns.NotStarted.class)
  ProblemDetail notStarted(JobRuns.NotStarted e) {
    return ProblemDetail.forStatusAndDetail(
        e.conflict() ? HttpStatus.CONFLICT : HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
  }
}

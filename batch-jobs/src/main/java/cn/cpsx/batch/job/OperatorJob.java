package cn.cpsx.batch.job;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * A job an operator may start over job control, declared as a bean by the feature that owns it.
 *
 * @param name the job's name in the address, {@code POST /jobs/{name}} (kebab-case, never changed
 *     once released, like the job's own name)
 * @param job the Spring Batch job
 * @param parameters turns the request's query parameters into the job's parameters, recording
 *     whatever the feature records for a request (a rating run, a report version); throws {@link
 *     IllegalArgumentException} with a message for the operator when a parameter is wrong
 */
public record OperatorJob(
    String name, Job job, Function<Map<String, String>, JobParameters> parameters) {

  /** The request's {@code cutoff} (an ISO instant), or now: as of when a run counts the data. */
  public static Instant cutoff(Map<String, String> request, Clock clock) {
    String cutoff = request.get("cutoff");
    try {
      return cutoff == null ? clock.instant() : Instant.parse(cutoff);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "cutoff must be an ISO instant, e.g. 2026-01-01T00:00:00Z: " + cutoff);
    }
  }
}

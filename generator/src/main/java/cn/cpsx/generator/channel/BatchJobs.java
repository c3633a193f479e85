package cn.cpsx.generator.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * batch-jobs' job control ({@code /jobs}) as an operator uses it: with the operations client's
 * token (realm role OPERATOR), start a job and follow its execution to the end.
 */
public final class BatchJobs {

  private final Http http = new Http();
  private final String baseUrl;
  private final KeycloakTokens tokens;

  public BatchJobs(String baseUrl, KeycloakTokens tokens) {
    this.baseUrl = baseUrl;
    this.tokens = tokens;
  }

  /**
   * Starts the job ({@code hot-spots}, {@code rating}, …) with its query parameters and waits until
   * its execution ends; returns the execution (status, failure, steps). A run that completed before
   * with the same parameters answers 409: returned as such, {@code status} {@code
   * COMPLETED_BEFORE}.
   */
  public JsonNode run(String job, Map<String, String> parameters, Duration wait)
      throws InterruptedException {
    String query =
        parameters.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"));
    var answer =
        http.send(
            Http.request(
                    baseUrl + "/jobs/" + job + (query.isEmpty() ? "" : "?" + query),
                    tokens.operations())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
    if (answer.statusCode() == 409) {
      return Http.JSON.createObjectNode().put("status", "COMPLETED_BEFORE");
    }
    long id = Http.json(answer, 202).get("id").asLong();
    Instant until = Instant.now().plus(wait);
    while (true) {
      JsonNode execution = http.getJson(baseUrl + "/jobs/executions/" + id, tokens.operations());
      String status = execution.get("status").asString();
      if (!status.equals("STARTING") && !status.equals("STARTED") || Instant.now().isAfter(until)) {
        return execution;
      }
      Thread.sleep(500);
    }
  }
}

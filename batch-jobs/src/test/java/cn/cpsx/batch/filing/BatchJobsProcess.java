package cn.cpsx.batch.filing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the packaged batch-jobs jar as a process of its own, against the tests' database and index
 * (the ones this test JVM uses), so a test can {@code kill -9} it or run several side by side.
 */
final class BatchJobsProcess {

  private BatchJobsProcess() {}

  /** {@code logName}: the log goes to {@code target/<logName>.log}. */
  static Process start(
      int port, String datasourceUrl, String caseAlias, String logName, String... args)
      throws Exception {
    Path jar = Path.of("target", "batch-jobs.jar").toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(jar.toString());
    command.add("--spring.datasource.url=" + datasourceUrl);
    command.add("--cpsx.search.case-alias=" + caseAlias);
    // the tests' index holds fixtures written straight to it: no rebuild from PostgreSQL behind
    // them
    command.add("--cpsx.search.reindex-on-masker-upgrade=false");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CPSX_BATCH_PORT", String.valueOf(port));
    builder.redirectErrorStream(true);
    builder.redirectOutput(new File("target/" + logName + ".log"));
    return builder.start();
  }

  static void awaitHealthy(int port) {
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body()
                    .contains("\"UP\""));
  }
}

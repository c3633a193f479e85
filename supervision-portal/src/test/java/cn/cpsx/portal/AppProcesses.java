package cn.cpsx.portal;

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
 * Runs the packaged ingestion and batch-jobs jars as processes, on test ports, against the test
 * database and index: the apps as they are deployed, not their beans in this JVM.
 */
final class AppProcesses {

  private AppProcesses() {}

  static Process start(String module, int port, String logName, String... args) throws Exception {
    Path jar = Path.of("..", module, "target", module + ".jar").toAbsolutePath().normalize();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .put(
            module.equals("ingestion") ? "CPSX_INGESTION_PORT" : "CPSX_BATCH_PORT",
            String.valueOf(port));
    builder.environment().put("CPSX_DB", "cpsx_test");
    builder.environment().put("CPSX_CASE_ALIAS", "cpsx-test-cases");
    // the tests' index holds fixtures written straight to it: no rebuild from PostgreSQL behind
    // them
    builder.environment().put("CPSX_SEARCH_REINDEXONMASKERUPGRADE", "false");
    builder.environment().put("CPSX_SFTP_PORT", "18023"); // not the demo's 2222
    builder
        .environment()
        .put("CPSX_DATA", Path.of("target", "thin-path-data").toAbsolutePath().toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(
        ProcessBuilder.Redirect.appendTo(new File("target/" + logName + ".log")));
    return builder.start();
  }

  static void awaitHealthy(int port) {
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
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

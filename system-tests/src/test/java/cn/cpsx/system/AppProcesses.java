package cn.cpsx.system;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the packaged apps as processes, the way they are deployed, on test ports and against the
 * test database and index ({@link TestStack}): the one way every system test starts an app. The
 * jars come from Maven (failsafe sets {@code cpsx.app.<module>} to the jar this build packaged).
 */
final class AppProcesses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The three apps, each with the variable its port is set by. */
  enum App {
    INGESTION("ingestion", "CPSX_INGESTION_PORT"),
    BATCH_JOBS("batch-jobs", "CPSX_BATCH_PORT"),
    PORTAL("supervision-portal", "CPSX_PORTAL_PORT");

    final String module;
    final String portVariable;

    App(String module, String portVariable) {
      this.module = module;
      this.portVariable = portVariable;
    }

    Path jar() {
      String jar = System.getProperty("cpsx.app." + module);
      if (jar == null || !Files.isRegularFile(Path.of(jar))) {
        throw new IllegalStateException(
            "no packaged "
                + module
                + " jar ("
                + jar
                + "): run the system tests through Maven, "
                + "./mvnw -pl system-tests -am verify");
      }
      return Path.of(jar);
    }
  }

  /** Where the apps' logs go: {@code target/<logName>.log}. */
  static final Path LOGS = Path.of("target");

  private AppProcesses() {}

  /**
   * Starts {@code app} on {@code port}; {@code args} are added to the command line (Spring
   * properties as {@code --name=value}). Its output is appended to {@code target/<logName>.log}.
   */
  static Process start(App app, int port, String logName, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(app == App.BATCH_JOBS ? "-Xmx512m" : "-Xmx384m");
    command.add("-jar");
    command.add(app.jar().toString());
    command.add("--spring.datasource.url=" + TestStack.DATASOURCE_URL);
    command.add("--cpsx.search.case-alias=" + TestStack.CASE_ALIAS);
    // the tests' index holds fixtures written straight to it: no rebuild from PostgreSQL behind
    // them
    command.add("--cpsx.search.reindex-on-masker-upgrade=false");
    // whichever app a test starts first migrates the test database (batch-jobs alone does it in a
    // deployment; the others would wait for it, and IngestionCrashIT starts no batch-jobs)
    command.add("--cpsx.schema.migrate=true");
    if (app == App.BATCH_JOBS) {
      // the demo institutions the tests file for (F003 otherwise)
      command.add("--cpsx.registry.import-location=classpath:registry/demo-institutions.csv");
    }
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put(app.portVariable, String.valueOf(port));
    builder.environment().put("CPSX_SFTP_PORT", "18023"); // not the demo's 2222
    builder
        .environment()
        .put("CPSX_DATA", Path.of("target", "system-data").toAbsolutePath().toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(
        ProcessBuilder.Redirect.appendTo(new File(LOGS.toFile(), logName + ".log")));
    return builder.start();
  }

  /**
   * Stops the apps gracefully and waits until they are gone (30 s each at most, then kills them),
   * so the next test finds their ports free and nothing of theirs claims its filings.
   */
  static void stop(List<Process> apps) throws InterruptedException {
    apps.forEach(Process::destroy);
    for (Process app : apps) {
      if (!app.waitFor(30, TimeUnit.SECONDS)) {
        app.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * Waits until the app on {@code port} reports itself UP: five minutes at most, since on the
   * shared 2-core machine under a load of 20 and more an app has been seen to need over two.
   */
  /**
   * Waits until the app's own status is UP: the top-level status of the health answer. Not any "UP"
   * in the body: while Camel starts, ingestion answers DOWN with components already UP.
   */
  static void awaitHealthy(int port) {
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofMinutes(5))
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
                    .transform(body -> JSON.readTree(body).path("status").asString())
                    .equals("UP"));
  }
}

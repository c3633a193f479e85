package cn.cpsx.generator.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The suite's own servers and apps, driven the way an operator drives them: {@code scripts/cpsx
 * start <app>} and {@code scripts/stack start} (both wait for real health), {@code kill -9} of an
 * app's process, a stop of Elasticsearch and a fast shutdown of PostgreSQL by their PIDs. Only the
 * processes whose PID files lie under the suite's own data folder are ever signalled.
 */
final class Servers {

  private final Path repo;
  private final Endpoints endpoints;
  private final Path log;

  Servers(Path repo, Endpoints endpoints, Path log) {
    this.repo = repo;
    this.endpoints = endpoints;
    this.log = log;
  }

  /** {@code kill -9} of the app; its PID. */
  long kill(String module) throws IOException, InterruptedException {
    long pid = pidOf(endpoints.data().resolve("run").resolve(module + ".pid"));
    ProcessHandle process =
        ProcessHandle.of(pid)
            .filter(p -> p.info().command().orElse("").endsWith("java"))
            .orElseThrow(() -> new IllegalStateException(module + " (pid " + pid + ") is not up"));
    process.destroyForcibly();
    awaitGone(process, Duration.ofSeconds(30));
    return pid;
  }

  void start(String module) throws IOException, InterruptedException {
    run(List.of("scripts/cpsx", "start", module), Duration.ofMinutes(6));
  }

  void stop(String module) throws IOException, InterruptedException {
    run(List.of("scripts/cpsx", "stop", module), Duration.ofMinutes(2));
  }

  /** Elasticsearch stopped (SIGTERM, as {@code scripts/stack stop} does). */
  void stopElasticsearch() throws IOException, InterruptedException {
    long pid = pidOf(endpoints.data().resolve("run").resolve("elasticsearch.pid"));
    ProcessHandle process =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("Elasticsearch is not up"));
    process.destroy();
    awaitGone(process, Duration.ofSeconds(90));
  }

  /** PostgreSQL's fast shutdown (SIGINT to the postmaster): every session is cut. */
  void stopPostgres() throws IOException, InterruptedException {
    long pid =
        pidOf(endpoints.data().resolve("postgres").resolve("data").resolve("postmaster.pid"));
    ProcessHandle process =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL is not up"));
    run(List.of("kill", "-INT", Long.toString(pid)), Duration.ofSeconds(10));
    awaitGone(process, Duration.ofSeconds(90));
  }

  /** Starts whichever server is down (PostgreSQL, Elasticsearch) and waits for their health. */
  void startStack() throws IOException, InterruptedException {
    run(List.of("scripts/stack", "start"), Duration.ofMinutes(5));
  }

  /** The PID of a server or app from its PID file (first line), or -1. */
  long pidOrNone(String module) {
    try {
      Path file =
          switch (module) {
            case "postgres" ->
                endpoints.data().resolve("postgres").resolve("data").resolve("postmaster.pid");
            default -> endpoints.data().resolve("run").resolve(module + ".pid");
          };
      return pidOf(file);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long pidOf(Path file) throws IOException {
    return Long.parseLong(Files.readAllLines(file).getFirst().strip());
  }

  private static void awaitGone(ProcessHandle process, Duration within)
      throws InterruptedException {
    long until = System.nanoTime() + within.toNanos();
    while (process.isAlive()) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("pid " + process.pid() + " still alive after " + within);
      }
      Thread.sleep(100);
    }
  }

  private void run(List<String> command, Duration within) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!p.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " took longer than " + within);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (exit " + p.exitValue() + "); see " + log);
    }
  }
}

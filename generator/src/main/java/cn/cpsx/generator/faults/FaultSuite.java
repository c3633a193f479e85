package cn.cpsx.generator.faults;

import cn.cpsx.generator.channel.KeycloakTokens;
import cn.cpsx.generator.world.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite ({@code scripts/faults suite}): a stream of filings over REST, SOAP and SFTP and
 * rating and report job requests, while at seeded random moments ingestion and batch-jobs are
 * killed with {@code kill -9} and restarted, Elasticsearch is stopped and started, PostgreSQL is
 * restarted and the SFTP consumer is down while files arrive. After every fault the intake is
 * quieted, batch-jobs given time to catch up, and {@link Checker} run; at the end the checker is
 * shown a planted fault (a deleted document, then a stale one) and must catch each.
 */
public final class FaultSuite {

  enum Fault {
    /**
     * kill -9 of ingestion and of batch-jobs, each at its own random moment; both started again
     * and, at a random moment of that start-up, both killed again (twice); then both started: three
     * kills of each.
     */
    KILL_APPS,
    ELASTICSEARCH_OUTAGE,
    POSTGRES_RESTART,
    /** ingestion (whose route takes the gateway's files) stopped while SFTP files arrive. */
    SFTP_CONSUMER_DOWN
  }

  /**
   * How many of each fault, and the seed of their order and moments.
   *
   * @param kills {@code kill -9}s of each app (three per {@link Fault#KILL_APPS} round)
   */
  public record Plan(long seed, int kills, int elasticsearch, int postgres, int sftp) {

    List<Fault> schedule() {
      List<Fault> faults = new ArrayList<>();
      for (int i = 0; i < (kills + KILLS_PER_ROUND - 1) / KILLS_PER_ROUND; i++) {
        faults.add(Fault.KILL_APPS);
      }
      for (int i = 0; i < elasticsearch; i++) {
        faults.add(Fault.ELASTICSEARCH_OUTAGE);
      }
      for (int i = 0; i < postgres; i++) {
        faults.add(Fault.POSTGRES_RESTART);
      }
      for (int i = 0; i < sftp; i++) {
        faults.add(Fault.SFTP_CONSUMER_DOWN);
      }
      Collections.shuffle(faults, new Random(plan()));
      return faults;
    }

    private long plan() {
      return seed ^ 0x5DEECE66DL;
    }
  }

  private record Row(
      int n, String fault, String detail, long atSeconds, int newReceipts, Checker.Check check) {}

  private final World world;
  private final Plan plan;
  private final Endpoints endpoints;
  private final Servers servers;
  private final Checker checker;
  private final Path out;
  private final String jobPeriod;
  private final Duration jobEvery;
  private final Random random;
  private final Instant begun = Instant.now();

  /** kill -9s of each app in a {@link Fault#KILL_APPS} round: one running, the rest starting. */
  static final int KILLS_PER_ROUND = 3;

  private final List<Row> rows = new ArrayList<>();
  private int kills;
  private final java.util.Map<String, Integer> killsOf = new java.util.TreeMap<>();
  private int givenUpReported;
  private java.util.Map<String, Integer> lastAnswers = java.util.Map.of();

  /**
   * @param jobEvery the pause between two operator job requests; zero sends none (the filing
   *     pipeline alone under the faults)
   */
  public FaultSuite(
      World world, Plan plan, Path repo, Path out, String jobPeriod, Duration jobEvery)
      throws IOException {
    this.world = world;
    this.plan = plan;
    this.endpoints = Endpoints.fromEnvironment(System.getenv());
    endpoints.requireOwnStack();
    Files.createDirectories(out);
    this.out = out;
    this.servers = new Servers(repo, endpoints, out.resolve("servers.log"));
    this.checker = new Checker(endpoints);
    this.jobPeriod = jobPeriod;
    this.jobEvery = jobEvery;
    this.random = new Random(plan.seed());
  }

  /** Runs the plan; true when every check passed and the planted faults were caught. */
  public boolean run() throws Exception {
    Ledger ledger = new Ledger();
    Latencies latencies = new Latencies();
    List<Fault> schedule = plan.schedule();
    say(
        "%d faults in seeded order (seed %d): %s",
        schedule.size(), plan.seed(), schedule.stream().map(Enum::name).toList());
    var pace =
        new FilingStream.Pace(
            Duration.ofMillis(1500), Duration.ofMillis(3000), Duration.ofMillis(5000));
    boolean allPassed = true;
    List<String> lateRefused = List.of();
    try (FilingStream stream =
            new FilingStream(
                new CaseFilings(world, 100),
                ledger,
                latencies,
                endpoints,
                plan.seed(),
                pace,
                Duration.ofMinutes(10));
        JobRequests jobs =
            new JobRequests(
                endpoints.batchJobs(),
                jobPeriod,
                jobEvery,
                latencies,
                new KeycloakTokens(endpoints.keycloak())::operations)) {
      stream.start();
      if (jobEvery.isPositive()) {
        jobs.start();
      } else {
        say("no job requests (--job-every 0): the filing pipeline alone");
      }
      int receiptsBefore = 0;
      int refusedReported = 0;
      for (int n = 1; n <= schedule.size(); n++) {
        Fault fault = schedule.get(n - 1);
        Thread.sleep(seconds(3, 12));
        long at = elapsed();
        String detail = inflict(fault, stream);
        Thread.sleep(seconds(3, 8));
        stream.pause();
        jobs.pause();
        long caughtUp = checker.awaitCatchUp(Duration.ofMinutes(10));
        List<String> givenUp = ledger.givenUp();
        Checker.Check check =
            checker.check(
                fault.name(), ledger, caughtUp, givenUp.subList(givenUpReported, givenUp.size()));
        givenUpReported = givenUp.size();
        check = withRefusedJobs(check, jobs.refusedSince(refusedReported));
        refusedReported = jobs.refusedCount();
        rows.add(new Row(n, fault.name(), detail, at, check.receipts() - receiptsBefore, check));
        receiptsBefore = check.receipts();
        report(rows.getLast());
        lastAnswers = ledger.answers();
        allPassed &= check.passed();
        writeResults(latencies, null);
        stream.resume();
        jobs.resume();
      }
      Thread.sleep(seconds(5, 10));
      jobs.close();
      lateRefused = jobs.refusedSince(refusedReported);
      stream.close();
    }
    long caughtUp = checker.awaitCatchUp(Duration.ofMinutes(10));
    Checker.Check last = withRefusedJobs(checker.check("end", ledger, caughtUp), lateRefused);
    rows.add(new Row(rows.size() + 1, "end", "stream stopped", elapsed(), last.receipts(), last));
    report(rows.getLast());
    allPassed &= last.passed();
    lastAnswers = ledger.answers();
    List<String> planted = plantedFaults(ledger);
    writeResults(latencies, planted);
    boolean caught = planted.stream().allMatch(line -> line.startsWith("caught"));
    say(
        "%s; planted faults %s; results in %s",
        allPassed ? "every check passed" : "CHECKS FAILED", caught ? "caught" : "NOT CAUGHT", out);
    return allPassed && caught;
  }

  /** Job requests refused outright fail the round: the jobs' invariants were not exercised. */
  private static Checker.Check withRefusedJobs(Checker.Check c, List<String> refused) {
    if (refused.isEmpty()) {
      return c;
    }
    List<String> problems = new ArrayList<>(c.problems());
    problems.add(
        refused.size()
            + " job requests refused (the jobs were not exercised): "
            + refused.stream().limit(3).toList());
    return new Checker.Check(
        c.label(),
        c.receipts(),
        c.stored(),
        c.validated(),
        c.rejected(),
        c.catchUpMillis(),
        c.cases(),
        c.documents(),
        c.stuckJobs(),
        c.ratingRuns(),
        c.reportVersions(),
        c.failedReports(),
        List.copyOf(problems));
  }

  private String inflict(Fault fault, FilingStream stream) throws Exception {
    return switch (fault) {
      case KILL_APPS -> {
        StringBuilder what = new StringBuilder();
        long t0 = System.nanoTime();
        killBoth(what, "");
        // started again and killed again at a random moment of the start-up, twice
        for (int k = 1; k < KILLS_PER_ROUND; k++) {
          Thread ingestion = startInBackground("ingestion");
          Thread batchJobs = startInBackground("batch-jobs");
          long into = seconds(10, 60);
          Thread.sleep(into);
          what.append("; restarted, ").append(into / 1000).append(" s into the start-up ");
          killBoth(what, "again ");
          ingestion.join();
          batchJobs.join();
        }
        Thread restart = Thread.ofPlatform().start(() -> startQuietly("ingestion"));
        startQuietly("batch-jobs");
        restart.join();
        yield what.append(
                "; both up again, %d s after the first kill"
                    .formatted((System.nanoTime() - t0) / 1_000_000_000L))
            .toString();
      }
      case ELASTICSEARCH_OUTAGE -> {
        long down = seconds(15, 40);
        servers.stopElasticsearch();
        Thread.sleep(down);
        long t0 = System.nanoTime();
        servers.startStack();
        yield "Elasticsearch stopped for %d s, healthy %d s after start"
            .formatted(down / 1000, (System.nanoTime() - t0) / 1_000_000_000L);
      }
      case POSTGRES_RESTART -> {
        long down = seconds(3, 15);
        servers.stopPostgres();
        Thread.sleep(down);
        servers.startStack();
        yield "PostgreSQL fast shutdown, down %d s, started again".formatted(down / 1000);
      }
      case SFTP_CONSUMER_DOWN -> {
        long down = seconds(15, 35);
        servers.stop("ingestion");
        stream.dropStraightIntoInbox(true);
        Thread.sleep(down);
        long t0 = System.nanoTime();
        servers.start("ingestion");
        stream.dropStraightIntoInbox(false);
        yield "ingestion stopped (SFTP consumer down) %d s while files arrived in inbox/; up again in %d s"
            .formatted(down / 1000, (System.nanoTime() - t0) / 1_000_000_000L);
      }
    };
  }

  /** kill -9 of both apps, each at its own moment within 12 s, in a seeded order. */
  private void killBoth(StringBuilder what, String again) throws Exception {
    long first = seconds(0, 12);
    long second = seconds(0, 12);
    boolean ingestionFirst = random.nextBoolean();
    String a = ingestionFirst ? "ingestion" : "batch-jobs";
    String b = ingestionFirst ? "batch-jobs" : "ingestion";
    long gap = Math.abs(second - first);
    Thread.sleep(Math.min(first, second));
    String pidA = killIfUp(a);
    Thread.sleep(gap);
    String pidB = killIfUp(b);
    what.append(
        "kill -9 %s%s (%s), %.1f s later %s (%s)".formatted(again, a, pidA, gap / 1000.0, b, pidB));
    kills += 2;
  }

  private String killIfUp(String module) throws Exception {
    try {
      boolean up = healthy(module);
      long pid = servers.kill(module);
      killsOf.merge(module, 1, Integer::sum);
      return "pid " + pid + (up ? "" : ", not yet healthy");
    } catch (IllegalStateException e) {
      return "was down: " + e.getMessage();
    }
  }

  private boolean healthy(String module) {
    String url = module.equals("ingestion") ? endpoints.ingestion() : endpoints.batchJobs();
    try {
      return checker
          .send("GET", url + "/actuator/health", null)
          .path("status")
          .asString("")
          .equals("UP");
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A start that a kill may cut short (then it fails, as expected). */
  private Thread startInBackground(String module) {
    return Thread.ofPlatform()
        .start(
            () -> {
              try {
                servers.start(module);
              } catch (Exception e) {
                // killed during its start-up: scripts/cpsx says the app died, and it is started
                // again
              }
            });
  }

  private void startQuietly(String module) {
    try {
      servers.start(module);
    } catch (Exception e) {
      throw new IllegalStateException("could not start " + module + ": " + e.getMessage(), e);
    }
  }

  /**
   * The checker must be able to fail: one accepted case's document deleted, then set to an older
   * version; each must be caught by name, and the restored index pass again.
   */
  private List<String> plantedFaults(Ledger ledger) {
    List<String> lines = new ArrayList<>();
    try {
      List<String> ids = new ArrayList<>(checker.indexed().keySet());
      Collections.sort(ids);
      String id = ids.get(random.nextInt(ids.size()));
      JsonNode hit = checker.document(id);
      String index = hit.get("_index").asString();
      String source = hit.get("_source").toString();
      long seq = hit.get("_source").get("filingSeq").asLong();
      String es = endpoints.elasticsearch() + "/" + index;

      checker.send("DELETE", es + "/_doc/" + id + "?refresh=true", null);
      Checker.Check deleted = checker.check("planted: document deleted", ledger, 0);
      lines.add(verdict("document of " + id + " deleted", deleted, "missing from the index", id));
      checker.send("PUT", es + "/_doc/" + id + "?refresh=true", source);

      checker.send(
          "POST",
          es + "/_update/" + id + "?refresh=true",
          "{\"doc\":{\"filingSeq\":" + (seq - 1) + "}}");
      Checker.Check stale = checker.check("planted: stale version", ledger, 0);
      lines.add(
          verdict("document of " + id + " set back to version " + (seq - 1), stale, "stale", id));
      checker.send(
          "POST", es + "/_update/" + id + "?refresh=true", "{\"doc\":{\"filingSeq\":" + seq + "}}");

      Checker.Check restored = checker.check("planted: restored", ledger, 0);
      lines.add(
          (restored.passed() ? "caught: " : "NOT RESTORED: ")
              + "after putting the document back the check passes again"
              + (restored.passed() ? "" : " " + restored.problems()));
    } catch (RuntimeException e) {
      lines.add("NOT CAUGHT: the planted faults could not be run: " + e);
    }
    lines.forEach(line -> say("planted fault — %s", line));
    return lines;
  }

  private static String verdict(String planted, Checker.Check check, String kind, String id) {
    boolean caught = check.problems().stream().anyMatch(p -> p.contains(kind) && p.contains(id));
    return (caught ? "caught: " : "NOT CAUGHT: ") + planted + " → " + check.problems();
  }

  private void report(Row row) {
    Checker.Check c = row.check();
    say(
        "#%d %s at +%d s: %s | receipts %d (+%d) stored %d validated %d | cases %d documents %d |"
            + " caught up in %.1f s | stuck jobs %d | rating runs %d report versions %d (failed %d) | %s",
        row.n(),
        row.fault(),
        row.atSeconds(),
        row.detail(),
        c.receipts(),
        row.newReceipts(),
        c.stored(),
        c.validated(),
        c.cases(),
        c.documents(),
        c.catchUpMillis() / 1000.0,
        c.stuckJobs(),
        c.ratingRuns(),
        c.reportVersions(),
        c.failedReports(),
        c.passed() ? "PASS" : "FAIL " + c.problems());
  }

  private void writeResults(Latencies latencies, List<String> planted) throws IOException {
    StringBuilder csv =
        new StringBuilder(
            "n,fault,at_s,new_receipts,receipts,stored,validated,rejected,cases,documents,catch_up_s,stuck_jobs,rating_runs,report_versions,failed_reports,result,detail\n");
    StringBuilder md = new StringBuilder();
    md.append("# Fault suite, ").append(begun).append("\n\n");
    md.append(
        "| # | fault | at | what | receipts (new) | stored | validated | cases | documents | caught up | stuck jobs | result |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      Checker.Check c = row.check();
      csv.append(
          "%d,%s,%d,%d,%d,%d,%d,%d,%d,%d,%.1f,%d,%d,%d,%d,%s,\"%s\"\n"
              .formatted(
                  row.n(),
                  row.fault(),
                  row.atSeconds(),
                  row.newReceipts(),
                  c.receipts(),
                  c.stored(),
                  c.validated(),
                  c.rejected(),
                  c.cases(),
                  c.documents(),
                  c.catchUpMillis() / 1000.0,
                  c.stuckJobs(),
                  c.ratingRuns(),
                  c.reportVersions(),
                  c.failedReports(),
                  c.passed() ? "PASS" : "FAIL",
                  row.detail().replace("\"", "'")));
      md.append(
          "| %d | %s | +%d s | %s | %d (+%d) | %d | %d | %d | %d | %.0f s | %d | %s |\n"
              .formatted(
                  row.n(),
                  row.fault(),
                  row.atSeconds(),
                  row.detail(),
                  c.receipts(),
                  row.newReceipts(),
                  c.stored(),
                  c.validated(),
                  c.cases(),
                  c.documents(),
                  c.catchUpMillis() / 1000.0,
                  c.stuckJobs(),
                  c.passed() ? "pass" : "**FAIL** " + String.join("; ", c.problems())));
    }
    md.append("\nAttempts while the faults happened (failed attempts are retried):\n\n");
    md.append("| operation | attempts | failed | p50 ms | p99 ms |\n|---|---|---|---|---|\n");
    latencies
        .since(0)
        .values()
        .forEach(
            f ->
                md.append(
                    "| %s | %d | %d | %d | %d |\n"
                        .formatted(f.operation(), f.attempts(), f.errors(), f.p50Ms(), f.p99Ms())));
    md.append("\n")
        .append(kills)
        .append(
            " kill -9 attempted in all (all but the first of each round during a start-up); processes killed: ")
        .append(killsOf)
        .append(". Answers other than a receipt (each retried): ")
        .append(lastAnswers)
        .append("\n");
    if (planted != null) {
      md.append("\nThe checker against planted faults:\n\n");
      planted.forEach(line -> md.append("- ").append(line).append('\n'));
    }
    Files.writeString(out.resolve("faults.csv"), csv);
    Files.writeString(out.resolve("faults.md"), md);
  }

  private long seconds(int from, int to) {
    return from * 1000L + random.nextLong((to - from) * 1000L + 1);
  }

  private long elapsed() {
    return Duration.between(begun, Instant.now()).toSeconds();
  }

  private static void say(String format, Object... args) {
    System.out.printf("[faults] " + format + "%n", args);
  }
}

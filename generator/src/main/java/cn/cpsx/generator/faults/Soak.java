package cn.cpsx.generator.faults;

import cn.cpsx.generator.channel.KeycloakTokens;
import cn.cpsx.generator.world.World;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The soak ({@code scripts/faults soak}): intake at half the measured capacity over REST, SOAP and
 * SFTP for a long stretch, with case searches and open-data reads at the same time; every minute
 * the resident memory of every process, the backlog of batch-jobs, the error rate and the p99 of
 * each operation over that minute. Capacity is measured first (a flat-out burst on all channels):
 * the rate at which filings are validated and indexed end to end, or receipts given if lower.
 */
public final class Soak {

  private static final List<String> SEARCHES =
      List.of("信用卡年费", "催收", "理赔", "转账限额", "保险", "贷款", "退款", "利息");
  private static final List<String> OPEN_DATA =
      List.of(
          "/api/open/v1/ratings",
          "/api/open/v1/statistics?period=2025",
          "/api/open/v1/enforcement",
          "/api/open/v1/reports");
  private static final List<String> PROCESSES =
      List.of("ingestion", "batch-jobs", "supervision-portal", "elasticsearch", "postgres");

  private final World world;
  private final Endpoints endpoints;
  private final Servers servers;
  private final Checker checker;
  private final Path out;
  private final Duration length;
  private final Duration probe;
  private final long seed;
  private double rate;
  private final Latencies latencies = new Latencies();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile boolean reading = true;

  public Soak(
      World world, Path repo, Path out, Duration length, double rate, Duration probe, long seed)
      throws IOException {
    this.world = world;
    this.endpoints = Endpoints.fromEnvironment(System.getenv());
    endpoints.requireOwnStack();
    Files.createDirectories(out);
    this.servers = new Servers(repo, endpoints, out.resolve("servers.log"));
    this.checker = new Checker(endpoints);
    this.out = out;
    this.length = length;
    this.rate = rate;
    this.probe = probe;
    this.seed = seed;
  }

  public boolean run() throws Exception {
    Ledger ledger = new Ledger();
    checker.baselineNow();
    CaseFilings filings = new CaseFilings(world, 5000);
    String capacityNote = "given (--rate)";
    if (rate <= 0) {
      var flatOut = new FilingStream.Pace(Duration.ZERO, Duration.ZERO, Duration.ofMillis(100));
      try (FilingStream stream =
          new FilingStream(
              filings, ledger, new Latencies(), endpoints, seed, flatOut, Duration.ofMinutes(5))) {
        say("measuring capacity: %d s flat out on all three channels", probe.toSeconds());
        long validatedBefore = validated();
        long t0 = System.nanoTime();
        stream.start();
        Thread.sleep(probe.toMillis());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double receiptsPerSecond = ledger.size() / seconds;
        double validatedPerSecond = (validated() - validatedBefore) / seconds;
        stream.pause();
        long caughtUp = checker.awaitCatchUp(Duration.ofMinutes(10));
        double total = (System.nanoTime() - t0) / 1e9;
        double endToEnd = (validated() - validatedBefore) / total;
        double capacity = Math.min(receiptsPerSecond, Math.max(validatedPerSecond, endToEnd));
        rate = capacity / 2;
        capacityNote =
            ("measured: %.2f receipts/s, %.2f filings/s validated during the %d s burst, %.2f/s"
                    + " end to end including %.0f s to catch up; capacity %.2f filings/s")
                .formatted(
                    receiptsPerSecond,
                    validatedPerSecond,
                    probe.toSeconds(),
                    endToEnd,
                    caughtUp / 1000.0,
                    capacity);
        say("%s; soaking at %.2f filings/s", capacityNote, rate);
      }
    }
    // a fresh stream with the soak's own figures (the burst's are not counted)
    Ledger soakLedger = ledger; // the burst's receipts stay in the final check
    List<String[]> minutes = new ArrayList<>();
    Instant start = Instant.now();
    long startMs = System.currentTimeMillis();
    int receiptsAtStart = soakLedger.size();
    try (FilingStream stream =
        new FilingStream(
            filings,
            soakLedger,
            latencies,
            endpoints,
            seed + 1,
            paceFor(rate),
            Duration.ofMinutes(5))) {
      KeycloakTokens tokens = new KeycloakTokens(endpoints.keycloak());
      Thread searches = Thread.ofPlatform().daemon().start(() -> searches(tokens));
      Thread openData = Thread.ofPlatform().daemon().start(this::openData);
      stream.start();
      say(
          "soak: %.2f filings/s for %d min, searches every second, open data every 2 s",
          rate, length.toMinutes());
      long minuteStart = System.currentTimeMillis();
      for (int minute = 1; minute <= length.toMinutes(); minute++) {
        Thread.sleep(Math.max(0, minuteStart + 60_000 - System.currentTimeMillis()));
        long now = System.currentTimeMillis();
        String[] row = sample(minute, minuteStart, soakLedger.size() - receiptsAtStart);
        minutes.add(row);
        receiptsAtStart = soakLedger.size();
        minuteStart = now;
        say("minute %d: %s", minute, String.join(" ", row));
        writeResults(minutes, start, capacityNote, startMs, null);
      }
      reading = false;
      searches.join(10_000);
      openData.join(10_000);
    }
    long caughtUp = checker.awaitCatchUp(Duration.ofMinutes(10));
    Checker.Check check = checker.check("after the soak", soakLedger, caughtUp);
    say(
        "after the soak: %s",
        check.passed() ? "every receipt stored and validated" : check.problems());
    writeResults(minutes, start, capacityNote, startMs, check);
    return true;
  }

  /** Half of the load on REST, 30 % on SOAP, 20 % on SFTP. */
  private static FilingStream.Pace paceFor(double rate) {
    return new FilingStream.Pace(
        Duration.ofMillis((long) (1000 / (rate * 0.5))),
        Duration.ofMillis((long) (1000 / (rate * 0.3))),
        Duration.ofMillis((long) (1000 / (rate * 0.2))));
  }

  private void searches(KeycloakTokens tokens) {
    int n = 0;
    while (reading) {
      String q = SEARCHES.get(n++ % SEARCHES.size());
      get(
          "case search",
          endpoints.portal()
              + "/regulator/api/cases?q="
              + URLEncoder.encode(q, StandardCharsets.UTF_8),
          () -> tokens.user("analyst", "analyst"));
      pause(1000);
    }
  }

  private void openData() {
    int n = 0;
    while (reading) {
      get("open data", endpoints.portal() + OPEN_DATA.get(n++ % OPEN_DATA.size()), () -> null);
      pause(2000);
    }
  }

  private void get(String operation, String url, java.util.function.Supplier<String> token) {
    long t0 = System.nanoTime();
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
      String bearer = token.get();
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      HttpResponse<byte[]> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      latencies.record(operation, FilingStream.millisSince(t0), answer.statusCode() == 200);
    } catch (Exception e) {
      latencies.record(operation, FilingStream.millisSince(t0), false);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One minute's row: memory, backlog, load, and each operation's figures over the minute. */
  private String[] sample(int minute, long minuteStart, int receipts) {
    List<String> row = new ArrayList<>();
    row.add(Integer.toString(minute));
    row.add(Instant.now().toString());
    row.add(Integer.toString(receipts));
    row.add(Long.toString(backlog()));
    row.add(loadAverage());
    for (String process : PROCESSES) {
      row.add(Long.toString(residentMb(process)));
    }
    row.add(Long.toString(kb(ProcessHandle.current().pid(), "Rss") / 1024));
    Map<String, Latencies.Figures> figures = latencies.since(minuteStart);
    for (String operation : operations()) {
      Latencies.Figures f = figures.get(operation);
      row.add(f == null ? "0" : Integer.toString(f.attempts()));
      row.add(f == null ? "0" : Integer.toString(f.errors()));
      row.add(f == null ? "0" : Long.toString(f.p99Ms()));
    }
    return row.toArray(String[]::new);
  }

  private static List<String> operations() {
    return List.of(
        "filing REST",
        "filing SOAP",
        "filing SFTP upload",
        "filing SFTP receipt",
        "case search",
        "open data");
  }

  /**
   * Resident memory in MB: a JVM's RSS; for PostgreSQL the proportional set size (PSS) summed over
   * the postmaster and every backend, so shared buffers are counted once.
   */
  private long residentMb(String process) {
    long pid = servers.pidOrNone(process);
    if (pid < 0) {
      return -1;
    }
    if (!process.equals("postgres")) {
      return kb(pid, "Rss") / 1024;
    }
    return Stream.concat(
                Stream.of(pid),
                ProcessHandle.of(pid).stream()
                    .flatMap(ProcessHandle::children)
                    .map(ProcessHandle::pid))
            .mapToLong(p -> kb(p, "Pss"))
            .sum()
        / 1024;
  }

  /** A field (kB) of {@code /proc/<pid>/smaps_rollup}; 0 when the process is gone. */
  private static long kb(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return 0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private long backlog() {
    try (Connection db = checker.connect()) {
      return single(db, "SELECT count(*) FROM filing WHERE validated_at IS NULL");
    } catch (SQLException e) {
      return -1;
    }
  }

  private long validated() throws SQLException {
    try (Connection db = checker.connect()) {
      return single(db, "SELECT count(*) FROM filing WHERE validated_at IS NOT NULL");
    }
  }

  private static long single(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** End-to-end time (receipt → validated) of the soak's filings: p50, p99, max in ms. */
  private Optional<long[]> validationLatency(long sinceMs) {
    try (Connection db = checker.connect();
        Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                """
                SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ms),
                       percentile_disc(0.99) WITHIN GROUP (ORDER BY ms), max(ms)
                  FROM (SELECT extract(epoch FROM validated_at - received_at) * 1000 AS ms
                          FROM filing WHERE received_at >= to_timestamp(%d / 1000.0)
                           AND validated_at IS NOT NULL) t
                """
                    .formatted(sinceMs))) {
      r.next();
      return Optional.of(new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  private void writeResults(
      List<String[]> minutes, Instant start, String capacityNote, long startMs, Checker.Check check)
      throws IOException {
    List<String> header = new ArrayList<>(List.of("minute", "at", "receipts", "backlog", "load1"));
    PROCESSES.forEach(p -> header.add(p + "_mb"));
    header.add("soak_driver_mb");
    for (String op : operations()) {
      String key = op.replace(' ', '_');
      header.add(key + "_n");
      header.add(key + "_errors");
      header.add(key + "_p99_ms");
    }
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    minutes.forEach(row -> csv.append(String.join(",", row)).append('\n'));
    Files.writeString(out.resolve("soak.csv"), csv);

    StringBuilder md = new StringBuilder("# Soak, ").append(start).append("\n\n");
    md.append(
        "Rate %.2f filings/s (%s), %d minutes so far.\n\n"
            .formatted(rate, capacityNote, minutes.size()));
    md.append("| operation | attempts | failed | error rate | p50 ms | p99 ms | max ms |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    latencies
        .since(startMs)
        .values()
        .forEach(
            f ->
                md.append(
                    "| %s | %d | %d | %.2f %% | %d | %d | %d |\n"
                        .formatted(
                            f.operation(),
                            f.attempts(),
                            f.errors(),
                            100 * f.errorRate(),
                            f.p50Ms(),
                            f.p99Ms(),
                            f.maxMs())));
    validationLatency(startMs)
        .ifPresent(
            v ->
                md.append(
                    "| receipt → validated (batch-jobs) | | | | %d | %d | %d |\n"
                        .formatted(v[0], v[1], v[2])));
    if (!minutes.isEmpty()) {
      md.append(
          "\nResident memory (MB; PostgreSQL: PSS of all its processes), first minute → last (max):\n\n");
      md.append("| process | first | last | max |\n|---|---|---|---|\n");
      List<String> memory = new ArrayList<>(PROCESSES);
      memory.add("soak driver");
      for (int i = 0; i < memory.size(); i++) {
        int column = 5 + i;
        long first = Long.parseLong(minutes.getFirst()[column]);
        long last = Long.parseLong(minutes.getLast()[column]);
        long max = minutes.stream().mapToLong(r -> Long.parseLong(r[column])).max().orElse(0);
        md.append("| %s | %d | %d | %d |\n".formatted(memory.get(i), first, last, max));
      }
      Map<String, Double> load = new LinkedHashMap<>();
      minutes.forEach(
          r -> {
            try {
              double l = Double.parseDouble(r[4]);
              load.merge("min", l, Math::min);
              load.merge("max", l, Math::max);
              load.merge("sum", l, Double::sum);
            } catch (NumberFormatException e) {
              // unknown
            }
          });
      md.append(
          "\nLoad average (1 min) over the soak: %.1f–%.1f, mean %.1f. Backlog (filings not yet validated) at the minutes: %s.\n"
              .formatted(
                  load.getOrDefault("min", 0.0),
                  load.getOrDefault("max", 0.0),
                  load.getOrDefault("sum", 0.0) / minutes.size(),
                  minutes.stream().map(r -> r[3]).toList()));
    }
    if (check != null) {
      md.append(
          "\nAfter the soak (batch-jobs caught up in %.0f s): receipts %d, stored %d, validated %d, cases %d, documents %d: %s\n"
              .formatted(
                  check.catchUpMillis() / 1000.0,
                  check.receipts(),
                  check.stored(),
                  check.validated(),
                  check.cases(),
                  check.documents(),
                  check.passed() ? "every invariant holds" : String.join("; ", check.problems())));
    }
    Files.writeString(out.resolve("soak.md"), md);
  }

  private static void say(String format, Object... args) {
    System.out.printf("[soak] " + format + "%n", args);
  }
}

package cn.cpsx.generator.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The invariants, checked against the system of record and the index once the intake is quiet:
 *
 * <ol>
 *   <li>the set of receipts the filers hold = the set of filings stored = the set of filings
 *       validated (after waiting for batch-jobs to catch up);
 *   <li>the index holds exactly the newest version of every accepted case ({@link
 *       IndexComparison}), and so does the current-case table;
 *   <li>no Spring Batch job execution is left {@code STARTED} (or STARTING, STOPPING);
 *   <li>every rating run requested was computed and every report version requested generated.
 * </ol>
 *
 * The newest version of a case is worked out from the filers' side (which receipt carried which
 * cases) and the receipt order of the stored filings, not read from the table under test.
 */
final class Checker {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> ACCEPTED =
      Set.of("ACCEPTED", "ACCEPTED_WITH_WARNINGS", "PARTIALLY_ACCEPTED");

  /** One check's counts and what it found wrong (nothing: passed). */
  record Check(
      String label,
      int receipts,
      int stored,
      int validated,
      int rejected,
      long catchUpMillis,
      int cases,
      int documents,
      int stuckJobs,
      int ratingRuns,
      int reportVersions,
      int failedReports,
      List<String> problems) {

    boolean passed() {
      return problems.isEmpty();
    }
  }

  private final Endpoints endpoints;
  private volatile long baseline;
  private volatile boolean catchUpTimedOut;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Checker(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  /**
   * Filings up to the current highest receipt sequence (e.g. a demo world filed before the soak)
   * are left out of every later check, and so are cases whose every version is that old.
   */
  void baselineNow() throws SQLException {
    try (Connection db = connect()) {
      baseline = count(db, "SELECT coalesce(max(seq), 0) FROM filing");
    }
  }

  /** Waits (up to {@code within}) for batch-jobs to have nothing left to do; the time it took. */
  long awaitCatchUp(Duration within) throws InterruptedException {
    long t0 = System.nanoTime();
    long until = t0 + within.toNanos();
    while (System.nanoTime() < until) {
      try (Connection db = connect()) {
        long left =
            count(
                db,
                """
                SELECT (SELECT count(*) FROM filing
                         WHERE validated_at IS NULL
                            OR (filing_type = 'CASES' AND mode = 'LIVE' AND accepted_count > 0
                                AND indexed_at IS NULL))
                     + (SELECT count(*) FROM batch_job_execution
                         WHERE status IN ('STARTING', 'STARTED', 'STOPPING'))
                     + (SELECT count(*) FROM rating_run WHERE computed_at IS NULL)
                     + (SELECT count(*) FROM report_version WHERE status IN ('REQUESTED'))
                """);
        if (left == 0) {
          catchUpTimedOut = false;
          return (System.nanoTime() - t0) / 1_000_000;
        }
      } catch (SQLException e) {
        // PostgreSQL still coming back: ask again
      }
      Thread.sleep(1000);
    }
    catchUpTimedOut = true;
    return (System.nanoTime() - t0) / 1_000_000;
  }

  Check check(String label, Ledger ledger, long catchUpMillis) {
    return check(label, ledger, catchUpMillis, ledger.givenUp());
  }

  /**
   * @param givenUp the filings the filers gave up on that this check reports (e.g. only the new
   *     ones since the last check)
   */
  Check check(String label, Ledger ledger, long catchUpMillis, List<String> givenUp) {
    List<String> problems = new ArrayList<>();
    Map<String, Ledger.Receipt> receipts = ledger.receipts();
    for (String gaveUp : givenUp) {
      problems.add("filer gave up: " + gaveUp);
    }
    Map<String, Long> seqOf = new HashMap<>();
    Set<String> validated = new HashSet<>();
    Set<String> accepted = new HashSet<>();
    int rejected = 0;
    Map<String, Long> currentInDatabase = new HashMap<>();
    int stuck = 0;
    int ratingRuns = 0;
    int reportVersions = 0;
    int failedReports = 0;
    try (Connection db = connect();
        Statement s = db.createStatement()) {
      try (ResultSet r =
          s.executeQuery(
              "SELECT filing_id, seq, status, validated_at IS NOT NULL, status_detail FROM filing"
                  + " WHERE seq > "
                  + baseline)) {
        while (r.next()) {
          String id = r.getString(1);
          seqOf.put(id, r.getLong(2));
          String status = r.getString(3);
          if (r.getBoolean(4)) {
            validated.add(id);
          }
          if (ACCEPTED.contains(status)) {
            accepted.add(id);
            if (status.equals("PARTIALLY_ACCEPTED")) {
              problems.add("a valid filing only partially accepted: " + id);
            }
          } else if (status.equals("REJECTED")) {
            rejected++;
            problems.add("a valid filing rejected: " + id + " " + r.getString(5));
          }
        }
      }
      try (ResultSet r =
          s.executeQuery(
              "SELECT institution_uscc, case_no, filing_seq FROM complaint_case WHERE filing_seq > "
                  + baseline)) {
        while (r.next()) {
          currentInDatabase.put(r.getString(1).strip() + ":" + r.getString(2), r.getLong(3));
        }
      }
      try (ResultSet r =
          s.executeQuery(
              """
              SELECT e.job_execution_id, i.job_name, e.status FROM batch_job_execution e
                JOIN batch_job_instance i USING (job_instance_id)
               WHERE e.status IN ('STARTING', 'STARTED', 'STOPPING') ORDER BY 1
              """)) {
        List<String> stuckJobs = new ArrayList<>();
        while (r.next()) {
          stuckJobs.add(r.getString(2) + " #" + r.getLong(1) + " " + r.getString(3));
        }
        stuck = stuckJobs.size();
        if (!stuckJobs.isEmpty()) {
          problems.add(stuck + " job executions left running: " + stuckJobs);
        }
      }
      ratingRuns = (int) count(db, "SELECT count(*) FROM rating_run");
      reportVersions = (int) count(db, "SELECT count(*) FROM report_version");
      long uncomputed = count(db, "SELECT count(*) FROM rating_run WHERE computed_at IS NULL");
      if (uncomputed > 0) {
        problems.add(uncomputed + " rating runs requested and never computed");
      }
      long ungenerated =
          count(db, "SELECT count(*) FROM report_version WHERE status = 'REQUESTED'");
      if (ungenerated > 0) {
        problems.add(ungenerated + " report versions requested and never generated");
      }
      // a FAILED version is an end state the portal shows with its cause and offers to retry
      // (batch-jobs does not retry it by itself): counted, not a broken invariant
      failedReports =
          (int) count(db, "SELECT count(*) FROM report_version WHERE status = 'FAILED'");
    } catch (SQLException e) {
      problems.add("PostgreSQL unreadable: " + e.getMessage());
    }

    if (catchUpTimedOut) {
      problems.add(
          "batch-jobs had not caught up when the wait ended (the index check below is early)");
    }
    Set<String> stored = seqOf.keySet();
    difference("receipts with no stored filing", receipts.keySet(), stored, problems);
    difference("stored filings with no receipt", stored, receipts.keySet(), problems);
    difference("stored filings not validated", stored, validated, problems);

    // the newest accepted version of each case, from what the filers sent and the receipt order
    Map<String, Long> expected = new HashMap<>();
    for (Ledger.Receipt receipt : receipts.values()) {
      Long seq = seqOf.get(receipt.filingId());
      if (seq == null || !accepted.contains(receipt.filingId())) {
        continue;
      }
      for (String caseNo : receipt.caseNos()) {
        expected.merge(receipt.uscc() + ":" + caseNo, seq, Math::max);
      }
    }
    IndexComparison inDatabase =
        IndexComparison.of(
            expected,
            currentInDatabase.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> List.of(e.getValue()))));
    inDatabase.problems().forEach(p -> problems.add("current-case table: " + p));
    int documents = -1;
    try {
      Map<String, List<Long>> indexed = indexed();
      documents = indexed.values().stream().mapToInt(List::size).sum();
      IndexComparison.of(expected, indexed).problems().forEach(p -> problems.add("index: " + p));
    } catch (RuntimeException e) {
      problems.add("index unreadable: " + e.getMessage());
    }
    return new Check(
        label,
        receipts.size(),
        stored.size(),
        validated.size(),
        rejected,
        catchUpMillis,
        expected.size(),
        documents,
        stuck,
        ratingRuns,
        reportVersions,
        failedReports,
        List.copyOf(problems));
  }

  /** Every document behind the case alias: id → the filing sequence of each copy found. */
  Map<String, List<Long>> indexed() {
    String es = endpoints.elasticsearch();
    send("POST", es + "/" + endpoints.caseAlias() + "/_refresh", null);
    Map<String, List<Long>> indexed = new HashMap<>();
    JsonNode page =
        send(
            "POST",
            es + "/" + endpoints.caseAlias() + "/_search?scroll=1m",
            "{\"size\":5000,\"_source\":[\"filingSeq\"],\"sort\":[\"_doc\"]}");
    String scrollId = null;
    try {
      while (true) {
        scrollId = page.path("_scroll_id").asString(null);
        JsonNode hits = page.path("hits").path("hits");
        if (hits.isEmpty()) {
          break;
        }
        for (JsonNode hit : hits) {
          if (hit.path("_source").path("filingSeq").asLong(-1) <= baseline && baseline > 0) {
            continue;
          }
          indexed
              .computeIfAbsent(hit.get("_id").asString(), k -> new ArrayList<>())
              .add(hit.path("_source").path("filingSeq").asLong(-1));
        }
        page =
            send(
                "POST",
                es + "/_search/scroll",
                "{\"scroll\":\"1m\",\"scroll_id\":\"" + scrollId + "\"}");
      }
    } finally {
      if (scrollId != null) {
        try {
          send("DELETE", es + "/_search/scroll", "{\"scroll_id\":\"" + scrollId + "\"}");
        } catch (RuntimeException e) {
          // expires by itself
        }
      }
    }
    return indexed;
  }

  /** One document's source, by case id. */
  JsonNode document(String id) {
    JsonNode hits =
        send(
                "POST",
                endpoints.elasticsearch() + "/" + endpoints.caseAlias() + "/_search",
                "{\"query\":{\"ids\":{\"values\":[\"" + id + "\"]}}}")
            .path("hits")
            .path("hits");
    return hits.get(0);
  }

  JsonNode send(String method, String url, String body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json");
      request.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            method + " " + url + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(method + " " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(endpoints.jdbcUrl(), "cpsx", "cpsx");
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void difference(String what, Set<String> a, Set<String> b, List<String> problems) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    if (!d.isEmpty()) {
      problems.add(d.size() + " " + what + ": " + d.stream().limit(5).toList());
    }
  }
}

package cn.cpsx.generator.demo;

import cn.cpsx.generator.channel.BatchJobs;
import cn.cpsx.generator.channel.Ingestion;
import cn.cpsx.generator.channel.KeycloakTokens;
import cn.cpsx.generator.channel.Portal;
import cn.cpsx.generator.channel.SftpGatewayClient;
import cn.cpsx.generator.enforcement.EnforcementAction;
import cn.cpsx.generator.filing.Channel;
import cn.cpsx.generator.filing.FilingPlan;
import cn.cpsx.generator.institution.Institution;
import cn.cpsx.generator.periodic.Submission;
import cn.cpsx.generator.world.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Files a world through the real channels and takes it through the regulator's workflow:
 *
 * <ol>
 *   <li>CASES over REST (JSON), SOAP (XML) and SFTP (CSV); wait until validated (indexing goes on
 *       meanwhile; the demo ends only once every accepted case is searchable);
 *   <li>STATS_Q and SELF_ASSESSMENT (after the cases, so S003 compares with them); a period that
 *       already has an accepted filing is skipped, so a rerun files nothing twice;
 *   <li>enforcement actions entered and published by the supervisor (known decision numbers
 *       skipped);
 *   <li>the last full year's ratings: run, every institution accepts its draft except one that
 *       objects, the supervisor publishes (skipped when the year already has published ratings);
 *   <li>the current year's provisional quarter requested and left in DRAFT.
 * </ol>
 */
public final class DemoRun {

  private static final Duration WAIT = Duration.ofMinutes(5);

  private final World world;
  private final DemoEndpoints endpoints;
  private final KeycloakTokens tokens;
  private final Ingestion ingestion;
  private final Portal portal;
  private final BatchJobs batchJobs;
  private final long started = System.nanoTime();
  private final Map<String, Set<String>> acceptedPeriods = new ConcurrentHashMap<>();

  public DemoRun(World world, DemoEndpoints endpoints) {
    this.world = world;
    this.endpoints = endpoints;
    this.tokens = new KeycloakTokens(endpoints.keycloakUrl());
    this.ingestion = new Ingestion(endpoints.ingestionUrl(), tokens);
    this.portal = new Portal(endpoints.portalUrl(), tokens, "supervisor", "supervisor");
    this.batchJobs = new BatchJobs(endpoints.batchJobsUrl(), tokens);
  }

  /** What was filed: whose, its filing id, over which channel. */
  private record Sent(String uscc, String filingId, Channel channel) {}

  public void run(String ratedYear, String provisionalQuarter) throws Exception {
    say(
        "world: %d institutions, %d cases (%s … %s), %d quarterly statistics, %d self-assessments, %d enforcement actions"
            .formatted(
                world.institutions().size(),
                world.caseCount(),
                world.spec().from(),
                world.spec().asOf(),
                world.statistics().size(),
                world.selfAssessments().size(),
                world.enforcementActions().size()));
    List<FilingPlan.Planned> casePlan = new ArrayList<>(FilingPlan.cases(world));
    casePlan.addAll(FilingPlan.instructive(world));
    List<Sent> cases = send(casePlan, false);
    // Validated is enough for S003 (the case rows are written with the status); indexing may go
    // on while the statistics are filed.
    say("cases: " + awaitProcessed(cases, false));
    List<Sent> periodic = send(FilingPlan.periodic(world), true);
    Map<String, Integer> periodicOutcomes = awaitProcessed(periodic, false);
    say("statistics and self-assessments: " + periodicOutcomes);
    awaitProcessed(cases, true);
    enforcement();
    hotSpots();
    rate(ratedYear);
    provisional(provisionalQuarter);
    report(ratedYear);
    report(provisionalQuarter);
    long active = world.institutions().stream().filter(Institution::active).count();
    say(
        "done in %d s: %d institutions (%d with a licence in force), %d cases, %d quarterly statistics and %d self-assessments filed (some left missing on purpose), %d enforcement actions"
            .formatted(
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                world.institutions().size(),
                active,
                world.caseCount(),
                world.statistics().stream()
                    .filter(s -> s.submission() != Submission.MISSING)
                    .count(),
                world.selfAssessments().stream()
                    .filter(a -> a.submission() != Submission.MISSING)
                    .count(),
                world.enforcementActions().size()));
    String portalUrl = endpoints.portalUrl();
    say("public ratings        " + portalUrl + "/ratings");
    say("rating review         " + portalUrl + "/regulator/ratings   (supervisor/supervisor)");
    say("enforcement register  " + portalUrl + "/regulator/enforcement");
    say("filings board         " + portalUrl + "/regulator/filings");
    say("hot spots             " + portalUrl + "/regulator/hotspots");
    say("integrity reports     " + portalUrl + "/reports");
  }

  // --- filings --------------------------------------------------------------------------------

  private List<Sent> send(List<FilingPlan.Planned> plan, boolean periodic) throws Exception {
    List<FilingPlan.Planned> overSftp =
        plan.stream().filter(p -> p.channel() == Channel.SFTP).toList();
    List<Optional<Sent>> results = new ArrayList<>();
    // Four institutions' software at a time over HTTP, and the SFTP uploaders beside them: intake
    // is what is being shown, not a load test.
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      Future<List<Optional<Sent>>> sftp = pool.submit(() -> sendOverSftp(overSftp, periodic));
      List<Future<Optional<Sent>>> futures = new ArrayList<>();
      for (FilingPlan.Planned p : plan) {
        if (p.channel() != Channel.SFTP) {
          futures.add(pool.submit(() -> sendOne(p, periodic)));
        }
      }
      for (Future<Optional<Sent>> f : futures) {
        results.add(f.get());
      }
      results.addAll(sftp.get());
    } finally {
      pool.shutdown();
    }
    Map<Channel, Integer> counts = new TreeMap<>();
    List<Sent> sent = new ArrayList<>();
    results.stream()
        .flatMap(Optional::stream)
        .forEach(
            s -> {
              sent.add(s);
              counts.merge(s.channel(), 1, Integer::sum);
            });
    long skipped = results.stream().filter(Optional::isEmpty).count();
    say(
        "%s filed: %s%s"
            .formatted(
                periodic ? "statistics and self-assessments" : "case filings",
                counts,
                skipped > 0 ? " (" + skipped + " periods already accepted, skipped)" : ""));
    return sent;
  }

  /** Uploads every file first, then collects the receipts from the outboxes. */
  private List<Optional<Sent>> sendOverSftp(List<FilingPlan.Planned> plan, boolean periodic)
      throws InterruptedException {
    List<Optional<Sent>> results = new ArrayList<>();
    if (plan.isEmpty()) {
      return results;
    }
    try (SftpGatewayClient sftp =
        new SftpGatewayClient(endpoints.sftpHost(), endpoints.sftpPort())) {
      List<FilingPlan.Planned> uploaded = new ArrayList<>();
      for (FilingPlan.Planned p : plan) {
        if (periodic && alreadyAccepted(p)) {
          results.add(Optional.empty());
          continue;
        }
        sftp.upload(p.filing());
        uploaded.add(p);
      }
      for (FilingPlan.Planned p : uploaded) {
        JsonNode receipt = awaitOutbox(sftp, p, ".receipt.json");
        results.add(
            Optional.of(
                new Sent(p.filing().uscc(), receipt.get("filingId").asString(), Channel.SFTP)));
      }
    }
    return results;
  }

  private Optional<Sent> sendOne(FilingPlan.Planned p, boolean periodic) {
    if (periodic && alreadyAccepted(p)) {
      return Optional.empty();
    }
    String id =
        switch (p.channel()) {
          case REST -> ingestion.postJson(p.filing());
          case SOAP -> ingestion.submitSoap(p.filing());
          case SFTP -> throw new IllegalArgumentException("SFTP goes through the gateway client");
        };
    if (!periodic) {
      say(
          "%-10s %-16s %s → %s"
              .formatted(p.channel(), p.institution().shortName(), p.filing().describe(), id));
    }
    return Optional.of(new Sent(p.filing().uscc(), id, p.channel()));
  }

  /** A rerun skips periods that already have an accepted filing (F009 would refuse another). */
  private boolean alreadyAccepted(FilingPlan.Planned p) {
    return acceptedPeriods
        .computeIfAbsent(p.filing().uscc(), ingestion::acceptedPeriods)
        .contains(p.filing().filingType() + " " + p.filing().period());
  }

  private JsonNode awaitOutbox(SftpGatewayClient sftp, FilingPlan.Planned p, String suffix)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<JsonNode> found = sftp.outbox(p.filing().uscc(), p.filing().fileName(), suffix);
      if (found.isPresent()) {
        say(
            "SFTP       %-16s inbox/%s → %s"
                .formatted(
                    p.institution().shortName(),
                    p.filing().fileName(),
                    found.get().path("filingId").asString("?")));
        return found.get();
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(
        "no outbox/" + p.filing().fileName() + suffix + " within " + WAIT);
  }

  /** Waits until every filing is validated (and, for accepted live cases, searchable). */
  private Map<String, Integer> awaitProcessed(List<Sent> sent, boolean indexed)
      throws InterruptedException {
    Map<String, String> outcome = new LinkedHashMap<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (outcome.size() < sent.size() && System.nanoTime() < deadline) {
      if (indexed) {
        for (Sent s : sent) {
          if (outcome.containsKey(s.filingId())) {
            continue;
          }
          JsonNode report = ingestion.status(s.uscc(), s.filingId());
          String status = report.path("status").asString("RECEIVED");
          boolean searchable =
              report.hasNonNull("indexedAt")
                  || status.equals("REJECTED")
                  || "TEST".equals(report.path("mode").asString());
          if (!status.equals("RECEIVED") && searchable) {
            outcome.put(s.filingId(), status);
          }
        }
      } else {
        // One list per institution instead of one request per filing.
        Map<String, Map<String, String>> byInstitution = new HashMap<>();
        for (Sent s : sent) {
          if (!outcome.containsKey(s.filingId())) {
            String status =
                byInstitution
                    .computeIfAbsent(s.uscc(), ingestion::statuses)
                    .getOrDefault(s.filingId(), "RECEIVED");
            if (!status.equals("RECEIVED")) {
              outcome.put(s.filingId(), status);
            }
          }
        }
      }
      say(
          "validated%s %d/%d filings"
              .formatted(indexed ? " and indexed" : "", outcome.size(), sent.size()));
      if (outcome.size() < sent.size()) {
        Thread.sleep(2000);
      }
    }
    if (outcome.size() < sent.size()) {
      throw new IllegalStateException(
          "not every filing was processed within "
              + WAIT
              + "; see the batch-jobs log and GET /api/v1/filings/{id}");
    }
    Map<String, Integer> counts = new TreeMap<>();
    outcome.values().forEach(s -> counts.merge(s, 1, Integer::sum));
    return counts;
  }

  // --- enforcement ----------------------------------------------------------------------------

  private void enforcement() {
    Set<String> known = new HashSet<>();
    for (JsonNode a : portal.enforcementActions()) {
      known.add(a.get("decisionNo").asString());
    }
    int entered = 0;
    for (EnforcementAction action : world.enforcementActions()) {
      if (!known.contains(action.decisionNo())) {
        portal.enterEnforcement(action);
        entered++;
      }
    }
    Set<String> ours = new HashSet<>();
    world.enforcementActions().forEach(a -> ours.add(a.decisionNo()));
    int published = 0;
    for (JsonNode a : portal.enforcementActions()) {
      if (ours.contains(a.get("decisionNo").asString())
          && a.get("status").asString().equals("DRAFT")) {
        portal.publishEnforcement(a.get("id").asLong());
        published++;
      }
    }
    say(
        "enforcement actions: %d entered, %d published, %d already there"
            .formatted(entered, published, world.enforcementActions().size() - entered));
  }

  /** The weekly hot-spot sweep runs on Mondays; run it now so the page has something to show. */
  private void hotSpots() {
    try {
      JsonNode sweep = batchJobs.run("hot-spots", Map.of(), WAIT);
      long flagged = 0;
      for (JsonNode step : sweep.path("steps")) {
        flagged += step.path("written").asLong();
      }
      say(
          "hot-spot sweep of last week: %s%s"
              .formatted(
                  sweep.get("status").asString(),
                  sweep.path("failure").isString()
                      ? " (" + sweep.get("failure").asString() + ")"
                      : sweep.has("steps") ? ", " + flagged + " flagged" : ""));
    } catch (Exception e) {
      say("hot-spot sweep not started (" + e.getMessage() + ")");
    }
  }

  // --- ratings --------------------------------------------------------------------------------

  private void rate(String year) throws InterruptedException {
    Optional<JsonNode> existing = latestRun(year);
    if (existing.isPresent() && existing.get().path("published").asLong() > 0) {
      say(
          "ratings %s: already published (run %d), nothing to do"
              .formatted(year, existing.get().get("id").asLong()));
      return;
    }
    long run =
        existing.isPresent() && existing.get().path("drafts").asLong() > 0
            ? existing.get().get("id").asLong()
            : portal.requestRatingRun(year);
    awaitComputed(run);
    List<Institution> active = world.institutions().stream().filter(Institution::active).toList();
    Institution objector =
        active.stream()
            .filter(i -> world.worse().contains(i.uscc()))
            .findFirst()
            .orElse(active.getLast());
    int accepted = 0;
    for (Institution institution : active) {
      for (JsonNode rating : portal.ownRatings(institution.uscc())) {
        if (rating.get("runId").asLong() != run
            || !rating.get("status").asString().equals("DRAFT")) {
          continue;
        }
        long id = rating.get("id").asLong();
        if (institution == objector) {
          if (rating.path("objections").isEmpty()) {
            portal.objectToRating(
                institution.uscc(),
                id,
                "投诉办结时效的计算未剔除客户主动要求延期处理的案件，请复核。 / Cases the customer asked to defer should not count against our timeliness.");
            say(
                "ratings %s: %s objects to its draft (it stays a DRAFT under objection)"
                    .formatted(year, institution.shortName()));
          }
        } else if (rating.path("acknowledgedAt").isNull()
            || rating.path("acknowledgedAt").isMissingNode()) {
          portal.acceptRating(institution.uscc(), id);
          accepted++;
        }
      }
    }
    portal.publishRatingRun(run);
    JsonNode after = latestRun(year).orElseThrow();
    say(
        "ratings %s: run %d, %d drafts accepted by their institutions, %d published, %d left as drafts"
            .formatted(
                year,
                run,
                accepted,
                after.path("published").asLong(),
                after.path("drafts").asLong()));
  }

  private void provisional(String quarter) throws InterruptedException {
    Optional<JsonNode> existing = latestRun(quarter);
    long run =
        existing.isPresent() ? existing.get().get("id").asLong() : portal.requestRatingRun(quarter);
    awaitComputed(run);
    say("ratings %s (provisional): run %d left in DRAFT for review".formatted(quarter, run));
  }

  // --- integrity reports ----------------------------------------------------------------------

  /**
   * The period's integrity report, generated by batch-jobs and published by the supervisor once: a
   * period that already has a published version is left alone.
   */
  private void report(String period) throws InterruptedException {
    if (reportVersion(period, "PUBLISHED").isPresent()) {
      say("report %s: already published, nothing to do".formatted(period));
      return;
    }
    if (reportVersion(period, "DRAFT").isEmpty() && reportVersion(period, "REQUESTED").isEmpty()) {
      portal.requestReport(period);
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<JsonNode> draft = reportVersion(period, "DRAFT");
      if (draft.isPresent()) {
        portal.publishReport(draft.get().get("id").asLong());
        say("report %s: generated (HTML and PDF) and published".formatted(period));
        return;
      }
      Optional<JsonNode> failed = reportVersion(period, "FAILED");
      if (failed.isPresent() && reportVersion(period, "REQUESTED").isEmpty()) {
        say(
            "report %s: generation failed (%s); see the batch-jobs log"
                .formatted(period, failed.get().path("failure").asString("")));
        return;
      }
      Thread.sleep(1000);
    }
    say("report %s: not generated within %s; see the batch-jobs log".formatted(period, WAIT));
  }

  private Optional<JsonNode> reportVersion(String period, String status) {
    for (JsonNode version : portal.reportVersions()) {
      if (version.get("period").asString().equals(period)
          && version.get("status").asString().equals(status)) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  private Optional<JsonNode> latestRun(String period) {
    for (JsonNode run : portal.ratingRuns()) {
      if (run.get("period").asString().equals(period)) {
        return Optional.of(run);
      }
    }
    return Optional.empty();
  }

  private void awaitComputed(long run) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode r : portal.ratingRuns()) {
        if (r.get("id").asLong() == run
            && !r.path("computedAt").isNull()
            && !r.path("computedAt").isMissingNode()) {
          return;
        }
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(
        "rating run " + run + " was not computed within " + WAIT + "; see the batch-jobs log");
  }

  private void say(String line) {
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    System.out.printf("[demo %3ds] %s%n", seconds, line);
  }
}

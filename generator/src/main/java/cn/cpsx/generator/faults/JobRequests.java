package cn.cpsx.generator.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An operator asking batch-jobs for rating runs and report versions now and then ({@code POST
 * /jobs/rating}, {@code /jobs/report}, each with a new cutoff, so each is a new run): the jobs run
 * while the apps are killed like the filings do. An answer lost to a kill is not retried: the run
 * is recorded in PostgreSQL before the job starts, and batch-jobs' sweep must finish it.
 *
 * <p>Job control wants a bearer token of role OPERATOR (the suite: the operations client's). A
 * request refused outright (400, 401, 403) is no fault of the faults but a broken request: it is
 * kept, and {@link #refusedSince} hands it to the round's check, so a suite whose requests never
 * reach the jobs fails instead of checking nothing.
 */
final class JobRequests implements AutoCloseable {

  private final String batchJobs;
  private final String period;
  private final Duration every;
  private final Latencies latencies;
  private final Supplier<String> bearer;
  private final List<String> refused = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicInteger sent = new AtomicInteger();
  private volatile boolean paused;
  private volatile boolean closed;
  private Thread thread;

  JobRequests(
      String batchJobs,
      String period,
      Duration every,
      Latencies latencies,
      Supplier<String> bearer) {
    this.batchJobs = batchJobs;
    this.period = period;
    this.every = every;
    this.latencies = latencies;
    this.bearer = bearer;
  }

  /** The requests refused outright (status and answer) from the {@code from}-th on. */
  synchronized List<String> refusedSince(int from) {
    return List.copyOf(refused.subList(Math.min(from, refused.size()), refused.size()));
  }

  synchronized int refusedCount() {
    return refused.size();
  }

  void start() {
    thread = Thread.ofPlatform().name("job-requests").daemon().start(this::run);
  }

  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
  }

  int sent() {
    return sent.get();
  }

  private void run() {
    int n = 0;
    while (!closed) {
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      if (paused || closed) {
        continue;
      }
      String job = n++ % 2 == 0 ? "rating" : "report";
      String cutoff = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
      long t0 = System.nanoTime();
      try {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            batchJobs + "/jobs/" + job + "?period=" + period + "&cutoff=" + cutoff))
                    .timeout(Duration.ofMinutes(3))
                    .header("Authorization", "Bearer " + bearer.get())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        latencies.record(
            job + " job request", FilingStream.millisSince(t0), answer.statusCode() < 300);
        int status = answer.statusCode();
        if (status == 400 || status == 401 || status == 403) {
          synchronized (this) {
            refused.add(
                job
                    + " answered "
                    + status
                    + ": "
                    + answer.body().substring(0, Math.min(200, answer.body().length())));
          }
        }
      } catch (Exception e) {
        latencies.record(job + " job request", FilingStream.millisSince(t0), false);
      }
      sent.incrementAndGet();
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    if (thread != null) {
      thread.interrupt();
      thread.join(200_000);
    }
  }
}

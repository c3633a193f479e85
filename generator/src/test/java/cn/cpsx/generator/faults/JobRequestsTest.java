package cn.cpsx.generator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The suite's operator requests reach job control with a bearer token, and a request refused
 * outright is kept for the round's check (a suite sending only 401s once checked no job at all).
 */
class JobRequestsTest {

  @Test
  void sendsTheBearerTokenAndKeepsNothingWhenAccepted() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = answering(202, seen);
    try (JobRequests jobs = requests(server)) {
      jobs.start();
      awaitRequests(seen, 2);
      assertThat(jobs.refusedCount()).isZero();
    } finally {
      server.stop(0);
    }
    assertThat(seen).allMatch(line -> line.endsWith("Bearer operator-token"));
    assertThat(seen.get(0)).startsWith("POST /jobs/rating?period=2025&cutoff=");
    assertThat(seen.get(1)).startsWith("POST /jobs/report?period=2025&cutoff=");
  }

  @Test
  void aRefusedRequestIsKeptForTheCheck() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = answering(401, seen);
    try (JobRequests jobs = requests(server)) {
      jobs.start();
      awaitRequests(seen, 2);
      Thread.sleep(200);
      assertThat(jobs.refusedCount()).isGreaterThanOrEqualTo(2);
      assertThat(jobs.refusedSince(0)).first().asString().contains("rating answered 401");
      assertThat(jobs.refusedSince(jobs.refusedCount())).isEmpty();
    } finally {
      server.stop(0);
    }
  }

  private static JobRequests requests(HttpServer server) {
    return new JobRequests(
        "http://127.0.0.1:" + server.getAddress().getPort(),
        "2025",
        Duration.ofMillis(50),
        new Latencies(),
        () -> "operator-token");
  }

  private static HttpServer answering(int status, List<String> seen) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/jobs",
        exchange -> {
          seen.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = "{\"error\":\"unauthorized\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static void awaitRequests(List<String> seen, int n) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (seen.size() < n && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(seen).hasSizeGreaterThanOrEqualTo(n);
  }
}

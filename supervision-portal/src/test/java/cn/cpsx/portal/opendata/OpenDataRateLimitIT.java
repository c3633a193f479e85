package cn.cpsx.portal.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-address limit through real HTTP, with many requests in flight at once: exactly the
 * allowance passes, every other answer is 429 with Retry-After and a JSON body, and another address
 * (127.0.0.2, also loopback) is not affected. A portal of its own (random port) with a small limit,
 * so other tests calling from 127.0.0.1 are not limited.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cpsx.open-data.rate-limit.requests-per-minute=" + OpenDataRateLimitIT.LIMIT)
@ActiveProfiles("it")
class OpenDataRateLimitIT {

  static final int LIMIT = 30;

  @LocalServerPort int port;

  @Test
  void concurrentRequestsFromOneAddressGetExactlyTheAllowanceThen429WithRetryAfter()
      throws Exception {
    HttpClient http = HttpClient.newBuilder().build();
    URI uri = URI.create("http://127.0.0.1:" + port + "/api/open/v1/openapi.yaml");
    int threads = 16;
    int requests = 4 * LIMIT;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    long began = System.nanoTime();
    try {
      for (int i = 0; i < requests; i++) {
        Callable<HttpResponse<String>> call =
            () -> {
              start.await();
              return http.send(
                  HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            };
        answers.add(pool.submit(call));
      }
      start.countDown();
      int ok = 0;
      int limited = 0;
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        if (response.statusCode() == 200) {
          ok++;
          continue;
        }
        assertThat(response.statusCode()).isEqualTo(429);
        limited++;
        long retryAfter =
            Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.path("error").asString()).isEqualTo("rate_limited");
        assertThat(body.path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
      }
      // the bucket refills one request every 60/LIMIT seconds while the test runs
      long refilled = (System.nanoTime() - began) / 1_000_000_000L / (60 / LIMIT);
      assertThat(ok).isBetween(LIMIT, LIMIT + (int) refilled);
      assertThat(ok + limited).isEqualTo(requests);
    } finally {
      pool.shutdownNow();
    }

    HttpClient other =
        HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
    assertThat(
            other
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .as("another client address has its own allowance")
        .isEqualTo(200);
  }
}

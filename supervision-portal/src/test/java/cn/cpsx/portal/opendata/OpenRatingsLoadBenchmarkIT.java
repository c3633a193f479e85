package cn.cpsx.portal.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.OwnDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Latency of {@code /api/open/v1/ratings} under concurrent load (issue 10): a database of its own
 * ({@code cpsx_bench_opendata}) with the published ratings of {@value #DEFAULT_INSTITUTIONS} (or
 * {@code -Dcpsx.bench.institutions}) institutions for one year, then {@code -Dcpsx.bench.requests}
 * requests from 8 client threads over loopback: pages of 100, a fifth filtered by type, a fifth by
 * grade, a fifth searching a name, a tenth as CSV. Prints p50/p95/p99; asserts only that every
 * answer was 200. The test command runs the small default; the full size is
 *
 * <pre>./mvnw -pl supervision-portal -am verify -Dit.test=OpenRatingsLoadBenchmarkIT -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dcpsx.bench.institutions=5000 -Dcpsx.bench.requests=4000
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class OpenRatingsLoadBenchmarkIT {

  static final int DEFAULT_INSTITUTIONS = 200;
  static final int INSTITUTIONS =
      Integer.getInteger("cpsx.bench.institutions", DEFAULT_INSTITUTIONS);
  static final int REQUESTS = Integer.getInteger("cpsx.bench.requests", 300);
  static final String DATABASE = "cpsx_bench_opendata";
  static final String[] TYPES = {
    "BANK_LARGE",
    "BANK_JOINT_STOCK",
    "BANK_CITY",
    "BANK_RURAL",
    "BANK_FOREIGN",
    "INSURER_LIFE",
    "INSURER_PROPERTY",
    "CONSUMER_FINANCE",
    "PAYMENT",
    "ONLINE_PLATFORM"
  };

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
    String url = OwnDatabase.kept(DATABASE);
    registry.add("spring.datasource.url", () -> url);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void pagesOfPublishedRatingsUnderConcurrentLoad() throws Exception {
    publishedRatingsOfSize(INSTITUTIONS);
    HttpClient http = HttpClient.newHttpClient();
    Random random = new Random(20261202);
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      int page = 1 + random.nextInt(Math.max(1, INSTITUTIONS / 100));
      String base = "/api/open/v1/ratings?period=2025&size=100";
      queries.add(
          switch (i % 10) {
            // a type holds a tenth of the institutions: its first page
            case 0, 1 -> base + "&type=" + TYPES[random.nextInt(TYPES.length)];
            case 2, 3 -> base + "&page=" + page + "&grade=" + "ABCD".charAt(random.nextInt(4));
            case 4, 5 -> base + "&q=" + (1 + random.nextInt(INSTITUTIONS));
            case 6 -> base + "&page=" + page + "&format=csv";
            default -> base + "&page=" + page;
          });
    }
    // warm-up, not counted
    for (int i = 0; i < 20; i++) {
      http.send(request(queries.get(i)), HttpResponse.BodyHandlers.discarding());
    }
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<long[]>> timings = new ArrayList<>();
    long began = System.nanoTime();
    for (String query : queries) {
      timings.add(
          clients.submit(
              () -> {
                long start = System.nanoTime();
                HttpResponse<byte[]> response =
                    http.send(request(query), HttpResponse.BodyHandlers.ofByteArray());
                return new long[] {System.nanoTime() - start, response.statusCode()};
              }));
    }
    List<Long> nanos = new ArrayList<>();
    for (Future<long[]> timing : timings) {
      long[] t = timing.get();
      assertThat(t[1]).isEqualTo(200);
      nanos.add(t[0]);
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    clients.shutdown();
    Collections.sort(nanos);
    System.out.printf(
        "%nOpenRatingsLoadBenchmark: %,d published ratings, %,d requests from 8 threads in %.1f s"
            + " (%.0f/s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n%n",
        INSTITUTIONS,
        REQUESTS,
        seconds,
        REQUESTS / seconds,
        percentile(nanos, 50),
        percentile(nanos, 95),
        percentile(nanos, 99));
  }

  private HttpRequest request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build();
  }

  private static double percentile(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
  }

  /** One published rating per generated institution for 2025, unless already there. */
  private void publishedRatingsOfSize(int institutions) {
    long present =
        jdbc.sql("SELECT count(*) FROM rating WHERE period = '2025' AND status = 'PUBLISHED'")
            .query(Long.class)
            .single();
    if (present == institutions) {
      return;
    }
    jdbc.sql("DELETE FROM rating").update();
    jdbc.sql("DELETE FROM rating_run").update();
    jdbc.sql("DELETE FROM institution WHERE uscc LIKE 'O%'").update();
    jdbc.sql(
            """
            INSERT INTO institution (uscc, legal_name_zh, short_name, name_en, type, home_region,
                                     retail_customers, licence_status)
            SELECT 'O' || lpad(i::text, 17, '0'), '开放数据基准机构' || i, '基准' || i, 'Bench ' || i,
                   (string_to_array(?, ','))[1 + i % 10], '440300', 100000 + i, 'ACTIVE'
              FROM generate_series(1, ?) i
            """)
        .params(String.join(",", TYPES), institutions)
        .update();
    long run =
        jdbc.sql(
                """
                INSERT INTO rating_run (period, provisional, data_cutoff, methodology_version,
                                        requested_by, computed_at)
                VALUES ('2025', false, '2026-01-20T00:00:00+08', 'v1', 'bench', now()) RETURNING id
                """)
            .query(Long.class)
            .single();
    // a realistic factors document (its figures are not recomputed here; the open data serves them)
    String factors =
        """
        [{"factor":"COMPLAINT_INTENSITY","points":12.50,"maxPoints":25,"figures":{"complaints":100,"retailCustomers":100000,"per10k":10.0000000000,"percentileRank":0.5000000000}},
         {"factor":"TIMELINESS","points":18.00,"maxPoints":20,"figures":{"closed":90,"closedWithinDeadline":81,"share":0.9000000000}},
         {"factor":"RESOLUTION","points":12.00,"maxPoints":15,"figures":{"surveyed":50,"satisfied":40,"share":0.8000000000}},
         {"factor":"ESCALATION","points":5.00,"maxPoints":10,"figures":{"complaints":100,"escalated":5,"share":0.0500000000,"percentileRank":0.5000000000}},
         {"factor":"REPORTING_DISCIPLINE","points":8.00,"maxPoints":10,"figures":{"due":5,"goodFilings":4,"share":0.8000000000}},
         {"factor":"SELF_ASSESSMENT","points":8.00,"maxPoints":10,"figures":{"meanSelfScore":80.0000000000,"supervisorAdjustment":0.00,"adjustmentReason":null}},
         {"factor":"ENFORCEMENT","points":10.00,"maxPoints":10,"figures":{"minor":0,"serious":0,"major":0}}]
        """;
    jdbc.sql(
            """
            INSERT INTO rating (run_id, institution_uscc, period, provisional, status, version, name_zh,
                   name_en, institution_type, province, score, grade, capped, limited_data,
                   methodology_version, data_cutoff, factors, objection_deadline, published_at,
                   published_by)
            SELECT ?, uscc, '2025', false, 'PUBLISHED', 1, legal_name_zh, name_en, type, '440000',
                   40 + abs(hashtext(uscc)) % 60,
                   (ARRAY['D','C','B','A'])[1 + abs(hashtext(uscc)) % 4], false, false, 'v1',
                   '2026-01-20T00:00:00+08', ?::jsonb, date '2026-01-30', now(), 'bench'
              FROM institution WHERE uscc LIKE 'O%'
            """)
        .params(run, factors)
        .update();
    jdbc.sql("ANALYZE").update();
  }
}

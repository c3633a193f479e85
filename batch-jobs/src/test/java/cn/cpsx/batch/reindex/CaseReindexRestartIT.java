package cn.cpsx.batch.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cpsx.batch.support.TcpProxy;
import cn.cpsx.schemas.Uscc;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * caseReindexJob's restart test: Elasticsearch is cut off (a loopback proxy) while reindexCasesStep
 * is under way, the run fails; the restart with the same parameters writes only the rest and swaps
 * the alias. Meanwhile a searcher asks the alias directly (not through the proxy) every few
 * milliseconds: it always gets an answer, from the old index or, after the swap, the new one.
 */
@SpringBootTest
@ActiveProfiles("it")
class CaseReindexRestartIT {

  /** The tests' alias (cpsx-test-cases in CI; an engineer's own alias on a shared stack). */
  @Value("${cpsx.search.case-alias}")
  String alias;

  static final int OWN_CASES = 3_000;
  static final TcpProxy elasticsearchProxy = TcpProxy.toElasticsearch();
  static final String ES =
      "http://127.0.0.1:" + System.getenv().getOrDefault("CPSX_ES_PORT", "19200");

  @DynamicPropertySource
  static void throughProxy(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.elasticsearch.uris", () -> "http://127.0.0.1:" + elasticsearchProxy.port());
  }

  @Autowired JobOperator jobOperator;
  @Autowired Job caseReindexJob;
  @Autowired ElasticsearchClient elasticsearch;
  @Autowired JdbcClient jdbc;

  @AfterAll
  static void closeProxy() throws IOException {
    elasticsearchProxy.close();
  }

  @Test
  void aRunCutOffMidwayIsRestartedWritesOnlyTheRestAndSearchAnswersThroughout() throws Exception {
    String filing = ownCases();
    try {
      long cases = jdbc.sql("SELECT count(*) FROM complaint_case").query(Long.class).single();
      Set<String> before = aliasTargets();
      Searcher searcher = new Searcher(alias);
      searcher.start();
      JobParameters parameters =
          new JobParametersBuilder().addLong("requestedAt", System.nanoTime()).toJobParameters();

      CompletableFuture<JobExecution> first =
          CompletableFuture.supplyAsync(() -> start(parameters));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> writtenSoFar() >= 1_000);
      elasticsearchProxy.down(); // the planned point: at least one chunk of 1,000 is in
      JobExecution failed = first.get(120, TimeUnit.SECONDS);
      elasticsearchProxy.up();

      assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
      long writtenFirst = reindexStep(failed).getWriteCount();
      assertThat(writtenFirst).isBetween(1_000L, cases - 1);
      assertThat(aliasTargets()).as("the alias stays where it was").isEqualTo(before);

      JobExecution restarted = start(parameters);

      assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
      assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
      assertThat(reindexStep(restarted).getWriteCount())
          .as("the restart writes only what the first run had not committed")
          .isEqualTo(cases - writtenFirst);
      Set<String> after = aliasTargets();
      assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
      elasticsearch.indices().refresh(r -> r.index(alias));
      assertThat(elasticsearch.count(c -> c.index(alias)).count()).isEqualTo(cases);

      searcher.stop();
      assertThat(searcher.failures).as("search never failed").isEmpty();
      assertThat(searcher.answers).as("search answered all along").isGreaterThan(20);
    } finally {
      removeOwnCases(filing);
    }
  }

  private JobExecution start(JobParameters parameters) {
    try {
      return jobOperator.start(caseReindexJob, parameters);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long writtenSoFar() {
    return jdbc.sql(
            """
            SELECT coalesce(max(write_count), 0) FROM batch_step_execution
             WHERE step_name = 'reindexCasesStep' AND status = 'STARTED'
            """)
        .query(Long.class)
        .single();
  }

  private static StepExecution reindexStep(JobExecution execution) {
    return execution.getStepExecutions().stream()
        .filter(s -> s.getStepName().equals("reindexCasesStep"))
        .findFirst()
        .orElseThrow();
  }

  private Set<String> aliasTargets() throws Exception {
    return elasticsearch.indices().getAlias(a -> a.name(alias)).aliases().keySet();
  }

  /** Asks the alias for its case count, straight to Elasticsearch, until stopped. */
  static final class Searcher {
    private final String alias;
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    volatile int answers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;

    Searcher(String alias) {
      this.alias = alias;
    }

    void start() {
      HttpClient http = HttpClient.newHttpClient();
      thread =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (running.get()) {
                      try {
                        HttpResponse<String> response =
                            http.send(
                                HttpRequest.newBuilder(URI.create(ES + "/" + alias + "/_count"))
                                    .build(),
                                HttpResponse.BodyHandlers.ofString());
                        long count =
                            JsonMapper.shared().readTree(response.body()).path("count").asLong(-1);
                        if (response.statusCode() != 200 || count <= 0) {
                          failures.add(response.statusCode() + " " + response.body());
                        }
                        answers++;
                        Thread.sleep(25);
                      } catch (InterruptedException e) {
                        return;
                      } catch (Exception e) {
                        failures.add(e.toString());
                      }
                    }
                  });
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }

  /** Enough current cases of an institution of its own that the step takes several chunks. */
  private String ownCases() {
    String first17 = "9144030098" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    String bank = first17 + Uscc.checkCharacter(first17);
    String filing = "FREINDEX-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                received_at, sha256, size_bytes, raw, status, validated_at)
            VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', now() - interval '1 day', ?, 2,
                    '{}'::bytea, 'ACCEPTED', now() - interval '1 day')
            """)
        .params(filing, bank, UUID.randomUUID().toString().replace("-", "").repeat(2))
        .update();
    List<Object[]> rows = new ArrayList<>();
    OffsetDateTime received = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(3).withNano(0);
    for (int i = 0; i < OWN_CASES; i++) {
      String caseNo = "REINDEX-" + i;
      rows.add(
          new Object[] {
            bank,
            caseNo,
            filing,
            received,
            """
            {"caseNo":"%s","receivedAt":"%s","channel":"PHONE","businessCategory":"DEPOSIT",
             "reason":"SERVICE_QUALITY","demand":"APOLOGY","region":"110101",
             "narrative":"客户反映网点排队时间过长，要求改进服务。","status":"RECEIVED"}
            """
                .formatted(caseNo, received)
          });
    }
    new org.springframework.jdbc.core.JdbcTemplate(dataSource)
        .batchUpdate(
            """
        INSERT INTO complaint_case (institution_uscc, case_no, filing_id, filing_seq, received_at,
                                    status, record)
        VALUES (?, ?, ?, 1, ?, 'RECEIVED', ?::jsonb)
        """,
            rows);
    return filing;
  }

  @Autowired javax.sql.DataSource dataSource;

  private void removeOwnCases(String filing) throws IOException {
    List<String> ids =
        jdbc.sql(
                "SELECT institution_uscc || ':' || case_no FROM complaint_case WHERE filing_id = ?")
            .param(filing)
            .query(String.class)
            .list();
    jdbc.sql("DELETE FROM complaint_case WHERE filing_id = ?").param(filing).update();
    for (int i = 0; i < ids.size(); i += 1_000) {
      List<String> batch = ids.subList(i, Math.min(ids.size(), i + 1_000));
      elasticsearch.bulk(
          b -> {
            batch.forEach(id -> b.operations(o -> o.delete(d -> d.index(alias).id(id))));
            return b;
          });
    }
  }
}

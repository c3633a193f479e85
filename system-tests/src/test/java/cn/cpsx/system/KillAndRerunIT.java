package cn.cpsx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cpsx.batch.filing.TestInbox;
import cn.cpsx.schemas.database.FilingQueue;
import cn.cpsx.system.AppProcesses.App;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code kill -9} of batch-jobs in the middle of indexing a large filing, then a restart: the final
 * state is exactly that of an uninterrupted run — every accepted case indexed once, no finding or
 * case version written twice. batch-jobs runs as the packaged jar, in its own process.
 */
class KillAndRerunIT {

  static final String BANK = "91110000416538280L";
  static final int CASES = 12_000;

  static final int PORT = 18093;

  final JdbcClient jdbc = TestStack.database();

  Process batchJobs;

  @AfterEach
  void stopBatchJobs() throws InterruptedException {
    if (batchJobs != null) {
      AppProcesses.stop(List.of(batchJobs));
    }
  }

  @Test
  void killedDuringIndexingThenRestartedEndsExactlyOnce() throws Exception {
    String prefix = "KILL-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    batchJobs = startBatchJobs("first");
    AppProcesses.awaitHealthy(PORT); // it has migrated the test database: the inbox is there
    String filingId = TestInbox.put(jdbc, BANK, "CASES", filing(prefix));
    jdbc.sql("SELECT pg_notify('" + FilingQueue.CHANNEL + "', ?)")
        .param(filingId)
        .query()
        .singleValue();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> indexedSoFar(filingId) > 0);
    batchJobs.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no cleanup
    long atKill = indexedSoFar(filingId);

    batchJobs = startBatchJobs("second");
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                jdbc.sql("SELECT indexed_at IS NOT NULL FROM filing WHERE filing_id = ?")
                    .param(filingId)
                    .query(Boolean.class)
                    .single());

    System.out.printf("kill-and-rerun: killed after %d of %d cases indexed%n", atKill, CASES);
    assertThat(atKill).as("killed mid-way").isLessThan(CASES);
    assertThat(count("SELECT count(*) FROM complaint_case_version WHERE filing_id = ?", filingId))
        .isEqualTo(CASES);
    assertThat(count("SELECT count(*) FROM validation_finding WHERE filing_id = ?", filingId))
        .isZero();
    assertThat(TestInbox.statusOf(jdbc, filingId)).isEqualTo("ACCEPTED");
    assertThat(TestStack.indexedDocumentsOf(filingId))
        .as("every case indexed exactly once")
        .isEqualTo(CASES);
  }

  /** Committed chunks of the index step, as the job repository records them. */
  private long indexedSoFar(String filingId) {
    List<Long> writes =
        jdbc.sql(
                """
                SELECT s.write_count FROM batch_step_execution s
                  JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
                 WHERE s.step_name = 'indexCasesStep'
                   AND p.parameter_name = 'filingId' AND p.parameter_value = ?
                """)
            .param(filingId)
            .query(Long.class)
            .list();
    return writes.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private long count(String sql, String filingId) {
    return jdbc.sql(sql).param(filingId).query(Long.class).single();
  }

  private Process startBatchJobs(String run) throws Exception {
    return AppProcesses.start(
        App.BATCH_JOBS,
        PORT,
        "kill-and-rerun-" + run,
        "--cpsx.filing.sweep-initial-delay=PT2S",
        "--cpsx.filing.sweep-interval=PT2S");
  }

  private static String filing(String prefix) {
    String receivedAt =
        OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(5).withNano(0).toString();
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < CASES; i++) {
      cases
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"caseNo":"%s%05d","receivedAt":"%s","channel":"ONLINE","businessCategory":"PAYMENT",
               "reason":"FUNDS_SECURITY","demand":"REFUND","region":"330106",
               "narrative":"客户反映支付账户出现未授权交易，要求冻结账户并退还资金。","status":"RECEIVED"}
              """
                  .formatted(prefix, i, receivedAt));
    }
    return """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[%s]}
        """
        .formatted(BANK, cases);
  }
}

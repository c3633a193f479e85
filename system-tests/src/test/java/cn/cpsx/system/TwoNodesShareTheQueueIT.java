package cn.cpsx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cpsx.batch.filing.TestInbox;
import cn.cpsx.schemas.database.FilingQueue;
import cn.cpsx.system.AppProcesses.App;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two batch-jobs processes (the packaged jar, on two ports) share one stream of filings from three
 * institutions; mid-stream one of them is killed with {@code kill -9} while it runs a filing, and
 * the other takes that filing over once its lease expires. In the end every filing was validated
 * and completed by exactly one run (the killed run excepted), each case was indexed once at its
 * newest version, and no index chunk was written twice except by the taken-over run.
 */
class TwoNodesShareTheQueueIT {

  static final List<String> BANKS =
      List.of("91110000770914530P", "911100009665537194", "911100003159648543");
  static final int FILINGS_PER_BANK = 6;

  /** Cases in every filing of a bank (so their newest version is the bank's last filing). */
  static final int SHARED = 100;

  static final int OWN = 700;
  static final int PORT_A = 18094;
  static final int PORT_B = 18095;

  /**
   * Cases per committed chunk of batch-jobs' {@code indexCasesStep}
   * (FilingProcessingJobConfiguration.INDEX_CHUNK): a taken-over run sends at most one again.
   */
  static final int INDEX_CHUNK = 1000;

  final JdbcClient jdbc = TestStack.database();

  final List<Process> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() throws InterruptedException {
    AppProcesses.stop(nodes); // no node of this test claims the next test's filings
  }

  @Test
  void twoNodesProcessEveryFilingOnceAndTakeOverAKilledNodesWork() throws Exception {
    String prefix = "TWO-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Process nodeA = startNode(PORT_A, "node-a");
    Process nodeB = startNode(PORT_B, "node-b");
    AppProcesses.awaitHealthy(PORT_A);
    AppProcesses.awaitHealthy(PORT_B);

    // the stream: filing k of every bank in turn, each notified as ingestion does
    List<List<String>> filingsByBank = new ArrayList<>();
    BANKS.forEach(bank -> filingsByBank.add(new ArrayList<>()));
    List<String> all = new ArrayList<>();
    List<String> takenOver = new ArrayList<>();
    for (int k = 0; k < FILINGS_PER_BANK; k++) {
      if (k == FILINGS_PER_BANK / 2) {
        // mid-stream: kill node A while it holds a filing whose run has started, once it has
        // completed some filing of the stream already
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () -> !completedBy("node-a", all).isEmpty() && !runningUnder("node-a").isEmpty());
        nodeA.destroyForcibly().waitFor(); // SIGKILL: its claims stay until their lease expires
        takenOver.addAll(
            jdbc.sql("SELECT filing_id FROM filing_claim WHERE owner = 'node-a'")
                .query(String.class)
                .list());
      }
      for (int b = 0; b < BANKS.size(); b++) {
        String filingId = TestInbox.put(jdbc, BANKS.get(b), "CASES", filing(prefix, b, k));
        filingsByBank.get(b).add(filingId);
        all.add(filingId);
        jdbc.sql("SELECT pg_notify('" + FilingQueue.CHANNEL + "', ?)")
            .param(filingId)
            .query()
            .singleValue();
        Thread.sleep(100);
      }
    }

    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                count(
                        "SELECT count(*) FROM filing WHERE filing_id = ANY (?) AND indexed_at IS NOT NULL",
                        all)
                    == all.size());

    System.out.printf(
        "two nodes: %d filings; node-a completed %d before its kill, node-b %d; taken over: %s%n",
        all.size(),
        completedBy("node-a", all).size(),
        completedBy("node-b", all).size(),
        takenOver);
    assertThat(takenOver).as("node A was killed holding a filing").isNotEmpty();
    assertThat(completedBy("node-b", all)).as("node B took it over").containsAll(takenOver);
    assertThat(completedBy("node-a", all)).as("both nodes shared the stream").isNotEmpty();
    assertThat(completedBy("node-a", all))
        .as("no filing completed by both nodes")
        .doesNotContainAnyElementsOf(completedBy("node-b", all));
    for (String filingId : all) {
      assertThat(TestInbox.statusOf(jdbc, filingId)).isEqualTo("ACCEPTED");
      assertThat(count("SELECT count(*) FROM complaint_case_version WHERE filing_id = ?", filingId))
          .isEqualTo(SHARED + OWN);
      assertThat(count("SELECT count(*) FROM validation_finding WHERE filing_id = ?", filingId))
          .isZero();
      assertThat(executions(filingId, "COMPLETED")).as("completed runs of " + filingId).isOne();
      long writes =
          count(
              """
              SELECT coalesce(sum(s.write_count), 0) FROM batch_step_execution s
                JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
               WHERE s.step_name = 'indexCasesStep'
                 AND p.parameter_name = 'filingId' AND p.parameter_value = ?
              """,
              filingId);
      if (takenOver.contains(filingId)) {
        // restarted from its last committed chunk: at most one chunk sent again
        assertThat(writes).isBetween((long) SHARED + OWN, (long) SHARED + OWN + INDEX_CHUNK);
      } else {
        assertThat(executions(filingId, null)).as("runs of " + filingId).isOne();
        assertThat(writes).as("index writes of " + filingId).isEqualTo(SHARED + OWN);
      }
    }

    for (List<String> filings : filingsByBank) {
      for (int k = 0; k < filings.size(); k++) {
        long expected = k == filings.size() - 1 ? SHARED + OWN : OWN;
        assertThat(documentsOf(filings.get(k)))
            .as("cases indexed once, at their newest version")
            .isEqualTo(expected);
      }
    }
  }

  private Process startNode(int port, String nodeId) throws Exception {
    Process node =
        AppProcesses.start(
            App.BATCH_JOBS,
            port,
            "two-nodes-" + nodeId,
            "--cpsx.node.id=" + nodeId,
            "--cpsx.filing.lease=PT4S",
            "--cpsx.filing.sweep-initial-delay=PT1S",
            "--cpsx.filing.sweep-interval=PT1S",
            "--cpsx.rating.sweep-initial-delay=PT1H",
            "--cpsx.report.sweep-initial-delay=PT1H");
    nodes.add(node);
    return node;
  }

  /** Stream filings whose run this node logged as completed. */
  private static List<String> completedBy(String nodeId, List<String> filings) throws Exception {
    Path log = AppProcesses.LOGS.resolve("two-nodes-" + nodeId + ".log");
    if (!Files.exists(log)) {
      return List.of();
    }
    String text = Files.readString(log);
    return filings.stream().filter(id -> text.contains("filing " + id + ": COMPLETED")).toList();
  }

  /** Filings this node holds whose run has started. */
  private List<String> runningUnder(String nodeId) {
    return jdbc.sql(
            """
            SELECT c.filing_id FROM filing_claim c
              JOIN batch_job_execution_params p
                ON p.parameter_name = 'filingId' AND p.parameter_value = c.filing_id
              JOIN batch_job_execution e ON e.job_execution_id = p.job_execution_id
             WHERE c.owner = ? AND e.status = 'STARTED'
            """)
        .param(nodeId)
        .query(String.class)
        .list();
  }

  private long executions(String filingId, String status) {
    return jdbc.sql(
            """
            SELECT count(*) FROM batch_job_execution e
              JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
             WHERE p.parameter_name = 'filingId' AND p.parameter_value = ?
               AND (CAST(? AS text) IS NULL OR e.status = ?)
            """)
        .params(filingId, status, status)
        .query(Long.class)
        .single();
  }

  private long documentsOf(String filingId) throws Exception {
    return TestStack.indexedDocumentsOf(filingId);
  }

  private long count(String sql, Object parameter) {
    Object bound = parameter instanceof List<?> list ? list.toArray(String[]::new) : parameter;
    return jdbc.sql(sql).param(bound).query(Long.class).single();
  }

  /**
   * Filing k of bank b: the bank's {@value #SHARED} shared cases, then {@value #OWN} of its own.
   */
  private static String filing(String prefix, int b, int k) {
    String receivedAt =
        OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(5).withNano(0).toString();
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < SHARED + OWN; i++) {
      String caseNo =
          i < SHARED
              ? "%s%d-S-%04d".formatted(prefix, b, i)
              : "%s%d-%d-%04d".formatted(prefix, b, k, i);
      cases
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"caseNo":"%s","receivedAt":"%s","channel":"ONLINE","businessCategory":"PAYMENT",
               "reason":"FUNDS_SECURITY","demand":"REFUND","region":"330106",
               "narrative":"客户第%d次反映支付账户出现未授权交易，要求冻结账户并退还资金。","status":"RECEIVED"}
              """
                  .formatted(caseNo, receivedAt, k + 1));
    }
    return """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[%s]}
        """
        .formatted(BANKS.get(b), cases);
  }
}

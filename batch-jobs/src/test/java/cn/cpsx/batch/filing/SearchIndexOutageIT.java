package cn.cpsx.batch.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.batch.support.TcpProxy;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Elasticsearch unreachable while a filing is processed: the filing is validated and kept, says why
 * it waits, and the next run (the sweep's restart) indexes it without validating it again. This is
 * the job's restart test: it fails at a planned point and the rerun writes only the rest.
 */
@SpringBootTest
@ActiveProfiles("it")
class SearchIndexOutageIT {

  static final String BANK = "91110000770914530P";
  static final TcpProxy elasticsearchProxy = TcpProxy.toElasticsearch();

  @DynamicPropertySource
  static void throughProxy(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.elasticsearch.uris", () -> "http://127.0.0.1:" + elasticsearchProxy.port());
  }

  @Value("${cpsx.search.case-alias}")
  String alias;

  @Autowired FilingJobs jobs;
  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient elasticsearch;

  @AfterAll
  static void closeProxy() throws IOException {
    elasticsearchProxy.close();
  }

  @Test
  void filingWaitsWhileTheIndexIsDownAndIsIndexedOnceItIsBack() throws Exception {
    String caseNo = "OUTAGE-" + UUID.randomUUID();
    String filingId = TestInbox.put(jdbc, BANK, "CASES", filing(caseNo));

    elasticsearchProxy.down();
    assertThat(jobs.process(filingId).getStatus()).isEqualTo(BatchStatus.FAILED);

    Map<String, Object> waiting =
        jdbc.sql("SELECT status, status_detail, indexed_at FROM filing WHERE filing_id = ?")
            .param(filingId)
            .query()
            .singleRow();
    assertThat(waiting.get("status")).isEqualTo("ACCEPTED");
    assertThat((String) waiting.get("status_detail")).startsWith("waiting for retry: ");
    assertThat(waiting.get("indexed_at")).isNull();
    assertThat(jobs.pending()).contains(filingId);
    long findingsAfterFirstRun = findings(filingId);

    elasticsearchProxy.up();
    assertThat(jobs.process(filingId).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    Map<String, Object> done =
        jdbc.sql("SELECT status_detail, indexed_count FROM filing WHERE filing_id = ?")
            .param(filingId)
            .query()
            .singleRow();
    assertThat(done.get("status_detail")).isNull();
    assertThat(done.get("indexed_count")).isEqualTo(1);
    assertThat(jobs.pending()).doesNotContain(filingId);
    assertThat(findings(filingId)).isEqualTo(findingsAfterFirstRun);
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM batch_step_execution s
                      JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                      JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                     WHERE s.step_name = 'validateFilingStep' AND s.status = 'COMPLETED'
                       AND p.parameter_name = 'filingId' AND p.parameter_value = ?
                    """)
                .param(filingId)
                .query(Long.class)
                .single())
        .as("validation ran once; the restart only indexed")
        .isEqualTo(1);
    assertThat(elasticsearch.exists(e -> e.index(alias).id(BANK + ":" + caseNo)).value()).isTrue();
  }

  private long findings(String filingId) {
    return jdbc.sql("SELECT count(*) FROM validation_finding WHERE filing_id = ?")
        .param(filingId)
        .query(Long.class)
        .single();
  }

  private static String filing(String caseNo) {
    return """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[
          {"caseNo":"%s","receivedAt":"%s","channel":"BRANCH","businessCategory":"DEPOSIT",
           "reason":"SERVICE_QUALITY","demand":"APOLOGY","region":"110101",
           "narrative":"客户反映网点柜员办理业务时态度生硬，要求道歉。","status":"RECEIVED"}]}
        """
        .formatted(
            BANK, caseNo, OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).withNano(0));
  }
}

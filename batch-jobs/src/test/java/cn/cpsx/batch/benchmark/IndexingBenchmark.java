package cn.cpsx.batch.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.batch.filing.FilingJobs;
import cn.cpsx.batch.indexing.CaseDocument;
import cn.cpsx.batch.indexing.CaseDocuments;
import cn.cpsx.batch.indexing.StoredCase;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: a measurement, run on demand (see BENCHMARKS.md). Validates and indexes one {@value
 * #CASES}-case filing through filingProcessingJob, then sends the very same documents to the same
 * Elasticsearch with a plain {@code _bulk} loop, and prints both rates and their ratio.
 *
 * <pre>scripts/stack start && ./mvnw -pl schemas install -q && ./mvnw -pl batch-jobs verify \
 *     -Dit.test=IndexingBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@SpringBootTest
@ActiveProfiles("it")
class IndexingBenchmark {

  static final String BANK = "91110000416538280L";
  static final int CASES = 20_000;
  static final int BULK = 500;

  @Autowired FilingJobs jobs;
  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient elasticsearch;

  @Test
  void validateAndIndexAgainstAPlainBulkLoop() throws Exception {
    String prefix = "BENCH-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    byte[] raw = filing(prefix).getBytes(StandardCharsets.UTF_8);
    String filingId = "FBENCH-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                received_at, sha256, size_bytes, raw)
            VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', now(), ?, ?, ?)
            """)
        .params(
            filingId,
            BANK,
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)),
            raw.length,
            raw)
        .update();

    long start = System.nanoTime();
    assertThat(jobs.process(filingId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    double pipelineSeconds = (System.nanoTime() - start) / 1e9;

    // The same documents, built once up front so the loop below measures only sending them.
    long buildStart = System.nanoTime();
    List<CaseDocument> documents =
        jdbc
            .sql(
                """
                SELECT v.institution_uscc, i.short_name, i.type, v.case_no, v.filing_id,
                       v.filing_seq, f.received_at, v.record::text
                  FROM complaint_case_version v JOIN filing f ON f.filing_id = v.filing_id
                  LEFT JOIN institution i ON i.uscc = v.institution_uscc
                 WHERE v.filing_id = ? ORDER BY v.record_index
                """)
            .param(filingId)
            .query(StoredCase.ROWS)
            .list()
            .stream()
            .map(new CaseDocuments()::process)
            .toList();
    double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
    String plainIndex = "cpsx-test-cases-bench-plain";
    elasticsearch.indices().delete(d -> d.index(plainIndex).ignoreUnavailable(true));
    elasticsearch.indices().create(c -> c.index(plainIndex));
    HttpClient http = HttpClient.newHttpClient();
    URI bulk =
        URI.create(
            "http://127.0.0.1:" + System.getenv().getOrDefault("CPSX_ES_PORT", "19200") + "/_bulk");
    start = System.nanoTime();
    for (int from = 0; from < documents.size(); from += BULK) {
      StringBuilder ndjson = new StringBuilder();
      for (CaseDocument doc : documents.subList(from, Math.min(from + BULK, documents.size()))) {
        ndjson
            .append("{\"index\":{\"_index\":\"")
            .append(plainIndex)
            .append("\",\"_id\":\"")
            .append(doc.id())
            .append("\"}}\n");
        ndjson.append(JsonMapper.shared().writeValueAsString(doc.source())).append('\n');
      }
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(bulk)
                  .header("Content-Type", "application/x-ndjson")
                  .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).contains("\"errors\":false");
    }
    double plainSeconds = (System.nanoTime() - start) / 1e9;
    elasticsearch.indices().delete(d -> d.index(plainIndex));

    System.out.printf(
        "%nindexing benchmark, %d cases:%n  filingProcessingJob (validate + store + mask + segment + bulk): %.1f s = %.0f records/s%n"
            + "  plain _bulk loop of the same documents:                         %.1f s = %.0f records/s%n"
            + "  ratio pipeline / plain: %.2f%n"
            + "  of which building the documents (read, mask, segment) alone: %.1f s = %.0f records/s%n",
        CASES,
        pipelineSeconds,
        CASES / pipelineSeconds,
        plainSeconds,
        CASES / plainSeconds,
        (CASES / pipelineSeconds) / (CASES / plainSeconds),
        buildSeconds,
        CASES / buildSeconds);
  }

  private static String filing(String prefix) {
    String receivedAt =
        OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(5).withNano(0).toString();
    String[] narratives = {
      "客户王小明来电称信用卡年费未经告知即被扣收，要求退还年费，联系电话13912345678。",
      "投诉人反映催收人员多次在夜间拨打其亲属电话，言语威胁，要求停止骚扰并道歉。",
      "客户称理财经理承诺保本保收益，实际产品亏损，认为存在误导销售，要求赔偿损失。",
      "消费者李娜反映手机银行转账限额被无故调低，影响正常使用，要求恢复原限额。"
    };
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < CASES; i++) {
      cases
          .append(i == 0 ? "" : ",")
          .append(
              """
          {"caseNo":"%s%05d","receivedAt":"%s","channel":"PHONE","businessCategory":"CREDIT_CARD",
           "reason":"FEES","demand":"REFUND","amountInvolved":"1280.00","region":"440305",
           "complainant":{"name":"王小明","phone":"13912345678","ageBand":"40_59"},
           "narrative":"%s","status":"RECEIVED"}
          """
                  .formatted(prefix, i, receivedAt, narratives[i % narratives.length]));
    }
    return "{\"specVersion\":\"1\",\"filingType\":\"CASES\",\"institution\":\""
        + BANK
        + "\",\"mode\":\"LIVE\",\"cases\":["
        + cases
        + "]}";
  }
}

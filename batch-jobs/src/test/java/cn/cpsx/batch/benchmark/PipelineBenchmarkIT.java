package cn.cpsx.batch.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.batch.filing.FilingJobs;
import cn.cpsx.batch.filing.PipelineWarmUp;
import cn.cpsx.batch.filing.TestInbox;
import cn.cpsx.batch.indexing.CaseDocument;
import cn.cpsx.batch.indexing.CaseDocuments;
import cn.cpsx.batch.indexing.SearchIndexProperties;
import cn.cpsx.batch.indexing.StoredCase;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Files one CASES filing of N cases into the inbox (as ingestion commits it) and times it until
 * every case is searchable; then sends the very same documents to the same Elasticsearch with a
 * plain {@code _bulk} loop into an index of the same template, timed until searchable too; prints
 * both rates and their ratio (see BENCHMARKS.md). The smoke size runs with the other tests and
 * asserts only that every case arrives; the full size runs on demand:
 *
 * <pre>./mvnw -B -pl batch-jobs -am verify -Dit.test=PipelineBenchmarkIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcpsx.bench.cases=20000</pre>
 */
@SpringBootTest
@ActiveProfiles("it")
class PipelineBenchmarkIT {

  static final String BANK = "91110000416538280L";
  static final int BULK = 500;

  @Value("${cpsx.bench.cases:2000}")
  int cases;

  @Autowired FilingJobs jobs;
  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient elasticsearch;
  @Autowired SearchIndexProperties search;

  @Test
  void fileUntilSearchableAgainstAPlainBulkLoop() throws Exception {
    String prefix = "BENCH-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String body =
        PipelineWarmUp.madeUpFiling(
            BANK,
            prefix,
            cases,
            OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(5).withNano(0));
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    long start = System.nanoTime();
    String filingId = TestInbox.put(jdbc, BANK, "CASES", body);
    assertThat(jobs.process(filingId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    double processed = seconds(start);
    awaitSearchable(search.caseAlias(), "filingId", filingId, cases);
    double pipelineSeconds = seconds(start);
    Map<String, Double> steps = stepSeconds(filingId);

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
    double buildSeconds = seconds(buildStart);
    String rawIndex = search.caseAlias() + "-bench-raw"; // same template as the case indices
    elasticsearch.indices().delete(d -> d.index(rawIndex).ignoreUnavailable(true));
    elasticsearch.indices().create(c -> c.index(rawIndex));
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
            .append(rawIndex)
            .append("\",\"_id\":\"")
            .append(doc.id())
            .append("\"}}\n");
        ndjson
            .append(JsonpUtils.toJsonString(doc.source(), elasticsearch._jsonpMapper()))
            .append('\n');
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
    awaitSearchable(rawIndex, "filingId", filingId, cases);
    double rawSeconds = seconds(start);
    elasticsearch.indices().delete(d -> d.index(rawIndex));

    System.out.printf(
        "%npipeline benchmark, %d cases, load average %.1f at start, %d processors:%n"
            + "  filed -> searchable (validate + store + mask + segment + bulk): %.2f s = %.0f cases/s%n"
            + "    job %.2f s: validateFilingStep %.2f s, indexCasesStep %.2f s%n"
            + "  plain _bulk loop of the same documents -> searchable:      %.2f s = %.0f cases/s%n"
            + "  ratio pipeline / plain: %.2f%n"
            + "  building the documents alone (read, mask, segment, one thread): %.2f s = %.0f cases/s%n",
        cases,
        load,
        Runtime.getRuntime().availableProcessors(),
        pipelineSeconds,
        cases / pipelineSeconds,
        processed,
        steps.getOrDefault("validateFilingStep", 0.0),
        steps.getOrDefault("indexCasesStep", 0.0),
        rawSeconds,
        cases / rawSeconds,
        rawSeconds / pipelineSeconds,
        buildSeconds,
        cases / buildSeconds);
  }

  private void awaitSearchable(String index, String field, String value, long expected)
      throws Exception {
    long deadline = System.nanoTime() + 300_000_000_000L;
    long count = 0;
    while (System.nanoTime() < deadline) {
      count =
          elasticsearch
              .count(c -> c.index(index).query(q -> q.term(t -> t.field(field).value(value))))
              .count();
      if (count == expected) {
        return;
      }
      Thread.sleep(20);
    }
    assertThat(count).as("searchable documents in " + index).isEqualTo(expected);
  }

  private Map<String, Double> stepSeconds(String filingId) {
    return jdbc
        .sql(
            """
            SELECT s.step_name, extract(epoch FROM s.end_time - s.start_time) AS seconds
              FROM batch_step_execution s
              JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
             WHERE p.parameter_name = 'filingId' AND p.parameter_value = ?
            """)
        .param(filingId)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getDouble(2)))
        .list()
        .stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}

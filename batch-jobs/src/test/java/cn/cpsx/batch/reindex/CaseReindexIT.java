package cn.cpsx.batch.reindex;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.batch.filing.FilingJobs;
import cn.cpsx.batch.filing.TestInbox;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Blue/green rebuild of the case index from PostgreSQL on the real servers. */
@SpringBootTest
@ActiveProfiles("it")
class CaseReindexIT {

  static final String BANK = "91110000770914530P";

  /** The tests' alias (cpsx-test-cases in CI; an engineer's own alias on a shared stack). */
  @Value("${cpsx.search.case-alias}")
  String alias;

  @Autowired JobOperator jobOperator;
  @Autowired Job caseReindexJob;
  @Autowired ElasticsearchClient elasticsearch;
  @Autowired JdbcClient jdbc;

  @Autowired FilingJobs filings;

  @Test
  void rebuildsEveryCurrentCaseIntoANewIndexAndMovesTheAlias() throws Exception {
    // Cases to rebuild, even on an engineer's empty test database.
    String filingId = TestInbox.put(jdbc, BANK, "CASES", casesFiling(50));
    assertThat(filings.process(filingId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    Set<String> before = aliasTargets();

    JobExecution run =
        jobOperator.start(
            caseReindexJob,
            new JobParametersBuilder().addLong("requestedAt", System.nanoTime()).toJobParameters());

    assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    Set<String> after = aliasTargets();
    assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
    for (String old : before) {
      assertThat(elasticsearch.indices().exists(e -> e.index(old)).value()).as(old).isFalse();
    }
    // No refresh here: the job refreshed the new index before the swap, so a search through the
    // alias counts every case as soon as the job returns.
    long documents = elasticsearch.count(c -> c.index(alias)).count();
    long cases = jdbc.sql("SELECT count(*) FROM complaint_case").query(Long.class).single();
    assertThat(documents).isEqualTo(cases);
  }

  private static String casesFiling(int cases) {
    String receivedAt =
        OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).withNano(0).toString();
    String records =
        IntStream.range(0, cases)
            .mapToObj(
                i ->
                    """
                    {"caseNo":"REINDEX-%s","receivedAt":"%s","channel":"PHONE",
                     "businessCategory":"WEALTH","reason":"FUNDS_SECURITY","demand":"REFUND",
                     "region":"110105","narrative":"客户反映理财产品到期后本金未到账。",
                     "status":"RECEIVED"}"""
                        .formatted(UUID.randomUUID(), receivedAt))
            .collect(Collectors.joining(","));
    return """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[%s]}"""
        .formatted(BANK, records);
  }

  private Set<String> aliasTargets() throws Exception {
    return elasticsearch.indices().getAlias(a -> a.name(alias)).aliases().keySet();
  }
}

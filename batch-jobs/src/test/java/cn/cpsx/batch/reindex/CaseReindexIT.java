package cn.cpsx.batch.reindex;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.Set;
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

  /** The tests' alias (cpsx-test-cases in CI; an engineer's own alias on a shared stack). */
  @Value("${cpsx.search.case-alias}")
  String alias;

  @Autowired JobOperator jobOperator;
  @Autowired Job caseReindexJob;
  @Autowired ElasticsearchClient elasticsearch;
  @Autowired JdbcClient jdbc;

  @Test
  void rebuildsEveryCurrentCaseIntoANewIndexAndMovesTheAlias() throws Exception {
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
    elasticsearch.indices().refresh(r -> r.index(alias));
    long documents = elasticsearch.count(c -> c.index(alias)).count();
    long cases = jdbc.sql("SELECT count(*) FROM complaint_case").query(Long.class).single();
    assertThat(documents).isEqualTo(cases);
  }

  private Set<String> aliasTargets() throws Exception {
    return elasticsearch.indices().getAlias(a -> a.name(alias)).aliases().keySet();
  }
}

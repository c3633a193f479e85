package cn.cpsx.batch.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import cn.cpsx.batch.indexing.CaseIndexSetup;
import cn.cpsx.batch.indexing.CaseIndexWriter;
import cn.cpsx.batch.indexing.SearchIndexProperties;
import cn.cpsx.schemas.database.JobHistory.CaseReindex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.ListableStepLocator;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code caseReindexJob} is built with the names the portal reads its runs by ({@link
 * CaseReindex}): a step named by a literal that differs fails here, not on the portal's progress
 * page.
 */
class CaseReindexJobNamesTest {

  @Test
  @SuppressWarnings("unchecked")
  void theJobAndItsStepsCarryTheSharedNames() {
    CaseReindexJobConfiguration configuration = new CaseReindexJobConfiguration();
    JobRepository repository = mock(JobRepository.class);
    PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    ElasticsearchClient client = mock(ElasticsearchClient.class);
    CaseIndexSetup setup = mock(CaseIndexSetup.class);
    SearchIndexProperties search = new SearchIndexProperties("cases", false);

    Job job =
        configuration.caseReindexJob(
            repository,
            configuration.createTargetIndexStep(repository, transactions, client, setup, search),
            configuration.reindexCasesStep(
                repository,
                transactions,
                mock(JdbcCursorItemReader.class),
                mock(CaseIndexWriter.class)),
            configuration.swapAliasStep(
                repository, transactions, client, search, setup, mock(JdbcClient.class)));

    assertThat(job.getName()).isEqualTo(CaseReindex.JOB);
    assertThat(((ListableStepLocator) job).getStepNames())
        .containsExactly(
            CaseReindex.CREATE_TARGET_STEP, CaseReindex.REINDEX_STEP, CaseReindex.SWAP_ALIAS_STEP);
  }
}

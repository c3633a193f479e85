package cn.cpsx.batch.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import cn.cpsx.batch.filing.FilingProcessingJobConfiguration.IndexedCountRecorder;
import cn.cpsx.batch.indexing.CaseDocumentReadAhead;
import cn.cpsx.batch.indexing.CaseIndexSetup;
import cn.cpsx.batch.indexing.SearchIndexProperties;
import cn.cpsx.schemas.database.JobHistory.FilingProcessing;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.ListableStepLocator;
import org.springframework.batch.core.step.Step;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code filingProcessingJob} is built with the names the portal reads its runs by ({@link
 * FilingProcessing}): a step named by a literal that differs fails here, not on the portal's
 * progress page.
 */
class FilingProcessingJobNamesTest {

  private final FilingProcessingJobConfiguration configuration =
      new FilingProcessingJobConfiguration();
  private final JobRepository repository = mock(JobRepository.class);
  private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);

  @Test
  void theJobAndItsStepsCarryTheSharedNames() {
    Step validate =
        configuration.validateFilingStep(
            repository, transactions, mock(ValidateFilingTasklet.class));
    Step index =
        configuration.indexCasesStep(
            repository,
            transactions,
            mock(CaseDocumentReadAhead.class),
            mock(ElasticsearchClient.class),
            mock(CaseIndexSetup.class),
            new SearchIndexProperties("cases", false),
            mock(IndexedCountRecorder.class));

    Job job =
        configuration.filingProcessingJob(
            repository, validate, index, mock(FilingJobOutcome.class));

    assertThat(job.getName()).isEqualTo(FilingProcessing.JOB);
    assertThat(((ListableStepLocator) job).getStepNames())
        .containsExactly(FilingProcessing.VALIDATE_STEP, FilingProcessing.INDEX_STEP);
  }

  @Test
  void aFilingsRunIsIdentifiedByTheSharedParameterName() {
    assertThat(FilingJobs.parameters("F-1").getString(FilingProcessing.FILING_ID)).isEqualTo("F-1");
  }
}

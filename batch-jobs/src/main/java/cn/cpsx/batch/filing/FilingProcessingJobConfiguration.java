package cn.cpsx.batch.filing;

import cn.cpsx.batch.indexing.BuiltCaseWriter;
import cn.cpsx.batch.indexing.CaseDocumentReadAhead;
import cn.cpsx.batch.indexing.CaseIndexSetup;
import cn.cpsx.batch.indexing.IndexableCase;
import cn.cpsx.batch.indexing.SearchIndexProperties;
import cn.cpsx.batch.indexing.StoredCase;
import cn.cpsx.batch.institution.InstitutionRegistry;
import cn.cpsx.schemas.FilingHistory;
import cn.cpsx.schemas.FilingValidator;
import cn.cpsx.schemas.database.JobHistory.FilingProcessing;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import javax.sql.DataSource;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code filingProcessingJob(filingId)}: {@code validateFilingStep} then {@code indexCasesStep}.
 * Job, step and parameter names are part of the job repository's history and the portal reads them:
 * they are defined once, in {@link FilingProcessing}.
 */
@Configuration(proxyBeanMethods = false)
class FilingProcessingJobConfiguration {

  static final String JOB_NAME = FilingProcessing.JOB;

  /**
   * Cases per committed chunk; the reader builds the next chunk's documents while the writer sends
   * this one's.
   */
  static final int INDEX_CHUNK = 1000;

  @Bean
  Job filingProcessingJob(
      JobRepository jobRepository,
      Step validateFilingStep,
      Step indexCasesStep,
      FilingJobOutcome outcome) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .start(validateFilingStep)
        .next(indexCasesStep)
        .listener(outcome)
        .build();
  }

  @Bean
  FilingValidator filingValidator() {
    return new FilingValidator();
  }

  @Bean
  Step validateFilingStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      ValidateFilingTasklet validateFilingTasklet) {
    return new StepBuilder(FilingProcessing.VALIDATE_STEP, jobRepository)
        .tasklet(validateFilingTasklet, transactionManager)
        .build();
  }

  @Bean
  @StepScope
  ValidateFilingTasklet validateFilingTasklet(
      @Value("#{jobParameters['filingId']}") String filingId,
      JdbcClient jdbc,
      FilingValidator validator,
      InstitutionRegistry registry,
      FilingHistory history,
      org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
    return new ValidateFilingTasklet(filingId, jdbc, validator, registry, history, jdbcTemplate);
  }

  @Bean
  Step indexCasesStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      CaseDocumentReadAhead storedCaseReader,
      ElasticsearchClient client,
      CaseIndexSetup setup,
      SearchIndexProperties search,
      IndexedCountRecorder recorder) {
    return new StepBuilder(FilingProcessing.INDEX_STEP, jobRepository)
        .<IndexableCase, IndexableCase>chunk(INDEX_CHUNK)
        .transactionManager(transactionManager)
        .reader(storedCaseReader)
        .writer(new BuiltCaseWriter(client, setup, search.caseAlias()))
        .listener(recorder)
        .build();
  }

  /**
   * The accepted live case versions of the filing, in record order (restartable position), their
   * search documents built a chunk ahead of the writer.
   */
  @Bean
  @StepScope
  CaseDocumentReadAhead storedCaseReader(
      @Value("#{jobParameters['filingId']}") String filingId,
      DataSource dataSource,
      ElasticsearchClient client) {
    return new CaseDocumentReadAhead(
        storedCases(filingId, dataSource), INDEX_CHUNK, client._jsonpMapper());
  }

  private static JdbcCursorItemReader<StoredCase> storedCases(
      String filingId, DataSource dataSource) {
    return new JdbcCursorItemReaderBuilder<StoredCase>()
        .name("storedCaseReader")
        .dataSource(dataSource)
        .sql(
            """
            SELECT v.institution_uscc, i.short_name, i.type, v.case_no, v.filing_id,
                   v.filing_seq, f.received_at, v.record::text AS record
              FROM complaint_case_version v
              JOIN filing f ON f.filing_id = v.filing_id
              LEFT JOIN institution i ON i.uscc = v.institution_uscc
             WHERE v.filing_id = ?
             ORDER BY v.record_index
            """)
        .preparedStatementSetter(ps -> ps.setString(1, filingId))
        .fetchSize(INDEX_CHUNK)
        .connectionAutoCommit(false) // PostgreSQL streams a cursor only outside autocommit
        .rowMapper(StoredCase.ROWS)
        .build();
  }

  /** Records on the filing how many cases reached the index, once the step completes. */
  @Bean
  IndexedCountRecorder indexedCountRecorder(JdbcClient jdbc) {
    return new IndexedCountRecorder(jdbc);
  }

  static final class IndexedCountRecorder implements StepExecutionListener {
    private final JdbcClient jdbc;

    IndexedCountRecorder(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
      if (ExitStatus.COMPLETED.getExitCode().equals(step.getExitStatus().getExitCode())) {
        jdbc.sql(
                """
                UPDATE filing SET indexed_at = now(),
                       indexed_count = (SELECT count(*) FROM complaint_case_version v
                                         WHERE v.filing_id = filing.filing_id)
                 WHERE filing_id = ?
                """)
            .param(step.getJobExecution().getJobParameters().getString("filingId"))
            .update();
      }
      return step.getExitStatus();
    }
  }
}

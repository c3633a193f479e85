package cn.cpsx.batch.reindex;

import cn.cpsx.batch.indexing.CaseIndexSetup;
import cn.cpsx.batch.indexing.CaseIndexWriter;
import cn.cpsx.batch.indexing.SearchIndexProperties;
import cn.cpsx.batch.indexing.StoredCase;
import cn.cpsx.batch.job.OperatorJob;
import cn.cpsx.schemas.database.JobHistory.CaseReindex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code caseReindexJob}: {@code createTargetIndexStep} makes {@code <alias>-v<n+1>}; {@code
 * reindexCasesStep} loads every current case into it; {@code swapAliasStep} refreshes it, so that
 * searches find every case at once, and moves the alias in one atomic request, re-writes the cases
 * of filings validated while the job ran (they went to the old index), and deletes the old index.
 * The names are fixed and the portal reads them: {@link CaseReindex}.
 */
@Configuration(proxyBeanMethods = false)
class CaseReindexJobConfiguration {

  static final String JOB_NAME = CaseReindex.JOB;
  private static final Logger log = LoggerFactory.getLogger(CaseReindexJobConfiguration.class);
  private static final String TARGET = "targetIndex";
  private static final String STARTED = "startedAt";

  private static final String CURRENT_CASES =
      """
      SELECT c.institution_uscc, i.short_name, i.type, c.case_no, c.filing_id, c.filing_seq,
             f.received_at, c.record::text AS record
        FROM complaint_case c
        JOIN filing f ON f.filing_id = c.filing_id
        LEFT JOIN institution i ON i.uscc = c.institution_uscc
      """;

  @Bean
  Job caseReindexJob(
      JobRepository jobRepository,
      Step createTargetIndexStep,
      Step reindexCasesStep,
      Step swapAliasStep) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .start(createTargetIndexStep)
        .next(reindexCasesStep)
        .next(swapAliasStep)
        .build();
  }

  /**
   * Operators rebuild the index with {@code POST /jobs/case-reindex} (scripts/cpsx reindex): a new
   * instance each time; a failed one is restarted with {@code POST /jobs/executions/{id}/restart}.
   */
  @Bean
  OperatorJob caseReindexOperatorJob(Job caseReindexJob) {
    return new OperatorJob(
        "case-reindex",
        caseReindexJob,
        request ->
            new JobParametersBuilder()
                .addLong("requestedAt", System.currentTimeMillis())
                .toJobParameters());
  }

  @Bean
  Step createTargetIndexStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      ElasticsearchClient client,
      CaseIndexSetup setup,
      SearchIndexProperties search) {
    return new StepBuilder(CaseReindex.CREATE_TARGET_STEP, jobRepository)
        .tasklet(
            (contribution, chunk) -> {
              setup.ensureIndex();
              String alias = search.caseAlias();
              int next =
                  versionedIndices(client, alias).stream()
                          .map(
                              index ->
                                  Integer.parseInt(index.substring(index.lastIndexOf("-v") + 2)))
                          .max(Comparator.naturalOrder())
                          .orElse(0)
                      + 1;
              String target = alias + "-v" + next;
              setup.create(target, null);
              ExecutionContext job =
                  chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
              job.putString(TARGET, target);
              job.putString(STARTED, OffsetDateTime.now().toString());
              log.info("reindexing cases into {}", target);
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }

  @Bean
  Step reindexCasesStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      JdbcCursorItemReader<StoredCase> currentCaseReader,
      CaseIndexWriter reindexWriter) {
    return new StepBuilder(CaseReindex.REINDEX_STEP, jobRepository)
        .<StoredCase, StoredCase>chunk(1000)
        .transactionManager(transactionManager)
        .reader(currentCaseReader)
        .writer(reindexWriter)
        .build();
  }

  @Bean
  @StepScope
  JdbcCursorItemReader<StoredCase> currentCaseReader(DataSource dataSource) {
    return new JdbcCursorItemReaderBuilder<StoredCase>()
        .name("currentCaseReader")
        .dataSource(dataSource)
        .sql(CURRENT_CASES + " ORDER BY c.institution_uscc, c.case_no")
        .fetchSize(1000)
        .connectionAutoCommit(false) // PostgreSQL streams a cursor only outside autocommit
        .rowMapper(StoredCase.ROWS)
        .build();
  }

  @Bean
  @JobScope
  CaseIndexWriter reindexWriter(
      ElasticsearchClient client,
      CaseIndexSetup setup,
      @Value("#{jobExecutionContext['targetIndex']}") String target) {
    return new CaseIndexWriter(client, setup, target);
  }

  @Bean
  Step swapAliasStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      ElasticsearchClient client,
      SearchIndexProperties search,
      CaseIndexSetup setup,
      JdbcClient jdbc) {
    return new StepBuilder(CaseReindex.SWAP_ALIAS_STEP, jobRepository)
        .tasklet(
            (contribution, chunk) -> {
              ExecutionContext job =
                  chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
              String target = job.getString(TARGET);
              String alias = search.caseAlias();
              List<String> old = currentIndices(client, alias);
              // Searches through the alias must find every case from the first moment: without
              // this, a count right after the swap missed the cases of the last second's chunks.
              client.indices().refresh(r -> r.index(target));
              client
                  .indices()
                  .updateAliases(
                      u -> {
                        for (String index : old) {
                          u.actions(a -> a.remove(r -> r.index(index).alias(alias)));
                        }
                        return u.actions(
                            a -> a.add(r -> r.index(target).alias(alias).isWriteIndex(true)));
                      });
              // Filings validated while the job ran were indexed into the old index: write them
              // again.
              List<StoredCase> docs =
                  jdbc.sql(CURRENT_CASES + " WHERE f.validated_at >= ?::timestamptz")
                      .param(job.getString(STARTED))
                      .query(StoredCase.ROWS)
                      .list();
              if (!docs.isEmpty()) {
                new CaseIndexWriter(client, setup, alias).write(new Chunk<>(docs));
              }
              // The old index, and any target a failed earlier run left behind.
              for (String index : versionedIndices(client, alias)) {
                if (!index.equals(target)) {
                  client.indices().delete(d -> d.index(index));
                }
              }
              log.info(
                  "alias {} now on {} (was {}); {} late cases re-written",
                  alias,
                  target,
                  old,
                  docs.size());
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }

  private static List<String> currentIndices(ElasticsearchClient client, String alias)
      throws java.io.IOException {
    GetAliasResponse response = client.indices().getAlias(a -> a.name(alias));
    return new ArrayList<>(response.aliases().keySet());
  }

  /** Every {@code <alias>-v<n>} index, in the alias or not. */
  private static List<String> versionedIndices(ElasticsearchClient client, String alias)
      throws java.io.IOException {
    return new ArrayList<>(
        client.indices().get(g -> g.index(alias + "-v*").allowNoIndices(true)).indices().keySet());
  }
}

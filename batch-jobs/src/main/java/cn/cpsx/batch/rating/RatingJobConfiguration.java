package cn.cpsx.batch.rating;

import cn.cpsx.batch.job.OperatorJob;
import cn.cpsx.schemas.rating.RatingPeriod;
import java.time.Instant;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code ratingJob}, identified by {@code runId} (a row of {@code rating_run}: period, data
 * cut-off, methodology). Two steps, each one transaction: collect the figures, then write the
 * drafts. A run that failed is restarted with the same runId and redoes only the step that did not
 * complete; the same run can never be computed twice. Names are fixed: never rename them.
 */
@Configuration(proxyBeanMethods = false)
class RatingJobConfiguration {

  static final String JOB_NAME = "ratingJob";

  @Bean
  Job ratingJob(
      JobRepository jobRepository, Step collectRatingFiguresStep, Step writeRatingDraftsStep) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .start(collectRatingFiguresStep)
        .next(writeRatingDraftsStep)
        .build();
  }

  /** Operators compute a period's ratings with {@code POST /jobs/rating?period=2025}. */
  @Bean
  OperatorJob ratingOperatorJob(Job ratingJob, RatingJobs ratings) {
    return new OperatorJob("rating", ratingJob, ratings::operatorRequest);
  }

  @Bean
  Step collectRatingFiguresStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      RatingFiguresCollection collection,
      JdbcClient jdbc) {
    return new StepBuilder("collectRatingFiguresStep", jobRepository)
        .tasklet(
            (contribution, context) -> {
              long runId = (Long) context.getStepContext().getJobParameters().get("runId");
              RunToCompute run =
                  jdbc.sql("SELECT period, data_cutoff FROM rating_run WHERE id = ?")
                      .param(runId)
                      .query(
                          (rs, n) ->
                              new RunToCompute(
                                  RatingPeriod.parse(rs.getString(1)).orElseThrow(),
                                  rs.getTimestamp(2).toInstant()))
                      .single();
              contribution.incrementWriteCount(
                  collection.collect(runId, run.period(), run.cutoff()));
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }

  @Bean
  Step writeRatingDraftsStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      RatingDrafts drafts) {
    return new StepBuilder("writeRatingDraftsStep", jobRepository)
        .tasklet(
            (contribution, context) -> {
              long runId = (Long) context.getStepContext().getJobParameters().get("runId");
              contribution.incrementWriteCount(drafts.write(runId));
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }

  private record RunToCompute(RatingPeriod period, Instant cutoff) {}
}

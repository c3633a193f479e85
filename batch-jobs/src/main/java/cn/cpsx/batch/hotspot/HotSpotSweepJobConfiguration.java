package cn.cpsx.batch.hotspot;

import cn.cpsx.batch.job.OperatorJob;
import java.time.LocalDate;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code hotSpotSweepJob} with the identifying parameter {@code week} (its Monday, yyyy-MM-dd): one
 * run per week; a failed run is restarted with the same parameter and, being one transaction,
 * either wrote all of that week's hot spots or none. Names are fixed: never rename them.
 */
@Configuration(proxyBeanMethods = false)
class HotSpotSweepJobConfiguration {

  static final String JOB_NAME = "hotSpotSweepJob";

  @Bean
  Job hotSpotSweepJob(JobRepository jobRepository, Step flagHotSpotsStep) {
    return new JobBuilder(JOB_NAME, jobRepository).start(flagHotSpotsStep).build();
  }

  /** Operators run a week's sweep with {@code POST /jobs/hot-spots?week=<its Monday>}. */
  @Bean
  OperatorJob hotSpotsOperatorJob(Job hotSpotSweepJob, HotSpotJobs jobs) {
    return new OperatorJob("hot-spots", hotSpotSweepJob, jobs::operatorRequest);
  }

  @Bean
  Step flagHotSpotsStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      HotSpotSweep sweep) {
    return new StepBuilder("flagHotSpotsStep", jobRepository)
        .tasklet(
            (contribution, context) -> {
              String week = context.getStepContext().getJobParameters().get("week").toString();
              contribution.incrementWriteCount(sweep.sweep(LocalDate.parse(week)));
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }
}

package cn.cpsx.batch.report;

import cn.cpsx.batch.job.OperatorJob;
import cn.cpsx.schemas.rating.RatingPeriod;
import java.time.Instant;
import java.util.Locale;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code reportJob}, identified by {@code reportId} (a row of {@code report_version}: period, data
 * cut-off, methodology). Two steps, each one transaction: collect the figures, then render them
 * (HTML and PDF, Chinese and English) and turn the row into a DRAFT. A failure rolls its step back,
 * marks the row FAILED with its cause and leaves nothing a supervisor could publish; a retry
 * restarts the same job instance, which redoes only the step that did not complete. Names are
 * fixed: never rename them.
 */
@Configuration(proxyBeanMethods = false)
class ReportJobConfiguration {

  static final String JOB_NAME = "reportJob";

  /** Operators generate a new version of a period's report with {@code POST /jobs/report}. */
  @Bean
  OperatorJob reportOperatorJob(Job reportJob, ReportJobs reports) {
    return new OperatorJob("report", reportJob, reports::operatorRequest);
  }

  @Bean
  Job reportJob(
      JobRepository jobRepository,
      Step collectReportFiguresStep,
      Step renderReportStep,
      JdbcClient jdbc) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .listener(new FailureCause(jdbc))
        .start(collectReportFiguresStep)
        .next(renderReportStep)
        .build();
  }

  @Bean
  Step collectReportFiguresStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      ReportFiguresCollection collection,
      JdbcClient jdbc) {
    return new StepBuilder("collectReportFiguresStep", jobRepository)
        .tasklet(
            (contribution, context) -> {
              long reportId = (Long) context.getStepContext().getJobParameters().get("reportId");
              Requested report =
                  jdbc.sql(
                          "SELECT period, data_cutoff, methodology_version FROM report_version WHERE id = ?")
                      .param(reportId)
                      .query(
                          (rs, n) ->
                              new Requested(
                                  ReportFiguresCollection.parse(rs.getString(1)),
                                  rs.getTimestamp(2).toInstant(),
                                  rs.getString(3)))
                      .single();
              JsonNode figures =
                  collection.collect(report.period(), report.cutoff(), report.methodology());
              jdbc.sql("UPDATE report_version SET figures = ?::jsonb WHERE id = ?")
                  .params(JsonMapper.shared().writeValueAsString(figures), reportId)
                  .update();
              contribution.incrementWriteCount(1);
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }

  @Bean
  Step renderReportStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      ReportDocument document,
      JdbcClient jdbc) {
    return new StepBuilder("renderReportStep", jobRepository)
        .tasklet(
            (contribution, context) -> {
              long reportId = (Long) context.getStepContext().getJobParameters().get("reportId");
              JsonNode figures =
                  JsonMapper.shared()
                      .readTree(
                          jdbc.sql("SELECT figures::text FROM report_version WHERE id = ?")
                              .param(reportId)
                              .query(String.class)
                              .single());
              ReportDocument.Rendered zh = document.render(figures, Locale.SIMPLIFIED_CHINESE);
              ReportDocument.Rendered en = document.render(figures, Locale.ENGLISH);
              int drafted =
                  jdbc.sql(
                          """
                          UPDATE report_version
                             SET html_zh = ?, html_en = ?, pdf_zh = ?, pdf_en = ?,
                                 generated_at = now(), status = 'DRAFT', failure = NULL
                           WHERE id = ? AND status IN ('REQUESTED', 'FAILED')
                          """)
                      .params(zh.html(), en.html(), zh.pdf(), en.pdf(), reportId)
                      .update();
              contribution.incrementWriteCount(drafted);
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }

  private record Requested(RatingPeriod period, Instant cutoff, String methodology) {}

  /** Writes why a run failed onto its report row, where the supervisor's page shows it. */
  private record FailureCause(JdbcClient jdbc) implements JobExecutionListener {
    @Override
    public void afterJob(JobExecution execution) {
      if (!execution.getStatus().isUnsuccessful()) {
        return;
      }
      Object id = execution.getJobParameters().getParameter("reportId").value();
      String cause =
          execution.getAllFailureExceptions().stream()
              .map(FailureCause::rootMessage)
              .findFirst()
              .orElse(execution.getExitStatus().getExitDescription());
      jdbc.sql(
              """
              UPDATE report_version SET status = 'FAILED', failure = ?
               WHERE id = ? AND status IN ('REQUESTED', 'FAILED')
              """)
          .params(cause == null ? "unknown" : cause, id)
          .update();
    }

    private static String rootMessage(Throwable t) {
      Throwable root = t;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message = root == t ? t.toString() : t.getMessage() + " — " + root;
      return message.length() > 2000 ? message.substring(0, 2000) : message;
    }
  }
}

package cn.cpsx.batch.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.search.document.CaseSearchDocument;
import cn.cpsx.search.segmentation.ChineseSegmenter;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The filing job against the real PostgreSQL and Elasticsearch of scripts/stack. */
@SpringBootTest
@ActiveProfiles("it")
class FilingProcessingJobIT {

  static final String BANK = "91110000770914530P";

  /** The tests' alias (cpsx-test-cases in CI; an engineer's own alias on a shared stack). */
  @Value("${cpsx.search.case-alias}")
  String alias;

  @Autowired FilingJobs jobs;
  @Autowired JobRepository jobRepository;
  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient elasticsearch;

  @Test
  void acceptedCaseIsIndexedMaskedAndFoundByAChineseWord() throws Exception {
    String caseNo = "IT-" + UUID.randomUUID();
    String filingId =
        TestInbox.put(
            jdbc,
            BANK,
            "CASES",
            casesFiling(caseNo, "RECEIVED", "客户王小明来电称理财产品到期后本金迟迟未到账，电话13912345678。"));

    assertThat(jobs.process(filingId).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    assertThat(TestInbox.statusOf(jdbc, filingId)).isEqualTo("ACCEPTED");
    GetResponse<Map> doc =
        elasticsearch.get(g -> g.index(alias).id(BANK + ":" + caseNo), Map.class);
    assertThat(doc.found()).isTrue();
    String narrative = (String) doc.source().get("narrative");
    assertThat(narrative).contains("王**", "139****5678").doesNotContain("王小明", "13912345678");
    elasticsearch.indices().refresh(r -> r.index(alias));
    String query = ChineseSegmenter.segment("本金未到账");
    SearchResponse<Map> hits =
        elasticsearch.search(
            s ->
                s.index(alias)
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.must(m -> m.term(t -> t.field("caseNo").value(caseNo)))
                                        .must(
                                            m ->
                                                m.match(
                                                    t ->
                                                        t.field("narrativeWords")
                                                            .query(query)
                                                            .operator(
                                                                co.elastic.clients.elasticsearch
                                                                    ._types.query_dsl.Operator
                                                                    .And))))),
            Map.class);
    assertThat(hits.hits().hits()).hasSize(1);
  }

  /**
   * PostgreSQL restarted while a run committed (found by the fault suite): Spring Batch ends such a
   * run UNKNOWN and refuses to restart it, so the filing waited forever. The next pass reopens it
   * and the filing is validated and indexed once.
   */
  @Test
  void aRunThatEndedUnknownWhenTheDatabaseWentAwayIsReopenedAndTheFilingFinished()
      throws Exception {
    String caseNo = "IT-UNKNOWN-" + UUID.randomUUID();
    String filingId =
        TestInbox.put(jdbc, BANK, "CASES", casesFiling(caseNo, "RECEIVED", "客户来电称信用卡年费扣收前未告知。"));
    JobParameters parameters = FilingJobs.parameters(filingId);
    JobInstance instance =
        jobRepository.createJobInstance(FilingProcessingJobConfiguration.JOB_NAME, parameters);
    JobExecution cut =
        jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
    StepExecution step = jobRepository.createStepExecution("validateFilingStep", cut);
    step.setStatus(BatchStatus.UNKNOWN);
    step.setEndTime(LocalDateTime.now());
    jobRepository.update(step);
    cut.setStatus(BatchStatus.UNKNOWN);
    cut.setEndTime(LocalDateTime.now());
    jobRepository.update(cut);

    JobExecution rerun = jobs.process(filingId);

    assertThat(rerun).isNotNull();
    assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(rerun.getJobInstanceId()).isEqualTo(instance.getInstanceId());
    assertThat(jobRepository.getJobExecution(cut.getId()).getStatus())
        .isEqualTo(BatchStatus.FAILED);
    assertThat(TestInbox.statusOf(jdbc, filingId)).isEqualTo("ACCEPTED");
    assertThat(elasticsearch.get(g -> g.index(alias).id(BANK + ":" + caseNo), Map.class).found())
        .isTrue();
  }

  @Test
  void xmlFilingFromSoapIsValidatedAndIndexedLikeJson() throws Exception {
    String caseNo = "IT-XML-" + UUID.randomUUID();
    String filingId =
        TestInbox.putSoapXml(
            jdbc,
            BANK,
            "CASES",
            """
            <filing xmlns="https://cpsx.cn/schemas/filing/v1"><specVersion>1</specVersion>
              <filingType>CASES</filingType><institution>%s</institution><mode>LIVE</mode>
              <cases><case><caseNo>%s</caseNo><receivedAt>%s</receivedAt><channel>LETTER</channel>
                <businessCategory>INSURANCE_LIFE</businessCategory><reason>CLAIMS</reason>
                <demand>COMPENSATION</demand><region>510107</region><extended>true</extended>
                <narrative>客户重疾险理赔申请被拒，保险公司以未如实告知为由拒赔。</narrative>
                <status>RECEIVED</status></case></cases></filing>
            """
                .formatted(
                    BANK,
                    caseNo,
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8))
                        .minusDays(1)
                        .withNano(0)));

    jobs.process(filingId);

    assertThat(TestInbox.statusOf(jdbc, filingId)).isEqualTo("ACCEPTED");
    // read back typed, as the portal reads hits: the app's client mapper both ways
    CaseSearchDocument doc =
        elasticsearch
            .get(g -> g.index(alias).id(BANK + ":" + caseNo), CaseSearchDocument.class)
            .source();
    assertThat(doc.extended()).isTrue();
    assertThat(doc.deadline()).isEqualTo(doc.receivedAt().plusDays(30));
    assertThat(doc.receivedAt().getOffset()).isEqualTo(java.time.ZoneOffset.ofHours(8));
  }

  @Test
  void malformedFilingIsRejectedWithF001AndNothingIsIndexed() {
    String truncated = "{\"specVersion\": \"1\", \"note\": \"" + UUID.randomUUID() + "\", ";
    String filingId =
        TestInbox.put(jdbc, BANK, "CASES", truncated.getBytes(StandardCharsets.UTF_8));

    jobs.process(filingId);

    assertThat(TestInbox.statusOf(jdbc, filingId)).isEqualTo("REJECTED");
    assertThat(
            jdbc.sql("SELECT rule FROM validation_finding WHERE filing_id = ?")
                .param(filingId)
                .query(String.class)
                .list())
        .containsExactly("F001");
    assertThat(
            jdbc.sql("SELECT count(*) FROM complaint_case_version WHERE filing_id = ?")
                .param(filingId)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void newestVersionWinsEvenWhenTheOlderFilingIsProcessedLast() throws Exception {
    String caseNo = "IT-" + UUID.randomUUID();
    String older =
        TestInbox.put(jdbc, BANK, "CASES", casesFiling(caseNo, "RECEIVED", "客户投诉信用卡分期手续费说明不清楚。"));
    String newer =
        TestInbox.put(
            jdbc, BANK, "CASES", casesFiling(caseNo, "IN_PROGRESS", "客户投诉信用卡分期手续费说明不清楚，已转专人处理。"));

    jobs.process(newer);
    jobs.process(older);

    GetResponse<Map> doc =
        elasticsearch.get(g -> g.index(alias).id(BANK + ":" + caseNo), Map.class);
    assertThat(doc.source().get("status")).isEqualTo("IN_PROGRESS");
    assertThat(doc.source().get("filingId")).isEqualTo(newer);
    assertThat(
            jdbc.sql("SELECT filing_id FROM complaint_case WHERE case_no = ?")
                .param(caseNo)
                .query(String.class)
                .single())
        .isEqualTo(newer);
    assertThat(
            jdbc.sql("SELECT count(*) FROM complaint_case_version WHERE case_no = ?")
                .param(caseNo)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void processingAFilingTwiceChangesNothing() {
    String filingId =
        TestInbox.put(
            jdbc,
            BANK,
            "CASES",
            casesFiling("IT-" + UUID.randomUUID(), "RECEIVED", "客户反映网点排队时间过长，服务态度差。"));

    jobs.process(filingId);
    jobs.process(filingId);

    assertThat(
            jdbc.sql("SELECT count(*) FROM validation_finding WHERE filing_id = ?")
                .param(filingId)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT indexed_count FROM filing WHERE filing_id = ?")
                .param(filingId)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  private static byte[] casesFiling(String caseNo, String status, String narrative) {
    return """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[
          {"caseNo":"%s","receivedAt":"%s","channel":"PHONE","businessCategory":"WEALTH",
           "reason":"FUNDS_SECURITY","demand":"REFUND","region":"110105",
           "complainant":{"name":"王小明","phone":"13912345678"},
           "narrative":"%s","status":"%s"}]}
        """
        .formatted(
            BANK,
            caseNo,
            java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusDays(1).withNano(0),
            narrative,
            status)
        .getBytes(StandardCharsets.UTF_8);
  }
}

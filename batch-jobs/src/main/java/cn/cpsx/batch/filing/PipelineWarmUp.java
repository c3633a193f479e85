package cn.cpsx.batch.filing;

import cn.cpsx.batch.indexing.CaseDocuments;
import cn.cpsx.batch.indexing.StoredCase;
import cn.cpsx.schemas.FilingContext;
import cn.cpsx.schemas.FilingHistory;
import cn.cpsx.schemas.FilingValidation;
import cn.cpsx.schemas.FilingValidator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs a made-up filing through validation and document building once at start-up, in memory
 * (nothing is stored or indexed): the JSON Schemas, the segmenter's and the name recogniser's
 * dictionaries load and the JIT compiles the hot paths before the first real filing, which would
 * otherwise pay a few seconds for it.
 */
@Component
public class PipelineWarmUp {

  private static final Logger log = LoggerFactory.getLogger(PipelineWarmUp.class);
  private static final String USCC = "91110000416538280L";
  private static final int CASES = 500;

  private final FilingValidator validator;

  PipelineWarmUp(FilingValidator validator) {
    this.validator = validator;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    long start = System.nanoTime();
    OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0);
    FilingValidation result =
        validator.validateJson(
            madeUpFiling(USCC, "WARM-", CASES, receivedAt).getBytes(StandardCharsets.UTF_8),
            new FilingContext(USCC, Instant.now(), uscc -> true, FilingHistory.none()));
    CaseDocuments documents = new CaseDocuments();
    for (FilingValidation.AcceptedCase accepted : result.acceptedCases()) {
      documents.process(
          new StoredCase(
              USCC,
              "预热",
              "BANK_LARGE",
              accepted.caseNo(),
              "WARM-UP",
              1,
              receivedAt,
              accepted.record().toString()));
    }
    log.info(
        "filing pipeline warmed up in {} ms ({} of {} made-up cases accepted)",
        (System.nanoTime() - start) / 1_000_000,
        result.acceptedCases().size(),
        CASES);
  }

  /**
   * A valid live CASES filing of {@code count} made-up cases (case numbers {@code prefix} + index),
   * with personal data in every record to mask; the benchmark files the same kind.
   */
  public static String madeUpFiling(
      String uscc, String prefix, int count, OffsetDateTime receivedAt) {
    String[] narratives = {
      "客户王小明来电称信用卡年费未经告知即被扣收，要求退还年费，联系电话13912345678。",
      "投诉人反映催收人员多次在夜间拨打其亲属电话，言语威胁，要求停止骚扰并道歉。",
      "客户称理财经理承诺保本保收益，实际产品亏损，认为存在误导销售，要求赔偿损失。",
      "消费者李娜反映手机银行转账限额被无故调低，影响正常使用，身份证号110101199003074514。"
    };
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < count; i++) {
      cases
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"caseNo":"%s%05d","receivedAt":"%s","channel":"PHONE",
               "businessCategory":"CREDIT_CARD","reason":"FEES","demand":"REFUND",
               "amountInvolved":"1280.00","region":"440305",
               "complainant":{"name":"王小明","phone":"13912345678","ageBand":"40_59"},
               "narrative":"%s","status":"RECEIVED"}
              """
                  .formatted(prefix, i, receivedAt, narratives[i % narratives.length]));
    }
    return """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[%s]}
        """
        .formatted(uscc, cases);
  }
}

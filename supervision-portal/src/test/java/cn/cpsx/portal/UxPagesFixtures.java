package cn.cpsx.portal;

import cn.cpsx.schemas.FilingContext;
import cn.cpsx.schemas.FilingHistory;
import cn.cpsx.schemas.FilingValidation;
import cn.cpsx.schemas.FilingValidator;
import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.Uscc;
import cn.cpsx.search.document.CaseSearchDocument;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the search, trends and institution pages of issue 17 are tested on, beside {@link
 * CaseFixtures}: an institution of the registry without any case (so its facet value is never among
 * the counted ones), a CSV filing of the officer's bank judged by the real {@link FilingValidator}
 * and stored as batch-jobs stores it, and one accepted case of that bank. Fresh ids every run.
 */
public final class UxPagesFixtures {

  static final String OFFICERS_BANK = "91110000770914530P";

  final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  String quietUscc;
  String quietName;
  public String rejectedFiling;
  FilingValidation rejected;
  public String ownCaseNo;
  String ownCaseFiling;
  OffsetDateTime ownCaseReceivedAt;

  public static UxPagesFixtures load(JdbcClient jdbc, ElasticsearchClient es, String alias)
      throws Exception {
    UxPagesFixtures f = new UxPagesFixtures();
    f.quietInstitution(jdbc);
    f.rejectedCsvFiling(jdbc);
    f.ownCase(jdbc, es, alias);
    return f;
  }

  private void quietInstitution(JdbcClient jdbc) {
    String first17 = "9144030088" + String.format("%07d", new Random().nextInt(10_000_000));
    quietUscc = first17 + Uscc.checkCharacter(first17);
    quietName = "静默机构" + run;
    jdbc.sql(
            """
            INSERT INTO institution (uscc, legal_name_zh, short_name, name_en, type, home_region,
                                     retail_customers, licence_status)
            VALUES (?, ?, ?, ?, 'BANK_RURAL', '110000', 1000, 'ACTIVE')
            ON CONFLICT (uscc) DO NOTHING
            """)
        .params(quietUscc, quietName + "有限公司", quietName, "Quiet Bank " + run)
        .update();
  }

  /**
   * Two records, a blank line between them, the second with an unknown channel: 1 of 2 rejected is
   * over the 20% of REPORTING-SPEC §5, so the filing is REJECTED. The second record is index 1, row
   * 4 of the file.
   */
  private void rejectedCsvFiling(JdbcClient jdbc) throws Exception {
    OffsetDateTime received = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1);
    String csv =
        "caseNo,receivedAt,channel,businessCategory,reason,demand,region,narrative,status\r\n"
            + "UX-"
            + run
            + "-1,"
            + received
            + ",PHONE,CREDIT_CARD,FEES,REFUND,440300,客户称信用卡年费未经告知即被扣收要求退还,RECEIVED\r\n"
            + "\r\n"
            + "UX-"
            + run
            + "-2,"
            + received
            + ",FAX,CREDIT_CARD,FEES,REFUND,440300,客户称信用卡年费未经告知即被扣收要求退还,RECEIVED\r\n";
    byte[] raw = csv.getBytes(StandardCharsets.UTF_8);
    Instant now = Instant.now();
    String name =
        OFFICERS_BANK
            + "_CASES_"
            + LocalDate.now(ZoneOffset.ofHours(8)).format(DateTimeFormatter.BASIC_ISO_DATE)
            + "_"
            + (100_000 + new Random().nextInt(900_000))
            + ".csv";
    rejected =
        new FilingValidator()
            .validateSftpFile(
                raw, name, new FilingContext(OFFICERS_BANK, now, u -> true, FilingHistory.none()));
    rejectedFiling = "FUX-" + UUID.randomUUID();
    // as ValidateFilingTasklet leaves it: a rejected filing accepts nothing, and the index step
    // still completes (with nothing to index), so indexed_at is set
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                received_at, sha256, size_bytes, raw, original_name, status,
                                record_count, accepted_count, rejected_count, validated_at,
                                indexed_at, indexed_count)
            VALUES (?, ?, 'CASES', 'CSV', 'SFTP', 'LIVE', now(), ?, ?, ?, ?, ?, ?, 0, ?, now(),
                    now(), 0)
            """)
        .params(
            rejectedFiling,
            OFFICERS_BANK,
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)),
            raw.length,
            raw,
            name,
            rejected.outcome().name(),
            rejected.totalRecords(),
            rejected.rejectedRecords())
        .update();
    for (Finding finding : rejected.findings()) {
      jdbc.sql(
              """
              INSERT INTO validation_finding (filing_id, rule, severity, record_index, field,
                                              message_zh, message_en)
              VALUES (?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              rejectedFiling,
              finding.rule().name(),
              finding.severity().name(),
              finding.record(),
              finding.field(),
              finding.messageZh(),
              finding.messageEn())
          .update();
    }
  }

  /**
   * One accepted case of the officer's bank, received 20 days ago (the newest of its cases, so it
   * heads its "most recent" list) and still open: overdue. In PostgreSQL and in the index.
   */
  private void ownCase(JdbcClient jdbc, ElasticsearchClient es, String alias) throws Exception {
    ownCaseReceivedAt =
        OffsetDateTime.now(ZoneOffset.ofHours(8))
            .minusDays(20)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    ownCaseNo = "UXOWN-" + run;
    ownCaseFiling = "FUXOWN-" + UUID.randomUUID();
    String sha = UUID.randomUUID().toString().replace("-", "").repeat(2);
    long seq =
        jdbc.sql(
                """
                INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                    received_at, sha256, size_bytes, raw, status, record_count,
                                    accepted_count, rejected_count, validated_at)
                VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', now(), ?, 2, '{}'::bytea,
                        'ACCEPTED', 1, 1, 0, now())
                RETURNING seq
                """)
            .params(ownCaseFiling, OFFICERS_BANK, sha)
            .query(Long.class)
            .single();
    String record =
        """
        {"caseNo":"%s","receivedAt":"%s","channel":"PHONE",
         "businessCategory":"CREDIT_CARD","reason":"FEES","demand":"REFUND","region":"440305",
         "complainant":{"name":"李四","phone":"13912345678"},
         "narrative":"客户李四称信用卡年费未经告知即被扣收，要求退还年费。","status":"IN_PROGRESS"}
        """
            .formatted(ownCaseNo, ownCaseReceivedAt);
    jdbc.sql(
            """
            INSERT INTO complaint_case_version (institution_uscc, case_no, filing_id, filing_seq,
                                                record_index, record)
            VALUES (?, ?, ?, ?, 0, ?::jsonb)
            """)
        .params(OFFICERS_BANK, ownCaseNo, ownCaseFiling, seq, record)
        .update();
    CaseSearchDocument doc =
        CaseSearchDocument.of(
            new CaseSearchDocument.Source(
                OFFICERS_BANK, "华夏国民银行", "BANK_JOINT_STOCK", ownCaseFiling, seq),
            JsonMapper.shared().readTree(record),
            Instant.now());
    es.index(
        i ->
            i.index(alias)
                .id(OFFICERS_BANK + ":" + ownCaseNo)
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.WaitFor)
                .document(doc));
  }
}

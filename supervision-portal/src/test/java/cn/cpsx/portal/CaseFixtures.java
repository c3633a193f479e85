package cn.cpsx.portal;

import cn.cpsx.schemas.Uscc;
import cn.cpsx.search.document.CaseSearchDocument;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.JsonData;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Accepted cases of three institutions of their own (fresh USCCs each run), written the way
 * batch-jobs writes them: a validated filing, case versions and current cases in PostgreSQL, and
 * the search documents built by the same {@link CaseSearchDocument} code in the test index. Tests
 * compute what they expect from {@link #cases()}, never from the index.
 */
public final class CaseFixtures {

  public static final List<String> REASONS =
      List.of("FEES", "CLAIMS", "MIS_SELLING", "DEBT_COLLECTION");
  public static final List<String> CATEGORIES =
      List.of("CREDIT_CARD", "PERSONAL_LOAN", "INSURANCE_LIFE");
  public static final int CASES = 60;

  /** One generated case and the facts tests check against. */
  public record FixtureCase(
      String institution,
      String caseNo,
      OffsetDateTime receivedAt,
      String reason,
      String category,
      String status,
      Double amount,
      boolean overdue,
      String phone,
      JsonNode record) {}

  private final List<String> institutions = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<FixtureCase> cases = new ArrayList<>();

  public List<String> institutions() {
    return institutions;
  }

  public String name(String institution) {
    return names.get(institutions.indexOf(institution));
  }

  public List<FixtureCase> cases() {
    return cases;
  }

  /** Writes the fixture; the index and alias are created from the template if missing. */
  public static CaseFixtures load(JdbcClient jdbc, ElasticsearchClient es, String alias)
      throws Exception {
    ensureIndex(es, alias);
    CaseFixtures fixture = new CaseFixtures();
    Random random = new Random();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES);
    String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    for (int i = 0; i < 3; i++) {
      String first17 = "9144030099" + String.format("%07d", random.nextInt(10_000_000));
      String uscc = first17 + Uscc.checkCharacter(first17);
      String name = "测试银行" + run + "-" + i;
      jdbc.sql(
              """
              INSERT INTO institution (uscc, legal_name_zh, short_name, name_en, type, home_region,
                                       retail_customers, licence_status)
              VALUES (?, ?, ?, ?, 'BANK_CITY', '440300', 100000, 'ACTIVE')
              ON CONFLICT (uscc) DO NOTHING
              """)
          .params(uscc, name + "股份有限公司", name, "Test Bank " + run + " " + i)
          .update();
      fixture.institutions.add(uscc);
      fixture.names.add(name);
    }
    BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.WaitFor);
    for (int i = 0; i < CASES; i++) {
      String institution = fixture.institutions.get(i % 3);
      String caseNo = "FX-" + run + "-" + i;
      OffsetDateTime receivedAt = now.minusDays(2L * i).minusHours(1);
      String reason = REASONS.get(i % 4);
      String category = CATEGORIES.get((i / 3) % 3);
      boolean open = i % 5 < 2;
      String status = open ? (i % 5 == 0 ? "RECEIVED" : "IN_PROGRESS") : "RESOLVED";
      Double amount = i % 7 == 0 ? null : 100.0 * (i + 1);
      String phone = "139" + String.format("%08d", 10_000_000 + i);
      ObjectNode record = JsonMapper.shared().createObjectNode();
      record.put("caseNo", caseNo);
      record.put("receivedAt", receivedAt.toString());
      record.put("channel", i % 2 == 0 ? "PHONE" : "ONLINE");
      record.put("businessCategory", category);
      record.put("reason", reason);
      record.put("demand", "REFUND");
      if (amount != null) {
        record.put("amountInvolved", String.format("%.2f", amount));
      }
      record.put("region", "440305");
      record.putObject("complainant").put("name", "王小明").put("phone", phone);
      record.put(
          "narrative",
          reason.equals("FEES")
              ? "客户称信用卡年费未经告知即被扣收，联系电话" + phone + "，要求退还。"
              : "客户反映理赔进度缓慢，多次催办无果，要求尽快处理。");
      record.put("status", status);
      if (!open) {
        record.put("resolvedAt", receivedAt.plusDays(3).toString());
        record.put("outcome", "UPHELD");
      }
      boolean overdue = open && receivedAt.plusDays(15).isBefore(OffsetDateTime.now());
      fixture.cases.add(
          new FixtureCase(
              institution,
              caseNo,
              receivedAt,
              reason,
              category,
              status,
              amount,
              overdue,
              phone,
              record));
    }
    for (int i = 0; i < 3; i++) {
      String institution = fixture.institutions.get(i);
      String filingId = "FFX-" + run + "-" + i;
      long seq =
          jdbc.sql(
                  """
                  INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel,
                                      mode, received_at, sha256, size_bytes, raw, status,
                                      record_count, accepted_count, rejected_count, validated_at,
                                      indexed_at)
                  VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', now(), ?, 2, '{}'::bytea,
                          'ACCEPTED', 20, 20, 0, now(), now())
                  RETURNING seq
                  """)
              .params(filingId, institution, sha256(filingId))
              .query(Long.class)
              .single();
      int index = 0;
      for (FixtureCase c : fixture.cases) {
        if (!c.institution().equals(institution)) {
          continue;
        }
        jdbc.sql(
                """
                INSERT INTO complaint_case_version (institution_uscc, case_no, filing_id,
                                                    filing_seq, record_index, record)
                VALUES (?, ?, ?, ?, ?, ?::jsonb)
                """)
            .params(institution, c.caseNo(), filingId, seq, index++, c.record().toString())
            .update();
        jdbc.sql(
                """
                INSERT INTO complaint_case (institution_uscc, case_no, filing_id, filing_seq,
                                            received_at, status, record)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                """)
            .params(
                institution,
                c.caseNo(),
                filingId,
                seq,
                c.receivedAt(),
                c.status(),
                c.record().toString())
            .update();
        CaseSearchDocument doc =
            CaseSearchDocument.of(
                new CaseSearchDocument.Source(
                    institution, fixture.name(institution), "BANK_CITY", filingId, seq),
                c.record(),
                java.time.Instant.now());
        bulk.operations(
            op ->
                op.index(
                    x ->
                        x.index(alias)
                            .id(institution + ":" + c.caseNo())
                            .version(seq)
                            .versionType(
                                co.elastic.clients.elasticsearch._types.VersionType.External)
                            .document(doc)));
      }
    }
    var response = es.bulk(bulk.build());
    if (response.errors()) {
      throw new IllegalStateException(
          "fixture bulk failed: " + response.items().getFirst().error());
    }
    return fixture;
  }

  /** What batch-jobs' CaseIndexSetup does at start-up, for runs where it has not run yet. */
  public static void ensureIndex(ElasticsearchClient es, String alias) throws Exception {
    try (InputStream template = CaseSearchDocument.class.getResourceAsStream(TEMPLATE)) {
      es.indices()
          .putIndexTemplate(
              t -> t.withJson(template).name(alias).indexPatterns(alias + "-*").priority(100L));
    }
    int version = templateVersion();
    if (!es.indices().existsAlias(a -> a.name(alias)).value()) {
      // stamped as batch-jobs stamps its indices, so a test can tell an index of an older template
      es.indices()
          .create(
              c ->
                  c.index(alias + "-v1")
                      .aliases(alias, a -> a.isWriteIndex(true))
                      .mappings(m -> m.meta(TEMPLATE_VERSION, JsonData.of(version))));
    }
  }

  private static final String TEMPLATE = "/elasticsearch/_index_templates/cpsx-cases.json";

  /** The mapping {@code _meta} entry batch-jobs stamps indices with (CaseIndexSetup). */
  public static final String TEMPLATE_VERSION = "templateVersion";

  /** The case index template's {@code _meta.version}. */
  public static int templateVersion() throws Exception {
    try (InputStream template = CaseSearchDocument.class.getResourceAsStream(TEMPLATE)) {
      return JsonMapper.shared().readTree(template).path("_meta").path("version").asInt();
    }
  }

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}

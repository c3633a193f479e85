package cn.cpsx.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.CaseFixtures;
import cn.cpsx.portal.PortalApi;
import cn.cpsx.portal.complaint.SearchIndexProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The audit log page as a supervisor reads it: actions by name in both languages, what an entry
 * concerns as a link, details as labelled fields (no JSON, no Java record dumps), a day filter that
 * answers bad input on the form, and whether the hash chain verified and where it broke. Entries
 * are written by SQL on a day of their own in the past (the database seals them as it seals every
 * entry); verification outcomes are written as batch-jobs' job writes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPageIT {

  static final String BANK = "91110000770914530P";

  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient es;
  @Autowired SearchIndexProperties index;

  LocalDate day;
  long reveal;

  @BeforeAll
  void entriesOnADayOfTheirOwn() {
    do {
      day = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    } while (jdbc.sql(
                "SELECT count(*) FROM audit_log WHERE (at AT TIME ZONE 'Asia/Shanghai')::date = ?")
            .param(day)
            .query(Long.class)
            .single()
        > 0);
    reveal =
        write(
            0,
            "supervisor",
            "REVEAL_PERSONAL_DATA",
            BANK + ":CASE-AUDIT-1",
            "{\"reason\": \"复核投诉 ABC\"}");
    write(
        1,
        "analyst",
        "EXPORT_CASES",
        null,
        "{\"query\": \"q=%E4%BF%A1%E7%94%A8%E5%8D%A1&reason=FEES&reason=CLAIMS\", \"rows\": 1234, \"matched\": 1234}");
    write(
        2,
        "analyst",
        "EXPORT_CASES",
        null,
        "{\"query\": \"CaseQuery[q=催收, institution=[], reason=[FEES, CLAIMS], overdue=false,"
            + " receivedFrom=null, sort=relevance, after=null, page=1, size=20]\"}");
    write(3, "supervisor", "PUBLISH_RATING", "42", "{\"grade\": \"B\", \"answer\": null}");
    write(
        4,
        "91110000416538280L",
        "FILING_REFUSED_F005",
        BANK,
        "{\"channel\": \"SFTP\", \"fileName\": \"x.csv\"}");
    write(
        24 + 5,
        "supervisor",
        "REVEAL_PERSONAL_DATA",
        BANK + ":CASE-AUDIT-2",
        "{\"reason\": \"the day after\"}");
  }

  private long write(int hour, String actor, String action, String subject, String detail) {
    return jdbc.sql(
            """
            INSERT INTO audit_log (at, actor, action, subject, detail)
            VALUES (?, ?, ?, ?, ?::jsonb) RETURNING id
            """)
        .params(
            day.atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(10 + hour).toOffsetDateTime(),
            actor,
            action,
            subject,
            detail)
        .query(Long.class)
        .single();
  }

  private String page(String lang) throws Exception {
    HttpResponse<String> page =
        PortalApi.as("supervisor")
            .get("/regulator/audit?from=" + day + "&to=" + day + "&lang=" + lang);
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }

  @Test
  void entriesReadAsNamedActionsWithLinksAndFieldsNotDumps() throws Exception {
    String en = page("en");

    assertThat(en)
        .contains("Personal data revealed", "Cases exported (CSV)", "Rating published")
        .contains("Filing refused: named another institution (F005)")
        .contains("href=\"/regulator/cases/" + BANK + "/CASE-AUDIT-1\"", "复核投诉 ABC")
        .contains("Rows exported", "1,234", "q: 信用卡 · reason: FEES, CLAIMS")
        .contains(
            "href=\"/regulator/cases?q=%E4%BF%A1%E7%94%A8%E5%8D%A1&amp;reason=FEES&amp;reason=CLAIMS\"")
        // an entry written before exports stored their search as a query string
        .contains("q: 催收 · reason: FEES, CLAIMS · sort: relevance")
        .contains("href=\"/regulator/ratings/42\"", "Grade", "SFTP", "x.csv")
        .doesNotContain("CaseQuery[", "{&quot;", "{\"reason", "Answer to the objection")
        .doesNotContain("CASE-AUDIT-2"); // the day after is outside the filter
    // its place in the hash chain, sealed at commit
    long seq =
        jdbc.sql("SELECT seq FROM audit_log WHERE id = ?").param(reveal).query(Long.class).single();
    assertThat(en).contains("chain #" + String.format("%,d", seq));

    assertThat(page("zh-CN")).contains("查看个人信息", "导出案件（CSV）", "导出行数", "发布评级", "理由");
  }

  @Test
  void aBadDayOrAReversedRangeIsAnsweredOnTheForm() throws Exception {
    HttpResponse<String> bad =
        PortalApi.as("supervisor").get("/regulator/audit?from=2026-02-30&lang=en");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("id=\"err-from\"", "Enter a day as YYYY-MM-DD.", "value=\"2026-02-30\"")
        .contains("<form");

    HttpResponse<String> reversed =
        PortalApi.as("supervisor")
            .get("/regulator/audit?from=" + day + "&to=" + day.minusDays(1) + "&lang=zh-CN");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.body()).contains("id=\"err-to\"", "截止日早于起始日。");
  }

  @Test
  void thePageSaysWhetherTheChainVerifiedWhenAndWhereItBroke() throws Exception {
    long seq =
        jdbc.sql("SELECT seq FROM audit_log WHERE id = ?").param(reveal).query(Long.class).single();
    // a broken chain, as the job records it …
    jdbc.sql(
            """
            INSERT INTO audit_chain_verification (requested_by, finished_at, verified, entries,
                   head_seq, head_hash, broken_entry_id, broken_seq, problem, expected, found)
            VALUES ('AuditPageIT', now(), false, ?, ?, 'aaaa', ?, ?, 'CONTENT_CHANGED', 'sealed-hash', 'now-hash')
            """)
        .params(seq - 1, seq - 1, reveal, seq)
        .update();
    assertThat(page("en"))
        .contains("The hash chain is BROKEN")
        .contains("First broken link: entry " + String.format("%,d", reveal))
        .contains("its fields were changed after it was sealed", "sealed-hash", "now-hash");
    assertThat(page("zh-CN")).contains("哈希链已断裂", "封存后字段被修改");

    // … and the next walk that verified the real chain (its head becomes an anchor for later runs)
    Map<String, Object> head =
        jdbc.sql("SELECT seq, entry_hash FROM audit_chain_head").query().singleRow();
    jdbc.sql(
            """
            INSERT INTO audit_chain_verification (requested_by, finished_at, verified, entries,
                                                  head_seq, head_hash)
            VALUES ('AuditPageIT', now() + interval '1 second', true, ?, ?, ?)
            """)
        .params(head.get("seq"), head.get("seq"), head.get("entry_hash"))
        .update();
    String en = page("en");
    assertThat(en)
        .contains(
            "The hash chain verified at", String.format("chain head #%,d", (Long) head.get("seq")))
        .contains((String) head.get("entry_hash"))
        .doesNotContain("BROKEN");

    String history = PortalApi.as("admin").get("/regulator/audit/chain?lang=en").body();
    assertThat(history).contains("AuditPageIT", "BROKEN", "verified", "Verify now");
  }

  @Test
  void verifyNowAsksBatchJobsAndReturnsToTheHistory() throws Exception {
    // no request left waiting by an earlier test (or an app) in the shared test database
    jdbc.sql("DELETE FROM audit_chain_verification WHERE finished_at IS NULL").update();

    HttpResponse<String> answer =
        PortalApi.as("supervisor").post("/regulator/audit/chain/verify", "");

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/regulator/audit/chain"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_chain_verification WHERE finished_at IS NULL")
                .query(Long.class)
                .single())
        .as("one request waits for batch-jobs, however often it is asked")
        .isEqualTo(1);
    PortalApi.as("supervisor").post("/regulator/audit/chain/verify", "");
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_chain_verification WHERE finished_at IS NULL")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(PortalApi.as("supervisor").get("/regulator/audit/chain?lang=en").body())
        .contains("waiting to run");
  }

  @Test
  void anExportIsWrittenDownWithTheRowsItHolds() throws Exception {
    CaseFixtures fixture = CaseFixtures.load(jdbc, es, index.caseAlias());
    String query =
        fixture.institutions().stream()
            .map(i -> "institution=" + i)
            .collect(Collectors.joining("&"));

    HttpResponse<String> csv = PortalApi.as("analyst").get("/regulator/cases/export.csv?" + query);

    assertThat(csv.statusCode()).isEqualTo(200);
    long rows = records(csv.body()) - 1; // the header
    assertThat(rows).isPositive();
    Map<String, Object> entry =
        jdbc.sql(
                """
                SELECT (detail->>'rows')::bigint AS rows, detail->>'query' AS query, seq
                  FROM audit_log WHERE action = 'EXPORT_CASES' AND actor = 'analyst'
                 ORDER BY id DESC LIMIT 1
                """)
            .query()
            .singleRow();
    assertThat(entry.get("rows")).isEqualTo(rows);
    assertThat((String) entry.get("query")).startsWith(query);
    assertThat(entry.get("seq")).as("sealed into the chain at commit").isNotNull();
  }

  /** CSV records: line ends outside quoted fields (narratives may hold line breaks). */
  private static long records(String csv) {
    long records = 0;
    boolean quoted = false;
    for (char c : csv.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        records++;
      }
    }
    return records;
  }
}

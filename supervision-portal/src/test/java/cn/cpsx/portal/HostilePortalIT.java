package cn.cpsx.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.search.document.CaseSearchDocument;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input on the portal and the public API (issue 16): query syntax and huge inputs in every
 * search box and query parameter, forged and foreign tokens, script and HTML in narratives, typical
 * cases and enforcement texts (rendered inert on every page), spreadsheet formulas in every CSV
 * export (neutralised). Each row names its input and the exact status it must get; nothing answers
 * 500 or shows a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostilePortalIT {

  static final String OFFICERS_BANK = AuthorizationMatrixIT.OFFICERS_BANK;

  /** Texts a spreadsheet would run: each CSV export must prefix them with an apostrophe. */
  static final List<String> FORMULAS =
      List.of(
          "=HYPERLINK(\"http://evil.example\",\"x\")",
          "+1+cmd|' /C calc'!A0",
          "-2+3+cmd|' /C calc'!A0",
          "@SUM(1+1)*cmd|' /C calc'!A0",
          "\t=1+1",
          "\r=1+1");

  /** Markup that must reach every page as text. */
  static final List<String> MARKUP =
      List.of(
          "<script>alert('x')</script>",
          "<img src=x onerror=alert(1)>",
          "\"><svg onload=alert(1)>",
          "</textarea><iframe src=javascript:alert(1)>",
          "<a href=\"javascript:alert(1)\">点我</a>");

  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient es;
  @Autowired cn.cpsx.portal.complaint.SearchIndexProperties index;

  PortalApi analyst;
  PortalApi supervisor;
  PortalApi officer;
  PortalApi anonymous;
  String hostileBank;
  String run;
  final List<String> hostileCases = new ArrayList<>();
  String ownHostileCase;
  cn.cpsx.portal.opendata.PublicFixtures rated;

  @BeforeAll
  void fixtures() throws Exception {
    analyst = PortalApi.as("analyst");
    supervisor = PortalApi.as("supervisor");
    officer = PortalApi.as("officer");
    anonymous = PortalApi.anonymous();
    CaseFixtures fixture = CaseFixtures.load(jdbc, es, index.caseAlias());
    hostileBank = fixture.institutions().get(1);
    run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    List<String> narratives = new ArrayList<>();
    for (String formula : FORMULAS) {
      narratives.add(formula + " 客户称信用卡年费被扣收");
    }
    for (String markup : MARKUP) {
      narratives.add(markup + " 客户称信用卡年费被扣收");
    }
    long seq =
        jdbc.sql(
                """
                INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                    received_at, sha256, size_bytes, raw, status, validated_at)
                VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', now(), ?, 2, '{}'::bytea,
                        'ACCEPTED', now())
                RETURNING seq
                """)
            .params(
                "FHOSTILE-" + run,
                hostileBank,
                UUID.randomUUID().toString().repeat(2).substring(0, 64))
            .query(Long.class)
            .single();
    var bulk =
        new co.elastic.clients.elasticsearch.core.BulkRequest.Builder().refresh(Refresh.WaitFor);
    for (int i = 0; i < narratives.size(); i++) {
      String caseNo = "HOSTILE-" + run + "-" + i;
      hostileCases.add(caseNo);
      ObjectNode record = record(caseNo, narratives.get(i));
      insertCase(hostileBank, caseNo, "FHOSTILE-" + run, seq, i, record);
      CaseSearchDocument doc =
          CaseSearchDocument.of(
              new CaseSearchDocument.Source(
                  hostileBank, fixture.name(hostileBank), "BANK_CITY", "FHOSTILE-" + run, seq),
              record,
              java.time.Instant.now());
      bulk.operations(
          op ->
              op.index(
                  x ->
                      x.index(index.caseAlias())
                          .id(hostileBank + ":" + caseNo)
                          .version(seq)
                          .versionType(co.elastic.clients.elasticsearch._types.VersionType.External)
                          .document(doc)));
    }
    assertThat(es.bulk(bulk.build()).errors()).isFalse();
    // one case of the officer's own bank, for the institution's case page
    String ownFiling = "FHOSTILE-OWN-" + run;
    long ownSeq =
        jdbc.sql(
                """
                INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                    received_at, sha256, size_bytes, raw, status, validated_at)
                VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', now(), ?, 2, '{}'::bytea,
                        'ACCEPTED', now())
                RETURNING seq
                """)
            .params(
                ownFiling, OFFICERS_BANK, UUID.randomUUID().toString().repeat(2).substring(0, 64))
            .query(Long.class)
            .single();
    ownHostileCase = "HOSTILE-OWN-" + run;
    insertCase(
        OFFICERS_BANK,
        ownHostileCase,
        ownFiling,
        ownSeq,
        0,
        record(ownHostileCase, String.join(" ", MARKUP)));
    rated = cn.cpsx.portal.opendata.PublicFixtures.load(jdbc);
  }

  private static ObjectNode record(String caseNo, String narrative) {
    ObjectNode record = JsonMapper.shared().createObjectNode();
    record.put("caseNo", caseNo);
    record.put(
        "receivedAt",
        OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).withNano(0).toString());
    record.put("channel", "ONLINE");
    record.put("businessCategory", "CREDIT_CARD");
    record.put("reason", "FEES");
    record.put("demand", "REFUND");
    record.put("region", "440305");
    record.put("narrative", narrative);
    record.put("status", "RECEIVED");
    return record;
  }

  private void insertCase(
      String uscc, String caseNo, String filingId, long seq, int index, ObjectNode record) {
    jdbc.sql(
            """
            INSERT INTO complaint_case_version (institution_uscc, case_no, filing_id, filing_seq,
                                                record_index, record)
            VALUES (?, ?, ?, ?, ?, ?::jsonb)
            """)
        .params(uscc, caseNo, filingId, seq, index, record.toString())
        .update();
    jdbc.sql(
            """
            INSERT INTO complaint_case (institution_uscc, case_no, filing_id, filing_seq,
                                        received_at, status, record)
            VALUES (?, ?, ?, ?, ?::timestamptz, 'RECEIVED', ?::jsonb)
            """)
        .params(uscc, caseNo, filingId, seq, record.get("receivedAt").asString(), record.toString())
        .update();
  }

  // ================================================================ query parameters ========

  /** Who asks, what, and the status it must get. */
  record Ask(String caller, String pathAndQuery, int status) {
    @Override
    public String toString() {
      return caller
          + " GET "
          + (pathAndQuery.length() > 120 ? pathAndQuery.substring(0, 120) + "…" : pathAndQuery);
    }
  }

  /** Elasticsearch query-string syntax, regular expressions, wildcards, huge and odd text. */
  static final List<String> SEARCH_TEXTS =
      List.of(
          "narrative:(年费 OR 催收) AND _exists_:complainant.name",
          "*",
          "?",
          "\\",
          "\"unterminated",
          "(((((((((((",
          "a AND OR NOT",
          "/.*(a|b)*.*/",
          "/[/",
          "complainant.idNumber:[* TO *]",
          "年费~99999",
          "年费^1e308",
          "{!lucene}*:*",
          "a".repeat(5_000),
          "(".repeat(1_500),
          "年费 ".repeat(200),
          "<script>alert(1)</script>",
          "' OR '1'='1' --",
          "\u202E\u200B年费\uD83D\uDE00");

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static Stream<Ask> parameters() {
    List<Ask> asks = new ArrayList<>();
    for (String text : SEARCH_TEXTS) {
      asks.add(new Ask("analyst", "/regulator/api/cases?q=" + q(text), 200));
      asks.add(new Ask("analyst", "/regulator/cases?q=" + q(text), 200));
      // the public search takes at most 100 characters (§12 leaves it open; 400 above)
      int publicStatus = text.length() > 100 ? 400 : 200;
      asks.add(new Ask("anonymous", "/api/open/v1/ratings?q=" + q(text), publicStatus));
      asks.add(new Ask("anonymous", "/ratings?q=" + q(text), publicStatus));
    }
    for (String text : List.of("*", "\\", "(((", "a".repeat(5_000), "<script>alert(1)</script>")) {
      asks.add(new Ask("analyst", "/regulator/api/institutions?q=" + q(text), 200));
      asks.add(new Ask("officer", "/institution/cases?q=" + q(text), 200));
    }
    // control characters and bytes that are not UTF-8
    for (String path :
        List.of(
            "/regulator/api/cases?q=",
            "/api/open/v1/ratings?q=",
            "/ratings?q=",
            "/regulator/api/institutions?q=")) {
      String caller = path.startsWith("/regulator") ? "analyst" : "anonymous";
      asks.add(new Ask(caller, path + "%00", 400));
      asks.add(new Ask(caller, path + "%ED%A0%80", 400));
      asks.add(new Ask(caller, path + "%BF%CD", 400));
    }
    // pages, sizes and cursors, dates and amounts: what cannot be bound is 400, the rest is taken
    Map<String, Integer> caseSearch = new java.util.LinkedHashMap<>();
    caseSearch.put("page=-1", 200);
    caseSearch.put("page=0", 200);
    caseSearch.put("page=99999999999999", 400);
    caseSearch.put("page=abc", 400);
    caseSearch.put("size=-1", 200);
    caseSearch.put("size=0", 200);
    caseSearch.put("size=100000", 200);
    caseSearch.put("size=abc", 400);
    caseSearch.put("after=not-a-cursor", 400);
    caseSearch.put(
        "after="
            + Base64.getUrlEncoder()
                .encodeToString("{\"x\":[1,2]}".getBytes(StandardCharsets.UTF_8)),
        400);
    caseSearch.put("after=" + "A".repeat(5_000), 400);
    caseSearch.put("after=%00", 400);
    caseSearch.put("sort=__proto__", 200);
    caseSearch.put("sort=" + q("amountInvolved;drop table filing"), 200);
    caseSearch.put("receivedFrom=2026-13-45", 400);
    caseSearch.put("receivedFrom=abc", 400);
    caseSearch.put("receivedTo=99999-01-01", 400);
    caseSearch.put("amountMin=NaN", 400);
    caseSearch.put("amountMin=1e999999999", 200);
    caseSearch.put("amountMin=-1", 200);
    caseSearch.put("amountMax=abc", 400);
    caseSearch.put("reason=" + q("<script>"), 200);
    caseSearch.put("reason=" + q("FEES' OR '1'='1"), 200);
    caseSearch.put("institution=" + q("../../etc/passwd"), 200);
    caseSearch.put("status=" + "X".repeat(5_000), 200);
    caseSearch.forEach(
        (query, status) -> {
          asks.add(new Ask("analyst", "/regulator/api/cases?" + query, status));
          asks.add(new Ask("analyst", "/regulator/cases?" + query, status));
        });
    asks.add(new Ask("analyst", "/regulator/cases/export.csv?size=-1&page=-5", 200));
    asks.add(new Ask("analyst", "/regulator/api/trends?interval=" + q("1d; DROP"), 200));
    asks.add(new Ask("analyst", "/regulator/trends?receivedFrom=0000-00-00", 400));
    asks.add(new Ask("analyst", "/regulator/api/deadlines?institution=" + q("<script>"), 200));
    asks.add(
        new Ask(
            "analyst",
            "/regulator/filings?type=" + q("<script>") + "&period=" + q("../../x"),
            400));
    asks.add(new Ask("analyst", "/regulator/filings?period=" + "9".repeat(5_000), 400));
    asks.add(new Ask("analyst", "/regulator/filings/" + q("' OR '1'='1"), 404));
    asks.add(new Ask("analyst", "/regulator/cases/" + q("../..") + "/x", 400));
    asks.add(new Ask("analyst", "/regulator/ratings?run=abc", 400));
    asks.add(new Ask("analyst", "/regulator/ratings?run=-1", 200));
    asks.add(new Ask("analyst", "/regulator/ratings/99999999999999999999", 400));
    asks.add(new Ask("analyst", "/regulator/reports/-1", 404));
    asks.add(new Ask("supervisor", "/regulator/audit?action=" + q("<script>") + "&from=abc", 400));
    asks.add(new Ask("supervisor", "/regulator/audit?before=-1", 200));
    asks.add(new Ask("officer", "/institution/cases/" + q("../../x"), 400));
    asks.add(new Ask("officer", "/institution/cases/" + "A".repeat(5_000), 404));
    asks.add(new Ask("officer", "/institution/filings/" + q("F1' OR '1'='1"), 404));
    // the public pages and open data
    for (String query :
        List.of(
            "page=-1",
            "page=99999999999",
            "size=501",
            "size=-1",
            "size=abc",
            "period=" + q("../../etc"),
            "period=2026-Q9",
            "type=" + q("<script>"),
            "grade=Z",
            "province=" + q("44' OR 1=1"),
            "sort=" + q("name desc; drop"),
            "format=xlsx")) {
      asks.add(new Ask("anonymous", "/api/open/v1/ratings?" + query, 400));
    }
    for (String query : List.of("page=-1", "page=abc", "period=2026-Q9", "grade=" + q("<b>"))) {
      asks.add(new Ask("anonymous", "/ratings?" + query, 400));
    }
    asks.add(new Ask("anonymous", "/api/open/v1/ratings/" + q("../../x"), 400));
    asks.add(new Ask("anonymous", "/api/open/v1/ratings/" + "9".repeat(5_000), 404));
    asks.add(new Ask("anonymous", "/ratings/" + q("<script>alert(1)</script>"), 400));
    asks.add(new Ask("anonymous", "/ratings/" + q("<script>alert(1)"), 404));
    asks.add(new Ask("anonymous", "/api/open/v1/statistics?period=" + q("2026' OR '1'='1"), 400));
    asks.add(new Ask("anonymous", "/api/open/v1/statistics?period=2026&uscc=%00", 400));
    asks.add(new Ask("anonymous", "/api/open/v1/statistics?period=99999", 400));
    asks.add(new Ask("anonymous", "/api/open/v1/enforcement?page=-1", 400));
    asks.add(new Ask("anonymous", "/api/open/v1/reports?format=" + q("<script>"), 400));
    asks.add(new Ask("anonymous", "/reports/2026-Q9", 404));
    asks.add(new Ask("anonymous", "/reports/2026-Q3?version=abc", 400));
    asks.add(new Ask("anonymous", "/reports/2026-Q3?version=-1", 404));
    return asks.stream();
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("parameters")
  void everyParameterIsAnsweredSanely(Ask ask) throws Exception {
    HttpResponse<String> response = caller(ask.caller()).get(ask.pathAndQuery());

    assertSane(response);
    assertThat(response.statusCode()).as(abbreviated(response.body())).isEqualTo(ask.status());
    if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
      // JSON and CSV carry the texts as data (sent as such, with nosniff); pages must not
      assertThat(response.body()).doesNotContain("<script>alert(1)</script>", "<script>alert");
    }
  }

  @ParameterizedTest(name = "Accept: {0} → {1}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {"text/csv;;;== | 400", "garbage | 400", "*/*;q=abc | 400", "text/csv | 200"})
  void aMalformedAcceptHeaderOnOpenDataIs400NotACrash(String accept, int status) throws Exception {
    HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(PortalApi.PORTAL + "/api/open/v1/ratings"))
                    .header("Accept", accept)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertSane(response);
    assertThat(response.statusCode()).isEqualTo(status);
  }

  // ================================================================ tokens ===================

  static Stream<Object[]> tokens() throws Exception {
    String officerToken = KeycloakTokens.user("officer");
    String analystToken = KeycloakTokens.user("analyst");
    return Stream.of(
        new Object[] {"garbage", "not-a-jwt"},
        new Object[] {"alg=none", algNone(analystToken)},
        new Object[] {
          "officer's token with roles edited to ANALYST",
          withPayload(officerToken, payload(officerToken).replace("\"INSTITUTION\"", "\"ANALYST\""))
        },
        new Object[] {
          "signature of another token",
          analystToken.substring(0, analystToken.lastIndexOf('.'))
              + officerToken.substring(officerToken.lastIndexOf('.'))
        },
        new Object[] {"another realm (master)", masterRealmToken()},
        new Object[] {
          "expired claims, alg=none",
          algNone(
              withPayload(
                  analystToken,
                  payload(analystToken).replaceAll("\"exp\":\\d+", "\"exp\":1000000000")))
        });
  }

  @ParameterizedTest(name = "forged token: {0}")
  @MethodSource("tokens")
  void forgedAndForeignTokensAre401AndShowNothing(String name, String token) throws Exception {
    for (String path :
        List.of(
            "/regulator/api/cases", "/institution/api/ratings", "/regulator/cases/export.csv")) {
      HttpResponse<String> response = PortalApi.withToken(token).get(path);

      assertSane(response);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.body()).doesNotContain(hostileBank, "HOSTILE-");
    }
  }

  @Test
  void anInstitutionsTokenNeitherReadsNorWritesAnothersData() throws Exception {
    String foreignFiling = "FHOSTILE-" + run;
    String foreignRating =
        jdbc.sql("SELECT id::text FROM rating WHERE institution_uscc <> ? LIMIT 1")
            .param(OFFICERS_BANK)
            .query(String.class)
            .optional()
            .orElse("999999999");
    PortalApi client = PortalApi.withToken(KeycloakTokens.institution(OFFICERS_BANK));

    for (PortalApi institution : List.of(officer, client)) {
      assertThat(institution.get("/institution/filings/" + foreignFiling).statusCode())
          .isEqualTo(404);
      assertThat(institution.get("/institution/cases/" + hostileCases.getFirst()).statusCode())
          .isEqualTo(404);
      assertThat(institution.get("/institution/cases").body()).doesNotContain(hostileBank);
      assertThat(
              institution
                  .post("/institution/ratings/" + foreignRating + "/objection", "reason=hostile")
                  .statusCode())
          .isEqualTo(404);
      assertThat(
              institution
                  .post("/institution/ratings/" + foreignRating + "/accept", "")
                  .statusCode())
          .isEqualTo(404);
      assertThat(institution.get("/regulator/api/cases?institution=" + hostileBank).statusCode())
          .isEqualTo(403);
    }
  }

  // ================================================================ inert markup ============

  @Test
  void markupInNarrativesIsInertInSearchResultsCaseDetailAndTheInstitutionsPage() throws Exception {
    List<String> pages = new ArrayList<>();
    pages.add(analyst.get("/regulator/cases?institution=" + hostileBank + "&size=100").body());
    for (String caseNo : hostileCases) {
      HttpResponse<String> detail = analyst.get("/regulator/cases/" + hostileBank + "/" + caseNo);
      assertThat(detail.statusCode()).isEqualTo(200);
      pages.add(detail.body());
    }
    HttpResponse<String> own = officer.get("/institution/cases/" + ownHostileCase);
    assertThat(own.statusCode()).isEqualTo(200);
    pages.add(own.body());

    for (String page : pages) {
      for (String markup : MARKUP) {
        assertThat(page).doesNotContain(markup);
      }
      assertThat(page).doesNotContain("<script>alert", "<img src=x", "<svg onload", "<iframe");
    }
    assertThat(pages.getFirst()).contains(hostileCases.getFirst()).contains("&lt;script&gt;");
    assertThat(own.body()).contains("&lt;script&gt;alert(");
    HttpResponse<String> json =
        analyst.get("/regulator/api/cases?institution=" + hostileBank + "&size=100");
    assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(json.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(json.body()).contains(hostileCases.getLast());
  }

  @Test
  void markupInTypicalCasesAlertsAndEnforcementIsInertOnPublicPages() throws Exception {
    String marker = "HOSTILE-" + run;
    String script = "<script>alert('tc')</script>";
    String form =
        "period=2026-Q3&businessCategory=CREDIT_CARD"
            + "&titleZh="
            + q(marker + script)
            + "&titleEn="
            + q(marker + "<img src=x onerror=alert(1)>")
            + "&accountZh="
            + q("某银行信用卡年费争议。" + script)
            + "&accountEn="
            + q("A fee dispute. \"><svg onload=alert(1)>");
    HttpResponse<String> added = supervisor.post("/regulator/reports/typical-cases", form);
    assertThat(added.statusCode()).as(abbreviated(added.body())).isEqualTo(302);
    long id =
        jdbc.sql("SELECT id FROM typical_case WHERE title_zh = ?")
            .param(marker + script)
            .query(Long.class)
            .single();
    assertThat(
            supervisor.post("/regulator/reports/typical-cases/" + id + "/publish", "").statusCode())
        .isEqualTo(302);

    String alertForm =
        "period=2026-Q3&categories=CREDIT_CARD"
            + "&topicZh="
            + q(marker + "<b onmouseover=alert(1)>提示</b>")
            + "&topicEn="
            + q(marker + "<script>alert('al')</script>")
            + "&textZh="
            + q("谨防" + script)
            + "&textEn="
            + q("Beware " + script);
    HttpResponse<String> alert = supervisor.post("/regulator/reports/alerts", alertForm);
    assertThat(alert.statusCode()).as(abbreviated(alert.body())).isEqualTo(302);
    long alertId =
        jdbc.sql("SELECT id FROM consumer_alert WHERE topic_zh LIKE ?")
            .param(marker + "%")
            .query(Long.class)
            .single();
    assertThat(
            supervisor.post("/regulator/reports/alerts/" + alertId + "/publish", "").statusCode())
        .isEqualTo(302);

    for (String path : List.of("/reports/typical-cases", "/reports/alerts", "/regulator/reports")) {
      for (String language : List.of("zh", "en")) {
        HttpResponse<String> page =
            (path.startsWith("/regulator") ? supervisor : anonymous)
                .get(path + "?lang=" + language);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as(path + " " + language).contains(marker);
        assertThat(page.body())
            .doesNotContain(script, "<script>alert", "<img src=x", "<svg onload", "<b onmouseover");
      }
    }
  }

  // ================================================================ CSV exports =============

  @Test
  void theCaseExportNeutralisesEveryFormulaPrefix() throws Exception {
    HttpResponse<String> export =
        analyst.get("/regulator/cases/export.csv?institution=" + hostileBank);
    assertThat(export.statusCode()).isEqualTo(200);
    String csv = export.body();
    for (String formula : FORMULAS) {
      String quoted = "'" + formula;
      boolean needsQuotes =
          formula.contains(",") || formula.contains("\"") || formula.contains("\r");
      String cell = needsQuotes ? "\"" + quoted.replace("\"", "\"\"") : quoted;
      assertThat(csv).as(formula).contains("," + cell);
      assertThat(csv)
          .doesNotContain("," + (needsQuotes ? "\"" + formula.replace("\"", "\"\"") : formula));
    }
  }

  @Test
  void openDataCsvNeutralisesFormulasInNamesAndEnforcementTexts() throws Exception {
    // the supervisor enters and publishes an action whose texts are formulas
    String decisionNo = "=HOSTILE(" + run + ")";
    HttpResponse<String> entered =
        supervisor.post(
            "/regulator/enforcement",
            "uscc="
                + rated.plain
                + "&decisionNo="
                + q(decisionNo)
                + "&decisionDate="
                + LocalDate.now().minusDays(3)
                + "&severity=MINOR&measure=WARNING"
                + "&legalBasis="
                + q("+cmd|' /C calc'!A0")
                + "&summaryZh="
                + q("@SUM(1+1) <script>alert(1)</script>")
                + "&summaryEn="
                + q("-2+3 formula"));
    assertThat(entered.statusCode()).as(abbreviated(entered.body())).isEqualTo(302);
    long id =
        jdbc.sql("SELECT id FROM enforcement_action WHERE decision_no = ?")
            .param(decisionNo)
            .query(Long.class)
            .single();
    assertThat(supervisor.post("/regulator/enforcement/" + id + "/publish", "").statusCode())
        .isEqualTo(302);
    // and an institution whose registered name starts like a formula
    jdbc.sql("UPDATE institution SET legal_name_zh = ?, short_name = ?, name_en = ? WHERE uscc = ?")
        .params(
            "=HYPERLINK(\"http://evil.example\")银行",
            "=HYPERLINK(\"http://evil.example\")",
            "\t=1+1 Bank",
            rated.plain)
        .update();
    // published ratings keep the name they were published with: the same there
    jdbc.sql("UPDATE rating SET name_zh = ?, name_en = ? WHERE institution_uscc = ?")
        .params("=HYPERLINK(\"http://evil.example\")银行", "\t=1+1 Bank", rated.plain)
        .update();

    String enforcement = anonymous.get("/api/open/v1/enforcement?format=csv").body();
    assertThat(enforcement).contains("'" + decisionNo, "'+cmd|", "'@SUM(1+1)", "'-2+3");
    assertThat(enforcement).doesNotContain("," + decisionNo, ",+cmd", ",@SUM", ",-2+3");
    String ratings = anonymous.get("/api/open/v1/ratings?format=csv&period=" + rated.period).body();
    String history = anonymous.get("/api/open/v1/ratings/" + rated.plain + "?format=csv").body();
    String statistics =
        anonymous
            .get(
                "/api/open/v1/statistics?format=csv&period="
                    + rated.period
                    + "&uscc="
                    + rated.plain)
            .body();
    for (String csv : List.of(ratings, history, statistics)) {
      assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")");
      assertThat(csv).doesNotContain(",\"=HYPERLINK", ",=HYPERLINK", ",\t=1+1");
    }
    // and the public pages show the same texts inert
    String creditFile = anonymous.get("/ratings/" + rated.plain).body();
    assertThat(creditFile).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
  }

  // ================================================================ helpers =================

  private PortalApi caller(String name) {
    return switch (name) {
      case "analyst" -> analyst;
      case "supervisor" -> supervisor;
      case "officer" -> officer;
      default -> anonymous;
    };
  }

  static void assertSane(HttpResponse<String> response) {
    assertThat(response.statusCode())
        .as("never a 500: " + abbreviated(response.body()))
        .isNotEqualTo(500);
    assertThat(response.body())
        .as("no stack trace or exception class")
        .doesNotContainPattern("\\.java:\\d+\\)")
        .doesNotContainPattern("\\bat (org|com|java|cn|jdk)\\.[a-z]")
        .doesNotContain("Exception");
  }

  static String abbreviated(String text) {
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String payload(String jwt) {
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  static String withPayload(String jwt, String payload) {
    String[] parts = jwt.split("\\.");
    return parts[0] + "." + b64(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }

  static String algNone(String jwt) {
    return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + jwt.split("\\.")[1]
        + ".";
  }

  static String masterRealmToken() throws Exception {
    String body =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://localhost:18080/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return JsonMapper.shared().readTree(body).get("access_token").asString();
  }
}

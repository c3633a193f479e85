package cn.cpsx.portal;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every portal endpoint × every role × own and foreign institution, with access tokens from the
 * real Keycloak. Anonymous callers get 401; a role without the right gets 403; an institution
 * asking for another's filing gets 404 (its existence is not confirmed) and never its data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

  static final String OFFICERS_BANK = "91110000770914530P";

  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient es;
  @Autowired cn.cpsx.portal.complaint.SearchIndexProperties index;

  static final Map<String, PortalApi> callers = new HashMap<>();
  static String foreignCase;
  static String foreignCaseNo;
  static String ownCaseNo;
  static String ownFiling;
  static String foreignFiling;
  static String foreignUscc;
  static String foreignName;
  static long draftReport;
  static String publicReport;
  static String ratedCard;

  @BeforeAll
  void callersAndData() throws Exception {
    CaseFixtures fixture = CaseFixtures.load(jdbc, es, index.caseAlias());
    foreignUscc = fixture.institutions().getFirst();
    foreignName = fixture.name(foreignUscc);
    foreignCase = foreignUscc + "/" + fixture.cases().getFirst().caseNo();
    foreignFiling =
        jdbc.sql("SELECT filing_id FROM filing WHERE institution_uscc = ? LIMIT 1")
            .param(foreignUscc)
            .query(String.class)
            .single();
    ownFiling = "FMATRIX-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                received_at, sha256, size_bytes, raw, status, validated_at)
            VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', now(), ?, 2, '{}'::bytea,
                    'ACCEPTED', now())
            """)
        .params(ownFiling, OFFICERS_BANK, UUID.randomUUID().toString().replace("-", "").repeat(2))
        .update();
    // one case of the officer's bank for its own case detail; the foreign one is the fixture's
    ownCaseNo = "MATRIX-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO complaint_case_version (institution_uscc, case_no, filing_id, filing_seq,
                                                record_index, record)
            SELECT ?, ?, filing_id, seq, 0, jsonb_build_object('caseNo', ?::text,
                   'receivedAt', '2026-01-05T09:30:00+08:00', 'status', 'RECEIVED',
                   'region', '110101', 'narrative', '矩阵测试用的本机构案件')
              FROM filing WHERE filing_id = ?
            """)
        .params(OFFICERS_BANK, ownCaseNo, ownCaseNo, ownFiling)
        .update();
    foreignCaseNo = fixture.cases().getFirst().caseNo();
    // a draft for the regulator's preview, and a published report of a period of its own
    draftReport = report(null, "DRAFT");
    String period;
    do {
      period = (2900 + new java.util.Random().nextInt(7000)) + "-Q2";
    } while (jdbc.sql("SELECT count(*) FROM report_version WHERE period = ?")
            .param(period)
            .query(Long.class)
            .single()
        > 0);
    publicReport = period;
    cn.cpsx.portal.opendata.PublicFixtures rated =
        cn.cpsx.portal.opendata.PublicFixtures.load(jdbc);
    ratedCard = rated.plain + "/" + rated.period;
    report(period, "PUBLISHED");
    callers.put("anonymous", PortalApi.anonymous());
    for (String user : List.of("analyst", "supervisor", "admin", "officer")) {
      callers.put(user, PortalApi.as(user));
    }
    callers.put(
        "institution-client", PortalApi.withToken(KeycloakTokens.institution(OFFICERS_BANK)));
  }

  /** A generated report version, as reportJob leaves it (content is not looked at here). */
  private long report(String period, String status) {
    boolean published = status.equals("PUBLISHED");
    return jdbc.sql(
            """
            INSERT INTO report_version (period, kind, status, version, data_cutoff,
                   methodology_version, requested_by, figures, html_zh, html_en, pdf_zh, pdf_en,
                   generated_at, published_by, published_at)
            VALUES (?, 'QUARTERLY', ?, ?, now(), 'v1', 'matrix',
                    '{"headline":{"current":{"complaints":0,"closed":0,"closedWithinDeadline":0,"surveyed":0,"satisfied":0}}}', '<p>报告</p>', '<p>report</p>',
                    '%PDF-'::bytea, '%PDF-'::bytea, now(), ?, ?)
            RETURNING id
            """)
        .params(
            period == null ? "2999-Q1" : period,
            status,
            published ? 1 : null,
            published ? "matrix" : null,
            published ? java.time.OffsetDateTime.now() : null)
        .query(Long.class)
        .single();
  }

  /** An endpoint and who may use it. */
  enum Access {
    REGULATOR,
    SUPERVISOR,
    INSTITUTION,
    INSTITUTION_FOREIGN,
    /** A regulator action on something that does not exist: regulators 404, everyone else 403. */
    REGULATOR_MISSING,
    /** A supervisor's decision on something that does not exist: supervisors 404, others 403. */
    SUPERVISOR_MISSING,
    /** A supervisor's form sent incomplete: supervisors 400 (checked), others 403 (not let in). */
    SUPERVISOR_BAD_REQUEST,
    /** A supervisor's action answered by a redirect to its page (redirect after POST). */
    SUPERVISOR_REDIRECT,
    /** A regulator's address that leads on to another page. */
    REGULATOR_REDIRECT,
    /** The public pages and open data (§12): everyone, signed in or not. */
    PUBLIC,
    /** The audit log and its hash chain: supervisors and administrators. */
    AUDITOR,
    /** The audit log asked with a bad day: auditors 400 (on the form), others 403. */
    AUDITOR_BAD_REQUEST,
    /**
     * An auditor's request, answered by a redirect to the page that shows it (POST-redirect-GET).
     */
    AUDITOR_REDIRECT
  }

  record Endpoint(String method, String path, Access access) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static List<Endpoint> endpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (String path :
        List.of(
            "/regulator/cases",
            "/regulator/api/cases",
            "/regulator/trends?receivedFrom=2026-01-01",
            "/regulator/api/trends",
            "/regulator/deadlines",
            "/regulator/api/deadlines",
            "/regulator/cases/export.csv",
            "/regulator/cases/{foreignCase}",
            "/regulator/filings",
            "/regulator/filings/{foreignFiling}",
            "/regulator/hotspots",
            "/regulator/jobs",
            "/regulator/api/jobs",
            "/regulator/api/institutions?q=91",
            "/regulator/ratings",
            "/regulator/api/rating-runs",
            "/regulator/api/reports",
            "/regulator/enforcement",
            "/regulator/api/enforcement")) {
      endpoints.add(new Endpoint("GET", path, Access.REGULATOR));
    }
    endpoints.add(new Endpoint("GET", "/regulator/audit", Access.AUDITOR));
    endpoints.add(
        new Endpoint("GET", "/regulator/audit?from=2026-13-01", Access.AUDITOR_BAD_REQUEST));
    endpoints.add(new Endpoint("GET", "/regulator/audit/chain", Access.AUDITOR));
    endpoints.add(new Endpoint("POST", "/regulator/audit/chain/verify", Access.AUDITOR_REDIRECT));
    endpoints.add(
        new Endpoint("POST", "/regulator/cases/{foreignCase}/reveal", Access.SUPERVISOR_REDIRECT));
    endpoints.add(
        new Endpoint("GET", "/regulator/cases/{foreignCase}/reveal", Access.REGULATOR_REDIRECT));
    endpoints.add(
        new Endpoint("POST", "/regulator/hotspots/999999999/dismiss", Access.REGULATOR_MISSING));
    endpoints.add(
        new Endpoint("POST", "/regulator/ratings/999999999/publish", Access.SUPERVISOR_MISSING));
    endpoints.add(new Endpoint("POST", "/regulator/ratings/runs", Access.SUPERVISOR_BAD_REQUEST));
    endpoints.add(new Endpoint("POST", "/regulator/enforcement", Access.SUPERVISOR_BAD_REQUEST));
    endpoints.add(new Endpoint("GET", "/regulator/reports/999999999", Access.REGULATOR_MISSING));
    endpoints.add(new Endpoint("POST", "/regulator/reports", Access.SUPERVISOR_BAD_REQUEST));
    for (String action : List.of("publish", "archive", "retry")) {
      endpoints.add(
          new Endpoint(
              "POST", "/regulator/reports/999999999/" + action, Access.SUPERVISOR_MISSING));
    }
    for (String kind : List.of("typical-cases", "alerts")) {
      endpoints.add(
          new Endpoint("POST", "/regulator/reports/" + kind, Access.SUPERVISOR_BAD_REQUEST));
      endpoints.add(
          new Endpoint(
              "POST",
              "/regulator/reports/" + kind + "/999999999/publish",
              Access.SUPERVISOR_MISSING));
    }
    endpoints.add(new Endpoint("GET", "/institution/ratings", Access.INSTITUTION));
    endpoints.add(new Endpoint("GET", "/institution/api/ratings", Access.INSTITUTION));
    endpoints.add(
        new Endpoint("POST", "/institution/ratings/999999999/accept", Access.INSTITUTION_FOREIGN));
    endpoints.add(new Endpoint("GET", "/institution/filings", Access.INSTITUTION));
    endpoints.add(new Endpoint("GET", "/institution/filings/{ownFiling}", Access.INSTITUTION));
    endpoints.add(new Endpoint("GET", "/institution/cases", Access.INSTITUTION));
    endpoints.add(new Endpoint("GET", "/institution/cases/{ownCaseNo}", Access.INSTITUTION));
    endpoints.add(
        new Endpoint("GET", "/institution/cases/{foreignCaseNo}", Access.INSTITUTION_FOREIGN));
    endpoints.add(
        new Endpoint("GET", "/institution/filings/{foreignFiling}", Access.INSTITUTION_FOREIGN));
    for (String path :
        List.of(
            "/",
            "/ratings",
            "/ratings/{foreignUscc}",
            "/methodology",
            "/open-data",
            "/api/open/v1/ratings",
            "/api/open/v1/ratings?format=csv",
            "/api/open/v1/ratings/{foreignUscc}",
            "/api/open/v1/enforcement",
            "/api/open/v1/statistics?period=2026",
            "/api/open/v1/reports",
            "/api/open/v1/reports?format=csv",
            "/api/open/v1/openapi.yaml",
            "/reports",
            "/reports/{publicReport}",
            "/reports/{publicReport}.pdf",
            "/reports/typical-cases",
            "/reports/alerts",
            "/ratings/{ratedCard}",
            "/ratings/{ratedCard}.pdf")) {
      endpoints.add(new Endpoint("GET", path, Access.PUBLIC));
    }
    return endpoints;
  }

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      for (String caller :
          List.of("anonymous", "analyst", "supervisor", "admin", "officer", "institution-client")) {
        rows.add(Arguments.of(caller, endpoint, expected(caller, endpoint)));
      }
    }
    return rows.stream();
  }

  static int expected(String caller, Endpoint endpoint) {
    if (endpoint.access() == Access.PUBLIC) {
      return 200;
    }
    if (caller.equals("anonymous")) {
      // a POST without a session has no CSRF token either: refused before authentication
      return endpoint.method().equals("POST") ? 403 : 401;
    }
    Access access = endpoint.access();
    boolean regulator = caller.equals("analyst") || caller.equals("supervisor");
    boolean institution = caller.equals("officer") || caller.equals("institution-client");
    boolean auditor = caller.equals("supervisor") || caller.equals("admin");
    return switch (access) {
      case REGULATOR -> regulator ? 200 : 403;
      case SUPERVISOR -> caller.equals("supervisor") ? 200 : 403;
      case INSTITUTION -> institution ? 200 : 403;
      case INSTITUTION_FOREIGN -> institution ? 404 : 403;
      case REGULATOR_MISSING -> regulator ? 404 : 403;
      case SUPERVISOR_MISSING -> caller.equals("supervisor") ? 404 : 403;
      case SUPERVISOR_BAD_REQUEST -> caller.equals("supervisor") ? 400 : 403;
      case SUPERVISOR_REDIRECT -> caller.equals("supervisor") ? 302 : 403;
      case REGULATOR_REDIRECT -> regulator ? 302 : 403;
      case PUBLIC -> 200;
      case AUDITOR -> auditor ? 200 : 403;
      case AUDITOR_BAD_REQUEST -> auditor ? 400 : 403;
      case AUDITOR_REDIRECT -> auditor ? 302 : 403;
    };
  }

  @ParameterizedTest(name = "{0} → {1} = {2}")
  @MethodSource("matrix")
  void eachRoleGetsExactlyItsAccess(String caller, Endpoint endpoint, int status) throws Exception {
    String path =
        endpoint
            .path()
            .replace("{foreignCaseNo}", foreignCaseNo)
            .replace("{ownCaseNo}", ownCaseNo)
            .replace("{foreignCase}", foreignCase)
            .replace("{foreignFiling}", foreignFiling)
            .replace("{ownFiling}", ownFiling)
            .replace("{foreignUscc}", foreignUscc)
            .replace("{draftReport}", Long.toString(draftReport))
            .replace("{publicReport}", publicReport)
            .replace("{ratedCard}", ratedCard);
    PortalApi api = callers.get(caller);
    HttpResponse<String> response =
        endpoint.method().equals("POST")
            ? api.post(path, "reason=authorization+matrix")
            : api.get(path);

    assertThat(response.statusCode()).as(caller + " " + endpoint).isEqualTo(status);
    if (status != 200 && endpoint.access() != Access.PUBLIC) {
      // an error may echo the path asked for, never the data behind it
      assertThat(response.body()).doesNotContain(foreignName, "王");
    }
    if (status == 200 && endpoint.access() == Access.INSTITUTION) {
      assertThat(response.body())
          .as("an institution's page holds nothing of another")
          .doesNotContain(foreignUscc, foreignName);
    }
  }
}

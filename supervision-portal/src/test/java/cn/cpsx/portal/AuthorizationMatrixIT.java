package cn.cpsx.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.AccessMatrix.Access;
import cn.cpsx.portal.AccessMatrix.Endpoint;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every portal endpoint × every role × own and foreign institution, with access tokens from the
 * real Keycloak. The endpoints are the running portal's own request mappings; who may call each is
 * decided in {@link AccessMatrix}. Anonymous callers get 401; a role without the right gets 403; an
 * institution asking for another's filing gets 404 (its existence is not confirmed) and never its
 * data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

  static final String OFFICERS_BANK = "91110000770914530P";

  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient es;
  @Autowired cn.cpsx.portal.complaint.SearchIndexProperties index;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mvc;

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

  /** The fixture's values for the rows' placeholders. */
  Map<String, String> fixtureValues() {
    return Map.of(
        "{foreignCaseNo}", foreignCaseNo,
        "{ownCaseNo}", ownCaseNo,
        "{foreignCase}", foreignCase,
        "{foreignFiling}", foreignFiling,
        "{ownFiling}", ownFiling,
        "{foreignUscc}", foreignUscc,
        "{draftReport}", Long.toString(draftReport),
        "{publicReport}", publicReport,
        "{ratedCard}", ratedCard);
  }

  /**
   * Built from the running portal's own request mappings: for each mapped endpoint, the rows of
   * {@link AccessMatrix} that reach it, each called as every caller. An endpoint no row reaches
   * (and not set aside in {@link AccessMatrix#NOT_CALLED}) is a row of its own that fails.
   */
  Stream<Arguments> matrix() {
    PortalEndpoints endpoints = PortalEndpoints.of(mvc);
    Map<String, String> values = fixtureValues();
    List<Arguments> rows = new ArrayList<>();
    for (PortalEndpoints.Mapped mapped : endpoints.all()) {
      if (AccessMatrix.NOT_CALLED.containsKey(mapped.method() + " " + mapped.pattern())) {
        continue;
      }
      List<Endpoint> decided =
          AccessMatrix.rows().stream()
              .filter(
                  row ->
                      endpoints
                          .serving(row.method(), AccessMatrix.path(row, values))
                          .filter(
                              s ->
                                  s.method().equals(mapped.method())
                                      && s.pattern().equals(mapped.pattern()))
                          .isPresent())
              .toList();
      if (decided.isEmpty()) {
        rows.add(Arguments.of("nobody", new Endpoint(mapped.method(), mapped.toString(), null), 0));
      }
      for (Endpoint endpoint : decided) {
        for (String caller :
            List.of(
                "anonymous", "analyst", "supervisor", "admin", "officer", "institution-client")) {
          rows.add(Arguments.of(caller, endpoint, AccessMatrix.expected(caller, endpoint)));
        }
      }
    }
    return rows.stream();
  }

  @Test
  void everyRowReachesAnEndpointOfTheRunningPortal() {
    PortalEndpoints endpoints = PortalEndpoints.of(mvc);
    Map<String, String> values = fixtureValues();
    assertThat(AccessMatrix.rows())
        .allSatisfy(
            row ->
                assertThat(endpoints.serving(row.method(), AccessMatrix.path(row, values)))
                    .as("the endpoint %s reaches", row)
                    .isPresent());
  }

  @ParameterizedTest(name = "{0} → {1} = {2}")
  @MethodSource("matrix")
  void eachRoleGetsExactlyItsAccess(String caller, Endpoint endpoint, int status) throws Exception {
    assertThat(endpoint.access())
        .as("access decision for the mapped endpoint %s: add a row to AccessMatrix", endpoint)
        .isNotNull();
    String path = AccessMatrix.path(endpoint, fixtureValues());
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

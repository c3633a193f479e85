package cn.cpsx.portal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.CaseFixtures;
import cn.cpsx.portal.CaseFixtures.FixtureCase;
import cn.cpsx.portal.PortalApi;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Case detail masked for everyone; a supervisor's reveal shows the data and is audited first. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseDetailIT {

  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient es;
  @Autowired SearchIndexProperties index;

  FixtureCase fixtureCase;
  String path;

  @BeforeAll
  void load() throws Exception {
    CaseFixtures fixture = CaseFixtures.load(jdbc, es, index.caseAlias());
    fixtureCase = fixture.cases().get(4);
    path = "/regulator/cases/" + fixtureCase.institution() + "/" + fixtureCase.caseNo();
  }

  @Test
  void theDetailShowsEveryFieldMasked() throws Exception {
    HttpResponse<String> page = PortalApi.as("analyst").get(path);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(fixtureCase.caseNo(), "王**", "REFUND")
        .doesNotContain("王小明", fixtureCase.phone())
        .doesNotContain("name=\"reason\""); // analysts get no reveal form
  }

  @Test
  void aSupervisorsRevealIsWrittenToTheAuditLogWithItsReason() throws Exception {
    String reason = "投诉复核 " + fixtureCase.caseNo();

    HttpResponse<String> page =
        PortalApi.as("supervisor")
            .post(path + "/reveal", "reason=" + java.net.URLEncoder.encode(reason, "UTF-8"));

    // redirect after POST; the page it leads to shows the data once (PortalShellIT)
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith(path);
    String detail =
        jdbc.sql(
                "SELECT detail->>'reason' FROM audit_log WHERE action = 'REVEAL_PERSONAL_DATA'"
                    + " AND actor = 'supervisor' AND subject = ? ORDER BY id DESC LIMIT 1")
            .param(fixtureCase.institution() + ":" + fixtureCase.caseNo())
            .query(String.class)
            .single();
    assertThat(detail).isEqualTo(reason);
    assertThat(PortalApi.as("supervisor").get("/regulator/audit").body()).contains(reason);
  }

  @Test
  void aRevealWithoutAReasonShowsNothingAndRecordsNothing() throws Exception {
    long before = reveals();

    HttpResponse<String> page = PortalApi.as("supervisor").post(path + "/reveal", "reason=+++");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).doesNotContain("王小明", fixtureCase.phone());
    assertThat(reveals()).isEqualTo(before);
  }

  private long reveals() {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'REVEAL_PERSONAL_DATA'")
        .query(Long.class)
        .single();
  }
}

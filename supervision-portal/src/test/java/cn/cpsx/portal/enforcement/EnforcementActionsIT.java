package cn.cpsx.portal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.PortalApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Supervisors enter, publish and correct enforcement actions (§11); bad entries name the field. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
class EnforcementActionsIT {

  static final String BANK = "91110000770914530P";

  @Autowired JdbcClient jdbc;

  private static String form(String uscc, String decisionNo, LocalDate date, Long corrects) {
    return "uscc="
        + uscc
        + "&decisionNo="
        + URLEncoder.encode(decisionNo, StandardCharsets.UTF_8)
        + "&decisionDate="
        + date
        + "&severity=SERIOUS&measure=FINE&fineCny=500000.00"
        + "&legalBasis="
        + URLEncoder.encode("《银行业监督管理法》第四十六条", StandardCharsets.UTF_8)
        + "&summaryZh="
        + URLEncoder.encode("未按规定处理消费者投诉。", StandardCharsets.UTF_8)
        + (corrects == null ? "" : "&corrects=" + corrects);
  }

  private long idOf(String decisionNo) {
    return jdbc.sql("SELECT id FROM enforcement_action WHERE decision_no = ?")
        .param(decisionNo)
        .query(Long.class)
        .single();
  }

  private String statusOf(long id) {
    return jdbc.sql("SELECT status FROM enforcement_action WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  @Test
  void badEntriesAreRefusedWithTheFieldNamedAndNothingIsStored() throws Exception {
    PortalApi supervisor = PortalApi.as("supervisor");
    String no = "银保监罚决字〔IT〕" + UUID.randomUUID();
    var unknown =
        supervisor.post(
            "/regulator/enforcement",
            form("91110000000000000X", no, LocalDate.of(2026, 1, 5), null));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("no institution with this USCC in the registry");

    var future =
        supervisor.post(
            "/regulator/enforcement", form(BANK, no, LocalDate.now().plusDays(3), null));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body()).contains("the decision date is in the future");
    assertThat(
            jdbc.sql("SELECT count(*) FROM enforcement_action WHERE decision_no = ?")
                .param(no)
                .query(Long.class)
                .single())
        .isZero();

    assertThat(
            supervisor
                .post("/regulator/enforcement", form(BANK, no, LocalDate.of(2026, 1, 5), null))
                .statusCode())
        .isEqualTo(302);
    var duplicate =
        supervisor.post("/regulator/enforcement", form(BANK, no, LocalDate.of(2026, 1, 6), null));
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(duplicate.body()).contains("this decision number is already entered");
  }

  @Test
  void aSupervisorPublishesAnActionThatThenNeverChangesAndIsCorrectedByANewOne() throws Exception {
    PortalApi supervisor = PortalApi.as("supervisor");
    String no = "IT-PUB-" + UUID.randomUUID();
    assertThat(
            PortalApi.as("analyst")
                .post("/regulator/enforcement", form(BANK, no, LocalDate.of(2026, 2, 1), null))
                .statusCode())
        .as("analysts read the register but do not write it")
        .isEqualTo(403);
    supervisor.post("/regulator/enforcement", form(BANK, no, LocalDate.of(2026, 2, 1), null));
    long id = idOf(no);
    assertThat(statusOf(id)).isEqualTo("DRAFT");

    assertThat(supervisor.post("/regulator/enforcement/" + id + "/publish", "").statusCode())
        .isEqualTo(302);
    assertThat(statusOf(id)).isEqualTo("PUBLISHED");
    assertThat(supervisor.post("/regulator/enforcement/" + id + "/publish", "").statusCode())
        .as("published actions are immutable")
        .isEqualTo(409);

    String correctionNo = no + "-更正";
    assertThat(
            supervisor
                .post(
                    "/regulator/enforcement",
                    form(BANK, correctionNo, LocalDate.of(2026, 2, 3), id))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql("SELECT corrects FROM enforcement_action WHERE id = ?")
                .param(idOf(correctionNo))
                .query(Long.class)
                .single())
        .isEqualTo(id);
    var second =
        supervisor.post(
            "/regulator/enforcement", form(BANK, no + "-again", LocalDate.of(2026, 2, 4), id));
    assertThat(second.statusCode()).as("an action is corrected once").isEqualTo(400);
    assertThat(PortalApi.as("analyst").get("/regulator/enforcement").body()).contains(no);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE action = 'PUBLISH_ENFORCEMENT_ACTION' AND subject = ?")
                .param(String.valueOf(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}

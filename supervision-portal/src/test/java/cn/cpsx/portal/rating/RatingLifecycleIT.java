package cn.cpsx.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.PortalApi;
import cn.cpsx.schemas.rating.PublishedFactors;
import cn.cpsx.schemas.rating.RatingFigures;
import cn.cpsx.schemas.rating.RatingMethodology;
import cn.cpsx.schemas.rating.RatingMethodology.ComputedRating;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The §7 lifecycle through the portal's real endpoints with real Keycloak tokens: a draft is seen
 * by its own institution only, objections close on time, only a supervisor publishes, and only once
 * the institution accepted or its window closed; a correction supersedes and keeps the old version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
class RatingLifecycleIT {

  static final String OWN = "91110000770914530P"; // officer's bank (BANK_LARGE)
  static final String OTHER = "91110000416538280L"; // another BANK_LARGE

  @Autowired JdbcClient jdbc;

  String period;
  long run;

  @BeforeEach
  void draftsOfAFreshPeriod() {
    period = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 1900));
    jdbc.sql(
            "DELETE FROM rating_objection WHERE rating_id IN (SELECT id FROM rating WHERE period = ?)")
        .param(period)
        .update();
    jdbc.sql("DELETE FROM rating WHERE period = ?").param(period).update();
    run = newRun(LocalDate.now().plusDays(10));
  }

  /** A computed run with drafts for the two banks, as ratingJob leaves them. */
  private long newRun(LocalDate objectionDeadline) {
    long id =
        jdbc.sql(
                """
                INSERT INTO rating_run (period, provisional, data_cutoff, methodology_version,
                                        requested_by, computed_at)
                VALUES (?, false, clock_timestamp(), 'v1', 'RatingLifecycleIT', now()) RETURNING id
                """)
            .param(period)
            .query(Long.class)
            .single();
    List<RatingFigures> figures =
        List.of(
            new RatingFigures(
                OWN,
                "BANK_LARGE",
                120,
                1_000_000,
                100,
                90,
                50,
                40,
                6,
                5,
                5,
                new BigDecimal("480"),
                null,
                null,
                0,
                0,
                0),
            new RatingFigures(
                OTHER,
                "BANK_LARGE",
                300,
                1_000_000,
                250,
                200,
                80,
                50,
                30,
                5,
                4,
                new BigDecimal("420"),
                null,
                null,
                1,
                0,
                0));
    for (RatingFigures f : figures) {
      jdbc.sql(
              """
              INSERT INTO rating_figures (run_id, institution_uscc, institution_type, complaints,
                     retail_customers, closed, closed_within_deadline, surveyed, satisfied, escalated,
                     due, good_filings, self_score_sum, minor, serious, major)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              id,
              f.uscc(),
              f.institutionType(),
              f.complaints(),
              f.retailCustomers(),
              f.closed(),
              f.closedWithinDeadline(),
              f.surveyed(),
              f.satisfied(),
              f.escalated(),
              f.due(),
              f.goodFilings(),
              f.selfScoreSum(),
              f.minor(),
              f.serious(),
              f.major())
          .update();
    }
    for (ComputedRating r : RatingMethodology.rate(figures)) {
      jdbc.sql(
              """
              UPDATE rating SET status = 'REPLACED'
               WHERE institution_uscc = ? AND period = ? AND status = 'DRAFT'
              """)
          .params(r.uscc(), period)
          .update();
      jdbc.sql(
              """
              INSERT INTO rating (run_id, institution_uscc, period, provisional, status, name_zh,
                     name_en, institution_type, province, score, grade, capped, limited_data,
                     methodology_version, data_cutoff, factors, objection_deadline)
              SELECT ?, uscc, ?, false, 'DRAFT', legal_name_zh, name_en, type,
                     left(home_region, 2) || '0000', ?, ?, ?, ?, 'v1', now(), ?::jsonb, ?
                FROM institution WHERE uscc = ?
              """)
          .params(
              id,
              period,
              r.score(),
              r.grade(),
              r.capped(),
              r.limitedData(),
              PublishedFactors.toJson(r.factors()),
              objectionDeadline,
              r.uscc())
          .update();
    }
    return id;
  }

  private long draftOf(String uscc) {
    return jdbc.sql("SELECT id FROM rating WHERE run_id = ? AND institution_uscc = ?")
        .params(run, uscc)
        .query(Long.class)
        .single();
  }

  private String statusOf(long id) {
    return jdbc.sql("SELECT status FROM rating WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  @Test
  void anInstitutionSeesItsOwnDraftWithEveryFactorAndNeverAnothers() throws Exception {
    JsonNode own = PortalApi.as("officer").json("/institution/api/ratings");
    List<String> usccs = own.valueStream().map(r -> r.get("uscc").asString()).distinct().toList();
    assertThat(usccs).containsExactly(OWN);
    JsonNode draft =
        own.valueStream()
            .filter(r -> r.get("period").asString().equals(period))
            .findFirst()
            .orElseThrow();
    assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
    assertThat(draft.get("factors")).hasSize(7);
    // another institution's draft can be neither objected to nor accepted: it does not exist for
    // them
    PortalApi officer = PortalApi.as("officer");
    assertThat(officer.post("/institution/ratings/" + draftOf(OTHER) + "/accept", "").statusCode())
        .isEqualTo(404);
    assertThat(
            officer
                .post(
                    "/institution/ratings/" + draftOf(OTHER) + "/objection",
                    "reason=" + "the+figures+are+wrong+here")
                .statusCode())
        .isEqualTo(404);
    // the regulator's review is not theirs
    assertThat(officer.get("/regulator/ratings").statusCode()).isEqualTo(403);
  }

  @Test
  void onlyASupervisorPublishesAndOnlyOnceTheInstitutionAcceptedOrTheWindowClosed()
      throws Exception {
    long draft = draftOf(OWN);
    PortalApi supervisor = PortalApi.as("supervisor");
    assertThat(
            PortalApi.as("analyst")
                .post("/regulator/ratings/" + draft + "/publish", "")
                .statusCode())
        .isEqualTo(403);
    assertThat(supervisor.post("/regulator/ratings/" + draft + "/publish", "").statusCode())
        .as("the window is open and the institution has not accepted")
        .isEqualTo(409);
    assertThat(statusOf(draft)).isEqualTo("DRAFT");

    assertThat(
            PortalApi.as("officer")
                .post("/institution/ratings/" + draft + "/accept", "")
                .statusCode())
        .isEqualTo(302);
    assertThat(supervisor.post("/regulator/ratings/" + draft + "/publish", "").statusCode())
        .isEqualTo(302);

    assertThat(statusOf(draft)).isEqualTo("PUBLISHED");
    assertThat(
            jdbc.sql("SELECT version FROM rating WHERE id = ?")
                .param(draft)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE action = 'PUBLISH_RATING' AND subject = ? AND actor = 'supervisor'")
                .param(String.valueOf(draft))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(supervisor.post("/regulator/ratings/" + draft + "/publish", "").statusCode())
        .as("a published rating is immutable")
        .isEqualTo(409);
  }

  @Test
  void anObjectionIsTakenWithinTheWindowAndMustBeAnsweredBeforePublication() throws Exception {
    long draft = draftOf(OWN);
    PortalApi officer = PortalApi.as("officer");
    assertThat(
            officer
                .post("/institution/ratings/" + draft + "/objection", "reason=short")
                .statusCode())
        .as("a reason of fewer than 10 characters")
        .isEqualTo(400);
    assertThat(
            officer
                .post(
                    "/institution/ratings/" + draft + "/objection",
                    "reason=%E6%8A%95%E8%AF%89%E9%87%8F%E5%90%AB%E9%87%8D%E5%A4%8D%E6%8F%90%E4%BA%A4%E7%9A%84%E6%A1%88%E4%BB%B6")
                .statusCode())
        .isEqualTo(302);
    // the window closes: no objection after its last day (Shanghai)
    jdbc.sql("UPDATE rating SET objection_deadline = ? WHERE id = ?")
        .params(LocalDate.now().minusDays(2), draft)
        .update();
    assertThat(
            officer
                .post(
                    "/institution/ratings/" + draft + "/objection",
                    "reason=one+more+objection+late")
                .statusCode())
        .isEqualTo(409);

    PortalApi supervisor = PortalApi.as("supervisor");
    assertThat(supervisor.post("/regulator/ratings/" + draft + "/publish", "").statusCode())
        .as("the objection is unanswered")
        .isEqualTo(409);
    assertThat(
            supervisor
                .post("/regulator/ratings/" + draft + "/publish", "answer=checked%2C+no+duplicates")
                .statusCode())
        .isEqualTo(302);
    assertThat(statusOf(draft)).isEqualTo("PUBLISHED");
    assertThat(
            jdbc.sql("SELECT answer FROM rating_objection WHERE rating_id = ?")
                .param(draft)
                .query(String.class)
                .single())
        .isEqualTo("checked, no duplicates");
  }

  @Test
  void aCorrectionSupersedesThePublishedVersionAndBothStay() throws Exception {
    long first = draftOf(OWN);
    jdbc.sql("UPDATE rating SET objection_deadline = ? WHERE run_id = ?")
        .params(LocalDate.now().minusDays(1), run)
        .update();
    PortalApi supervisor = PortalApi.as("supervisor");
    supervisor.post("/regulator/ratings/runs/" + run + "/publish", "");
    assertThat(statusOf(first)).isEqualTo("PUBLISHED");

    run = newRun(LocalDate.now().minusDays(1));
    long correction = draftOf(OWN);
    assertThat(supervisor.post("/regulator/ratings/" + correction + "/publish", "").statusCode())
        .isEqualTo(302);

    assertThat(statusOf(first)).isEqualTo("SUPERSEDED");
    assertThat(statusOf(correction)).isEqualTo("PUBLISHED");
    assertThat(
            jdbc.sql("SELECT version || '/' || supersedes FROM rating WHERE id = ?")
                .param(correction)
                .query(String.class)
                .single())
        .isEqualTo("2/1");
  }

  @Test
  void aSupervisorLowersTheSelfAssessmentWithAReasonAndTheScoreFollows() throws Exception {
    long draft = draftOf(OWN);
    BigDecimal before = score(draft);
    PortalApi supervisor = PortalApi.as("supervisor");
    assertThat(
            supervisor.post("/regulator/ratings/" + draft + "/adjust", "points=1.00").statusCode())
        .as("no reason")
        .isEqualTo(400);
    assertThat(
            supervisor
                .post(
                    "/regulator/ratings/" + draft + "/adjust",
                    "points=1.00&reason=evidence+not+provided")
                .statusCode())
        .isEqualTo(302);
    // 480 / 60 = 8.00 self-assessment points, less 1.00: the score falls by exactly 1.0
    assertThat(score(draft)).isEqualByComparingTo(before.subtract(BigDecimal.ONE));
    JsonNode factors =
        tools.jackson.databind.json.JsonMapper.shared()
            .readTree(
                jdbc.sql("SELECT factors::text FROM rating WHERE id = ?")
                    .param(draft)
                    .query(String.class)
                    .single());
    JsonNode self = factors.get(5);
    assertThat(self.get("points").decimalValue()).isEqualByComparingTo("7.00");
    assertThat(self.get("figures").get("adjustmentReason").asString())
        .isEqualTo("evidence not provided");
  }

  private BigDecimal score(long id) {
    return jdbc.sql("SELECT score FROM rating WHERE id = ?")
        .param(id)
        .query(BigDecimal.class)
        .single();
  }
}

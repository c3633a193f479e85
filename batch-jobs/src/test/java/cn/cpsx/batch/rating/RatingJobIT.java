package cn.cpsx.batch.rating;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.batch.filing.FilingJobs;
import cn.cpsx.batch.filing.TestInbox;
import cn.cpsx.schemas.rating.RatingPeriod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files a small known world of payment institutions through the real validation job, runs {@code
 * ratingJob}, and checks every figure and point of the drafts against values worked out here from
 * the world itself (not by the methodology code), in a past year no other test uses.
 */
@SpringBootTest
@ActiveProfiles("it")
class RatingJobIT {

  // PAYMENT peers in the demo registry (six, all licensed)
  static final String P1 = "913301008966988008"; // 40 cases, own self-assessment, one late filing
  static final String P2 = "914403003344047579"; // 10 cases: limited data
  static final String P3 = "913100003480396419"; // 40 cases, a major penalty
  static final String P4 = "911100009392634078"; // no cases

  @Autowired FilingJobs filings;
  @Autowired RatingJobs ratings;
  @Autowired JdbcClient jdbc;

  int year;

  @BeforeEach
  void freeYear() {
    // a past year in which the shared test database holds nothing yet
    do {
      year = ThreadLocalRandom.current().nextInt(1200, 1900);
    } while (jdbc.sql(
                """
                SELECT (SELECT count(*) FROM complaint_case_version
                         WHERE record->>'receivedAt' LIKE ? || '-%')
                     + (SELECT count(*) FROM filing WHERE period LIKE ? || '%')
                     + (SELECT count(*) FROM enforcement_action WHERE extract(year FROM decision_date) = ?)
                """)
            .params(String.valueOf(year), String.valueOf(year), year)
            .query(Long.class)
            .single()
        > 0);
  }

  @Test
  void draftsCarryEveryFigureAndPointOfTheKnownWorld() {
    fileWorld();
    long runId = ratings.request(period(), Instant.now(), "RatingJobIT");
    assertThat(ratings.compute(runId).getStatus().name()).isEqualTo("COMPLETED");

    Map<String, JsonNode> drafts = drafts(runId);
    // every licensed institution is rated, with or without cases
    long licensed =
        jdbc.sql("SELECT count(*) FROM institution WHERE licence_status = 'ACTIVE'")
            .query(Long.class)
            .single();
    assertThat(drafts).hasSize((int) licensed);

    // P1: 40 cases over 1,000,000 customers (its own self-assessment overrides the registry)
    JsonNode p1 = drafts.get(P1);
    assertFigures(p1, "COMPLAINT_INTENSITY", "complaints", 40, "retailCustomers", 1_000_000);
    assertDecimal(p1, "COMPLAINT_INTENSITY", "per10k", "0.4000000000");
    // per10k: P2 10×10k / 420,000,000 ≈ 0.00024 < P3 40×10k / 80,000,000 = 0.005 < P1 0.4,
    // so ranks ⅙, ½, ⅚ among the three peers with cases
    assertDecimal(drafts.get(P2), "COMPLAINT_INTENSITY", "percentileRank", "0.1666666667");
    assertDecimal(drafts.get(P3), "COMPLAINT_INTENSITY", "percentileRank", "0.5000000000");
    assertDecimal(p1, "COMPLAINT_INTENSITY", "percentileRank", "0.8333333333");
    assertPoints(drafts.get(P2), "COMPLAINT_INTENSITY", expected(25, 5, 6)); // 25×⅚ = 20.83
    assertPoints(drafts.get(P3), "COMPLAINT_INTENSITY", "12.50");
    assertPoints(p1, "COMPLAINT_INTENSITY", expected(25, 1, 6)); // 4.17
    assertPoints(drafts.get(P4), "COMPLAINT_INTENSITY", "12.50"); // no cases: rank ½

    // P1 timeliness: 37 closed, 30 within 15 days + 2 extended within 30 = 32 (the re-filed
    // newest version of case 1 counts, the first version does not)
    assertFigures(p1, "TIMELINESS", "closed", 37, "closedWithinDeadline", 32);
    assertPoints(p1, "TIMELINESS", expected(20, 32, 37));
    // satisfaction: 20 satisfied + 5 basically of 30 surveyed (3 NOT_SURVEYED, 7 absent)
    assertFigures(p1, "RESOLUTION", "surveyed", 30, "satisfied", 25);
    assertPoints(p1, "RESOLUTION", expected(15, 25, 30));
    // escalation: 2 via the regulator + 1 escalated of 40; P2 none, P3 none → P2,P3 tie low
    assertFigures(p1, "ESCALATION", "complaints", 40, "escalated", 3);
    assertDecimal(p1, "ESCALATION", "share", "0.0750000000");
    assertPoints(p1, "ESCALATION", expected(10, 1, 6)); // rank (2 + ½)/3 = ⅚ → 1.67
    assertPoints(drafts.get(P2), "ESCALATION", "6.67"); // (0 + ½×2)/3 = ⅓ → 6.67

    // reporting discipline: five due in the year; P1 filed 2 on time, 1 late; P2 none
    assertFigures(p1, "REPORTING_DISCIPLINE", "due", 5, "goodFilings", 2);
    assertPoints(p1, "REPORTING_DISCIPLINE", "4.00");
    assertFigures(drafts.get(P2), "REPORTING_DISCIPLINE", "due", 5, "goodFilings", 0);

    // self-assessment: scores 90 85 80 75 70 60 → mean 76.666… → 7.67; none filed: 0
    assertDecimal(p1, "SELF_ASSESSMENT", "meanSelfScore", "76.6666666667");
    assertPoints(p1, "SELF_ASSESSMENT", "7.67");
    assertPoints(drafts.get(P2), "SELF_ASSESSMENT", "0.00");

    // enforcement: P1 one minor (its serious one was corrected to minor: 2 minor); the draft action
    // and the one of the next year do not count. P3 one major.
    assertFigures(p1, "ENFORCEMENT", "minor", 2, "serious", 0, "major", 0);
    assertPoints(p1, "ENFORCEMENT", "4.00");
    assertFigures(drafts.get(P3), "ENFORCEMENT", "minor", 0, "serious", 0, "major", 1);

    // score = sum of rounded points, half-up to 1 decimal
    for (JsonNode draft : List.of(p1, drafts.get(P2), drafts.get(P3), drafts.get(P4))) {
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode factor : draft.get("factors")) {
        sum = sum.add(factor.get("points").decimalValue());
      }
      assertThat(draft.get("score").decimalValue())
          .isEqualByComparingTo(sum.setScale(1, RoundingMode.HALF_UP));
    }
    assertThat(drafts.get(P2).get("limitedData").asBoolean()).isTrue();
    assertThat(p1.get("limitedData").asBoolean()).isFalse();
    assertThat(drafts.get(P3).get("grade").asString()).isIn("C", "D");
  }

  @Test
  void theSameCutOffGivesTheSameFiguresWhateverArrivesLater() {
    fileWorld();
    Instant cutoff = Instant.now();
    // after the cut-off: a new case for P2, and P1's resolved case 3 re-filed as escalated
    file(
        P2,
        cases(
            P2,
            99,
            99,
            i -> caseJson("LATE-" + i, at(3, 1), "ONLINE", "RECEIVED", null, null, false)));
    file(
        P1,
        cases(
            P1,
            3,
            3,
            i -> caseJson("C3", at(2, 4), "PHONE", "ESCALATED", null, "SATISFIED", false)));

    long atCutoff = ratings.request(period(), cutoff, "RatingJobIT");
    ratings.compute(atCutoff);
    long later = ratings.request(period(), Instant.now(), "RatingJobIT");
    ratings.compute(later);

    assertFigures(drafts(atCutoff).get(P2), "COMPLAINT_INTENSITY", "complaints", 10);
    assertFigures(drafts(later).get(P2), "COMPLAINT_INTENSITY", "complaints", 11);
    // a case re-filed after the cut-off counts as it stood at the cut-off, and as re-filed later
    assertFigures(drafts(atCutoff).get(P1), "ESCALATION", "escalated", 3);
    assertFigures(drafts(atCutoff).get(P1), "TIMELINESS", "closed", 37);
    assertFigures(drafts(later).get(P1), "ESCALATION", "escalated", 4);
    assertFigures(drafts(later).get(P1), "TIMELINESS", "closed", 36);
    // the later run's draft replaced the earlier one; only one draft per institution and period
    assertThat(
            jdbc.sql("SELECT status FROM rating WHERE run_id = ? AND institution_uscc = ?")
                .params(atCutoff, P2)
                .query(String.class)
                .single())
        .isEqualTo("REPLACED");
    // asking for the same period and cut-off again is the same run, not a new one
    assertThat(ratings.request(period(), cutoff, "again")).isEqualTo(atCutoff);
    assertThat(ratings.compute(atCutoff)).isNull();
  }

  @Test
  void aRunThatFailedWritingItsDraftsIsRestartedAndWritesThemOnce() {
    fileWorld();
    long runId = ratings.request(period(), Instant.now(), "RatingJobIT");
    // planned failure: the database refuses this period's ratings while the drafts are written
    String constraint = "rating_job_it_planned_failure_" + year;
    jdbc.sql(
            "ALTER TABLE rating ADD CONSTRAINT "
                + constraint
                + " CHECK (period <> '"
                + year
                + "') NOT VALID")
        .update();
    try {
      assertThat(ratings.compute(runId).getStatus().name()).isEqualTo("FAILED");
    } finally {
      jdbc.sql("ALTER TABLE rating DROP CONSTRAINT " + constraint).update();
    }
    assertThat(drafts(runId)).isEmpty();
    assertThat(
            jdbc.sql("SELECT computed_at IS NULL FROM rating_run WHERE id = ?")
                .param(runId)
                .query(Boolean.class)
                .single())
        .as("a failed run stays pending, so the sweep retries it")
        .isTrue();

    var restarted = ratings.compute(runId);

    assertThat(restarted.getStatus().name()).isEqualTo("COMPLETED");
    assertThat(restarted.getStepExecutions())
        .as("the figures were collected by the first run; only the drafts step runs again")
        .extracting(step -> step.getStepName())
        .containsExactly("writeRatingDraftsStep");
    assertThat(drafts(runId))
        .hasSize(
            jdbc.sql("SELECT count(*) FROM rating_figures WHERE run_id = ?")
                .param(runId)
                .query(Long.class)
                .single()
                .intValue());
    assertFigures(drafts(runId).get(P1), "COMPLAINT_INTENSITY", "complaints", 40);
  }

  // --- the world ----------------------------------------------------------------------------

  private RatingPeriod period() {
    return RatingPeriod.parse(String.valueOf(year)).orElseThrow();
  }

  private void fileWorld() {
    // P1: 40 cases. 1–30 resolved in 10 days; 31–35 resolved after 20 days; 36–37 extended and
    // resolved after 20 days; 38–40 open. Channel REGULATOR for 1–2, 40 ESCALATED.
    // Satisfaction: 1–20 SATISFIED, 21–25 BASICALLY_SATISFIED, 26–30 DISSATISFIED,
    // 31–33 NOT_SURVEYED, 34–40 absent.
    file(
        P1,
        cases(
            P1,
            1,
            40,
            i -> {
              String channel = i <= 2 ? "REGULATOR" : "PHONE";
              String satisfaction =
                  i <= 20
                      ? "SATISFIED"
                      : i <= 25
                          ? "BASICALLY_SATISFIED"
                          : i <= 30 ? "DISSATISFIED" : i <= 33 ? "NOT_SURVEYED" : null;
              OffsetDateTime received = at(2, 1 + i % 20);
              if (i == 1) { // first version: still open; re-filed below as resolved
                return caseJson("C1", received, channel, "IN_PROGRESS", null, satisfaction, false);
              }
              if (i <= 30) {
                return caseJson(
                    "C" + i,
                    received,
                    channel,
                    "RESOLVED",
                    received.plusDays(10),
                    satisfaction,
                    false);
              }
              if (i <= 37) {
                return caseJson(
                    "C" + i,
                    received,
                    channel,
                    "RESOLVED",
                    received.plusDays(20),
                    satisfaction,
                    i >= 36);
              }
              return caseJson(
                  "C" + i,
                  received,
                  channel,
                  i == 40 ? "ESCALATED" : "IN_PROGRESS",
                  null,
                  satisfaction,
                  false);
            }));
    // the newest version of case 1: resolved in 10 days
    file(
        P1,
        cases(
            P1,
            1,
            1,
            i -> caseJson("C1", at(2, 2), "REGULATOR", "RESOLVED", at(2, 12), "SATISFIED", false)));
    // a TEST filing and a rejected record never count
    String test =
        cases(P1, 1, 5, i -> caseJson("T" + i, at(3, 3), "PHONE", "RECEIVED", null, null, false))
            .replace("\"LIVE\"", "\"TEST\"");
    file(P1, test);
    // P2: 10 open cases; P3: 40 open cases
    file(
        P2,
        cases(
            P2, 1, 10, i -> caseJson("D" + i, at(5, i), "ONLINE", "RECEIVED", null, null, false)));
    file(
        P3,
        cases(
            P3,
            1,
            40,
            i -> caseJson("E" + i, at(6, 1 + i % 28), "BRANCH", "RECEIVED", null, null, false)));

    // P1's filings due in the year: 2024-Q4-like (year-1 Q4) missing; Q1 on time; Q2 late;
    // last year's self-assessment on time; Q3 missing → 2 good of 5
    fileAt(P1, "STATS_Q", stats(P1, year + "-Q1"), at(4, 10));
    fileAt(P1, "STATS_Q", stats(P1, year + "-Q2"), at(8, 1));
    fileAt(
        P1, "SELF_ASSESSMENT", selfAssessment(P1, String.valueOf(year - 1), 5_000_000), at(3, 20));
    // the year's own self-assessment (filed the next spring): its customers and scores count
    fileAt(
        P1,
        "SELF_ASSESSMENT",
        selfAssessment(P1, String.valueOf(year), 1_000_000),
        OffsetDateTime.of(year + 1, 3, 1, 10, 0, 0, 0, java.time.ZoneOffset.ofHours(8)));

    long serious = action(P1, "SERIOUS", at(5, 5), null, "PUBLISHED");
    action(P1, "MINOR", at(6, 6), serious, "PUBLISHED"); // corrects the serious one
    action(P1, "MINOR", at(7, 7), null, "PUBLISHED");
    action(P1, "MAJOR", at(8, 8), null, "DRAFT");
    action(
        P1,
        "MAJOR",
        OffsetDateTime.of(year + 1, 1, 2, 0, 0, 0, 0, java.time.ZoneOffset.ofHours(8)),
        null,
        "PUBLISHED");
    action(P3, "MAJOR", at(9, 9), null, "PUBLISHED");
  }

  private OffsetDateTime at(int month, int day) {
    return OffsetDateTime.of(year, month, day, 9, 30, 0, 0, java.time.ZoneOffset.ofHours(8));
  }

  private void file(String uscc, String body) {
    String filingId = TestInbox.put(jdbc, uscc, "CASES", body);
    filings.process(filingId);
    assertThat(TestInbox.statusOf(jdbc, filingId)).startsWith("ACCEPTED");
  }

  private void fileAt(String uscc, String type, String body, OffsetDateTime receivedAt) {
    String filingId = TestInbox.put(jdbc, uscc, type, body);
    jdbc.sql("UPDATE filing SET received_at = ? WHERE filing_id = ?")
        .params(receivedAt, filingId)
        .update();
    filings.process(filingId);
    assertThat(TestInbox.statusOf(jdbc, filingId)).startsWith("ACCEPTED");
  }

  private long action(
      String uscc, String severity, OffsetDateTime date, Long corrects, String status) {
    return jdbc.sql(
            """
            INSERT INTO enforcement_action (institution_uscc, decision_no, decision_date, severity,
                   measure, legal_basis, summary_zh, corrects, status, created_by, published_at)
            VALUES (?, ?, ?, ?, 'WARNING', '《消费者权益保护实施办法》', '测试处罚', ?, ?, 'RatingJobIT',
                    CASE WHEN ? = 'PUBLISHED' THEN now() END)
            RETURNING id
            """)
        .params(
            uscc,
            "RJIT-" + java.util.UUID.randomUUID(),
            date.toLocalDate(),
            severity,
            corrects,
            status,
            status)
        .query(Long.class)
        .single();
  }

  interface CaseMaker {
    String make(int i);
  }

  private String cases(String uscc, int from, int to, CaseMaker maker) {
    List<String> list = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      list.add(maker.make(i));
    }
    return """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[%s]}
        """
        .formatted(uscc, String.join(",", list));
  }

  private static String caseJson(
      String caseNo,
      OffsetDateTime received,
      String channel,
      String status,
      OffsetDateTime resolved,
      String satisfaction,
      boolean extended) {
    StringBuilder json =
        new StringBuilder(
            """
            {"caseNo":"%s","receivedAt":"%s","channel":"%s","businessCategory":"PAYMENT",
             "reason":"FEES","demand":"REFUND","region":"330100","status":"%s",
             "narrative":"客户反映支付手续费未经告知即被扣收，要求退还。"
            """
                .formatted(caseNo, received, channel, status));
    if (resolved != null) {
      json.append(",\"resolvedAt\":\"%s\",\"outcome\":\"UPHELD\"".formatted(resolved));
    }
    if (satisfaction != null) {
      json.append(",\"satisfaction\":\"%s\"".formatted(satisfaction));
    }
    if (extended) {
      json.append(",\"extended\":true");
    }
    return json.append('}').toString();
  }

  private static String stats(String uscc, String period) {
    return """
        {"specVersion":"1","filingType":"STATS_Q","institution":"%s","mode":"LIVE","period":"%s",
         "statistics":{"received":0,"closed":0,"closedWithin15Days":0,"overdueOpen":0,"upheld":0,
           "redressTotal":0,"satisfiedOrBasically":0,"surveyed":0,
           "byCategoryReason":[],"byChannel":[],"byProvince":[]}}
        """
        .formatted(uscc, period);
  }

  private static String selfAssessment(String uscc, String period, long customers) {
    int[] scores = {90, 85, 80, 75, 70, 60};
    String[] dimensions = {
      "GOVERNANCE",
      "PRODUCT_REVIEW",
      "DISCLOSURE",
      "COMPLAINT_HANDLING",
      "INFO_PROTECTION",
      "EDUCATION"
    };
    List<String> selfScores = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      selfScores.add(
          "{\"dimension\":\"%s\",\"score\":%d,\"evidence\":\"董事会审议并整改。\"}"
              .formatted(dimensions[i], scores[i]));
    }
    return """
        {"specVersion":"1","filingType":"SELF_ASSESSMENT","institution":"%s","mode":"LIVE",
         "period":"%s","assessment":{"retailCustomers":%d,"boardReviews":2,"dedicatedDepartment":true,
         "cpStaff":10,"staffTrainedPct":90,"productsReviewed":5,"educationCampaigns":3,
         "peopleReached":1000,"infoSecurityIncidents":0,"partnersAudited":2,"selfScores":[%s]}}
        """
        .formatted(uscc, period, customers, String.join(",", selfScores));
  }

  // --- reading and checking the drafts -------------------------------------------------------

  private Map<String, JsonNode> drafts(long runId) {
    return jdbc
        .sql(
            """
            SELECT institution_uscc, json_build_object('score', score, 'grade', grade,
                   'limitedData', limited_data, 'factors', factors)::text
              FROM rating WHERE run_id = ?
            """)
        .param(runId)
        .query((rs, n) -> Map.entry(rs.getString(1), JsonMapper.shared().readTree(rs.getString(2))))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static JsonNode factor(JsonNode draft, String name) {
    for (JsonNode f : draft.get("factors")) {
      if (f.get("factor").asString().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no factor " + name);
  }

  private static void assertFigures(JsonNode draft, String factor, Object... nameValue) {
    JsonNode figures = factor(draft, factor).get("figures");
    for (int i = 0; i < nameValue.length; i += 2) {
      assertThat(figures.get((String) nameValue[i]).asLong())
          .as(factor + "." + nameValue[i])
          .isEqualTo(((Number) nameValue[i + 1]).longValue());
    }
  }

  private static void assertDecimal(JsonNode draft, String factor, String figure, String value) {
    assertThat(factor(draft, factor).get("figures").get(figure).decimalValue())
        .as(factor + "." + figure)
        .isEqualByComparingTo(value);
  }

  private static void assertPoints(JsonNode draft, String factor, String points) {
    assertThat(factor(draft, factor).get("points").decimalValue())
        .as(factor + " points")
        .isEqualByComparingTo(points);
  }

  /** max × num / den, half-up to 2 decimals, worked out with 50 digits: the spec's rounding. */
  private static String expected(int max, int num, int den) {
    return BigDecimal.valueOf((long) max * num)
        .divide(BigDecimal.valueOf(den), new MathContext(50))
        .setScale(2, RoundingMode.HALF_UP)
        .toPlainString();
  }
}

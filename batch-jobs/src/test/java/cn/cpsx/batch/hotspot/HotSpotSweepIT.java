package cn.cpsx.batch.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.schemas.Uscc;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The weekly sweep on the real PostgreSQL, for an institution of its own in a past week of its own
 * (so other tests' cases on the same database do not mix in).
 */
@SpringBootTest
@ActiveProfiles("it")
class HotSpotSweepIT {

  @Autowired JdbcClient jdbc;
  @Autowired HotSpotJobs jobs;

  @Test
  void aJumpIsFlaggedOnceAndSteadyOrSmallPairsAreNot() throws Exception {
    String first17 = "9131000099" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    String bank = first17 + Uscc.checkCharacter(first17);
    LocalDate week;
    do { // a week whose sweep never ran on this (shared, long-lived) test database
      week =
          LocalDate.of(ThreadLocalRandom.current().nextInt(1800, 2020), 6, 15)
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    } while (jdbc.sql(
                """
                SELECT count(*) FROM batch_job_execution_params
                 WHERE parameter_name = 'week' AND parameter_value = ?
                """)
            .param(week.toString())
            .query(Long.class)
            .single()
        > 0);
    String filing = "FHOT-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                received_at, sha256, size_bytes, raw, status, validated_at)
            VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', now(), ?, 2, '{}'::bytea,
                    'ACCEPTED', now())
            """)
        .params(filing, bank, UUID.randomUUID().toString().replace("-", "").repeat(2))
        .update();
    // CREDIT_CARD: 2 a week, then 14 → flagged. PERSONAL_LOAN: 10 a week, then 16 → not doubled.
    // DEPOSIT: none, then 9 → too few.
    for (int w = 1; w <= HotSpotRule.BASELINE_WEEKS; w++) {
      cases(bank, filing, "CREDIT_CARD", week.minusWeeks(w), 2);
      cases(bank, filing, "PERSONAL_LOAN", week.minusWeeks(w), 10);
    }
    cases(bank, filing, "CREDIT_CARD", week, 14);
    cases(bank, filing, "PERSONAL_LOAN", week, 16);
    cases(bank, filing, "DEPOSIT", week, 9);
    cases(bank, filing, "CREDIT_CARD", week.plusWeeks(1), 30); // the next week is not this one's

    try {
      sweepFlagsOnlyTheJumpOnce(bank, week);
    } finally {
      jdbc.sql("DELETE FROM complaint_case WHERE filing_id = ?").param(filing).update();
    }
  }

  private void sweepFlagsOnlyTheJumpOnce(String bank, LocalDate week) throws Exception {
    var first = jobs.run(week);

    assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    record Flagged(String businessCategory, int weekCount, double baselineMean) {}
    List<Flagged> flagged =
        jdbc.sql(
                "SELECT business_category, week_count, baseline_mean FROM hot_spot"
                    + " WHERE institution_uscc = ? AND week_start = ?")
            .params(bank, week)
            .query(Flagged.class)
            .list();
    assertThat(flagged).containsExactly(new Flagged("CREDIT_CARD", 14, 2.0));

    assertThatThrownBy(() -> jobs.run(week))
        .isInstanceOf(JobInstanceAlreadyCompleteException.class);
    assertThat(
            jdbc.sql("SELECT count(*) FROM hot_spot WHERE institution_uscc = ?")
                .param(bank)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  /** A complete, valid case record: other tests (the reindex) read every current case. */
  private static String record(String caseNo, OffsetDateTime receivedAt, String category) {
    return """
        {"caseNo":"%s","receivedAt":"%s","channel":"PHONE","businessCategory":"%s",
         "reason":"FEES","demand":"REFUND","region":"310115",
         "narrative":"客户称费用未经告知即被扣收，要求退还。","status":"RECEIVED"}
        """
        .formatted(caseNo, receivedAt, category);
  }

  private void cases(String bank, String filing, String category, LocalDate monday, int count) {
    for (int i = 0; i < count; i++) {
      OffsetDateTime receivedAt =
          monday.atStartOfDay(ReportingTime.ZONE).toOffsetDateTime().plusHours(1 + i * 5L);
      String caseNo = "HOT-" + category + "-" + monday + "-" + i;
      jdbc.sql(
              """
              INSERT INTO complaint_case (institution_uscc, case_no, filing_id, filing_seq,
                                          received_at, status, record)
              VALUES (?, ?, ?, 1, ?, 'RECEIVED', ?::jsonb)
              """)
          .params(bank, caseNo, filing, receivedAt, record(caseNo, receivedAt, category))
          .update();
    }
  }
}

package cn.cpsx.batch.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Quarterly statistics and their amendments (§4.1) against the real PostgreSQL. */
@SpringBootTest
@ActiveProfiles("it")
class PeriodicFilingIT {

  static final String BANK = "91110000416538280L";

  @Autowired FilingJobs jobs;
  @Autowired JdbcClient jdbc;

  String period;

  @BeforeEach
  void freshPeriod() {
    // A past quarter of its own, so earlier runs on the same database do not occupy it.
    period =
        ThreadLocalRandom.current().nextInt(1000, 2000)
            + "-Q"
            + ThreadLocalRandom.current().nextInt(1, 5);
    jdbc.sql("DELETE FROM periodic_report WHERE institution_uscc = ? AND period = ?")
        .params(BANK, period)
        .update();
  }

  @Test
  void secondFilingNeedsSupersedesAndTheAmendmentThenCounts() {
    String first = TestInbox.put(jdbc, BANK, "STATS_Q", stats(null, 40));
    jobs.process(first);
    String second = TestInbox.put(jdbc, BANK, "STATS_Q", stats(null, 41));
    jobs.process(second);
    String amendment = TestInbox.put(jdbc, BANK, "STATS_Q", stats(first, 42));
    jobs.process(amendment);

    assertThat(TestInbox.statusOf(jdbc, first))
        .isEqualTo("ACCEPTED_WITH_WARNINGS"); // F008: filed centuries late
    assertThat(TestInbox.statusOf(jdbc, second)).isEqualTo("REJECTED");
    assertThat(rules(second)).contains("F009");
    assertThat(TestInbox.statusOf(jdbc, amendment)).isEqualTo("ACCEPTED_WITH_WARNINGS");
    List<String> history =
        jdbc.sql(
                """
                SELECT filing_id FROM periodic_report
                 WHERE institution_uscc = ? AND period = ? ORDER BY filing_seq DESC
                """)
            .params(BANK, period)
            .query(String.class)
            .list();
    assertThat(history).containsExactly(amendment, first);
  }

  @Test
  void testFilingNeverOccupiesAPeriod() {
    String test =
        TestInbox.put(jdbc, BANK, "STATS_Q", stats(null, 10).replace("\"LIVE\"", "\"TEST\""));
    jobs.process(test);
    String live = TestInbox.put(jdbc, BANK, "STATS_Q", stats(null, 11));
    jobs.process(live);

    assertThat(TestInbox.statusOf(jdbc, test)).isEqualTo("ACCEPTED_WITH_WARNINGS");
    assertThat(rules(live)).doesNotContain("F009");
    assertThat(TestInbox.statusOf(jdbc, live)).isEqualTo("ACCEPTED_WITH_WARNINGS");
  }

  private List<String> rules(String filingId) {
    return jdbc.sql("SELECT rule FROM validation_finding WHERE filing_id = ?")
        .param(filingId)
        .query(String.class)
        .list();
  }

  private String stats(String supersedes, int received) {
    return """
        {"specVersion":"1","filingType":"STATS_Q","institution":"%s","mode":"LIVE","period":"%s",%s
         "statistics":{"received":%d,"closed":0,"closedWithin15Days":0,"overdueOpen":0,"upheld":0,
           "redressTotal":0,"satisfiedOrBasically":0,"surveyed":0,
           "byCategoryReason":[{"businessCategory":"DEPOSIT","reason":"FEES","count":%d}],
           "byChannel":[{"channel":"BRANCH","count":%d}],
           "byProvince":[{"province":"110000","count":%d}]}}
        """
        .formatted(
            BANK,
            period,
            supersedes == null ? "" : "\"supersedes\":\"" + supersedes + "\",",
            received,
            received,
            received,
            received);
  }
}

package cn.cpsx.portal.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.PortalApi;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Analysts see a flagged hot spot, dismiss it with a note, and the dismissal is audited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
class HotSpotsIT {

  static final String BANK = "91110000770914530P";

  @Autowired JdbcClient jdbc;

  @Test
  void anAnalystDismissesAHotSpotWithANoteAndItLeavesTheOpenList() throws Exception {
    LocalDate week;
    do { // a week with no hot spot of this bank yet on the (shared, long-lived) test database
      week = LocalDate.of(ThreadLocalRandom.current().nextInt(1800, 2000), 3, 5);
    } while (jdbc.sql("SELECT count(*) FROM hot_spot WHERE week_start = ? AND institution_uscc = ?")
            .params(week, BANK)
            .query(Long.class)
            .single()
        > 0);
    long id =
        jdbc.sql(
                """
                INSERT INTO hot_spot (week_start, institution_uscc, business_category, week_count,
                                      baseline_mean, score)
                VALUES (?, ?, 'CREDIT_CARD', 14, 2.00, 8.49) RETURNING id
                """)
            .params(week, BANK)
            .query(Long.class)
            .single();
    PortalApi analyst = PortalApi.as("analyst");
    String row = "receivedFrom=" + week + "&amp;receivedTo=" + week.plusDays(6);
    assertThat(analyst.get("/regulator/hotspots").body()).contains(row);

    var dismissed =
        analyst.post("/regulator/hotspots/" + id + "/dismiss", "note=known+fee+campaign");

    assertThat(dismissed.statusCode()).isEqualTo(302);
    assertThat(analyst.get("/regulator/hotspots").body()).doesNotContain(row);
    assertThat(analyst.get("/regulator/hotspots?dismissed=true").body())
        .contains(row)
        .contains("known fee campaign");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE action = 'DISMISS_HOT_SPOT'"
                        + " AND actor = 'analyst' AND subject = ?")
                .param(String.valueOf(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(analyst.post("/regulator/hotspots/" + id + "/dismiss", "note=again").statusCode())
        .as("only an open hot spot can be dismissed")
        .isEqualTo(404);
  }
}

package cn.cpsx.portal.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.PortalApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** A filing on its way shows on the progress page, which then refreshes itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
class JobProgressIT {

  @Autowired JdbcClient jdbc;

  @Test
  void anAcceptedFilingWaitingForTheIndexShowsItsCountsAndThePageRefreshes() throws Exception {
    String filingId = "FPROGRESS-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                received_at, sha256, size_bytes, raw, status, record_count,
                                accepted_count, rejected_count, validated_at, status_detail, seq)
            VALUES (?, '91110000770914530P', 'CASES', 'JSON', 'REST', 'LIVE', now(), ?, 2,
                    '{}'::bytea, 'PARTIALLY_ACCEPTED', 40, 37, 3, now(),
                    'waiting for the search index',
                    -- first in the queue: the page lists the oldest 200 waiting filings, and the
                    -- shared test database holds whatever other modules' tests left waiting
                    (SELECT coalesce(min(seq), 1) - 1 FROM filing))
            """)
        .params(filingId, UUID.randomUUID().toString().replace("-", "").repeat(2))
        .update();
    try {
      var page = PortalApi.as("analyst").get("/regulator/jobs?lang=en");

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Refresh")).hasValue("5");
      assertThat(page.body())
          .contains(filingId, "0 of 37 cases indexed", "waiting for the search index");
    } finally {
      // a filing no batch-jobs will ever index must not stay behind as "waiting" for other tests
      jdbc.sql("DELETE FROM filing WHERE filing_id = ?").param(filingId).update();
    }
  }
}

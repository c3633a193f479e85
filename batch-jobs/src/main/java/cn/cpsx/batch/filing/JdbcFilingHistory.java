package cn.cpsx.batch.filing;

import cn.cpsx.schemas.FilingHistory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Earlier filings as the database holds them: only accepted live data ever counts (§9). */
@Component
class JdbcFilingHistory implements FilingHistory {

  private final JdbcClient jdbc;

  JdbcFilingHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> currentFiling(String uscc, String filingType, String period) {
    return jdbc.sql(
            """
            SELECT filing_id FROM periodic_report
             WHERE institution_uscc = ? AND filing_type = ? AND period = ?
             ORDER BY filing_seq DESC LIMIT 1
            """)
        .params(uscc, filingType, period)
        .query(String.class)
        .optional();
  }

  @Override
  public long casesReceivedBetween(String uscc, Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT count(*) FROM complaint_case
             WHERE institution_uscc = ? AND received_at >= ? AND received_at < ?
            """)
        .params(uscc, Timestamp.from(from), Timestamp.from(to))
        .query(Long.class)
        .single();
  }
}

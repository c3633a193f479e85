package cn.cpsx.portal.complaint;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares the system of record with the index: filings received but not yet through validation and
 * indexing (the same test as batch-jobs' sweep). The pipeline takes seconds (REPORTING-SPEC §6); a
 * filing older than {@link #STALE_AFTER} still waiting means search is behind, e.g. while
 * Elasticsearch was down.
 */
@Component
class IndexFreshness {

  static final Duration STALE_AFTER = Duration.ofMinutes(5);

  private final JdbcClient jdbc;

  IndexFreshness(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Waiting(long count, OffsetDateTime oldest) {}

  CaseSearchResult.Meta meta(Instant lastIndexed, Instant now) {
    Waiting waiting =
        jdbc.sql(
                """
                SELECT count(*) AS count, min(received_at) AS oldest FROM filing
                 WHERE validated_at IS NULL
                    OR (filing_type = 'CASES' AND mode = 'LIVE' AND accepted_count > 0
                        AND indexed_at IS NULL)
                """)
            .query(Waiting.class)
            .single();
    Instant oldest = waiting.oldest() == null ? null : waiting.oldest().toInstant();
    boolean stale = oldest != null && oldest.isBefore(now.minus(STALE_AFTER));
    return new CaseSearchResult.Meta(lastIndexed, waiting.count(), oldest, stale);
  }
}

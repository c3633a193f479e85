package cn.cpsx.portal.complaint;

import cn.cpsx.schemas.database.FilingQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares the system of record with the index: filings received but not yet through validation and
 * indexing ({@link FilingQueue#WAITING}). The pipeline takes seconds (REPORTING-SPEC §6); a filing
 * older than {@link #STALE_AFTER} still waiting means search is behind, e.g. while Elasticsearch
 * was down.
 */
@Component
class IndexFreshness {

  static final Duration STALE_AFTER = Duration.ofMinutes(5);

  private final JdbcClient jdbc;

  IndexFreshness(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Waiting(long count, OffsetDateTime oldest) {}

  Waiting waiting() {
    return jdbc.sql(
            "SELECT count(*) AS count, min(f.received_at) AS oldest FROM filing f WHERE "
                + FilingQueue.WAITING)
        .query(Waiting.class)
        .single();
  }

  CaseSearchResult.Meta meta(Instant lastIndexed, Waiting waiting, Instant now) {
    Instant oldest = waiting.oldest() == null ? null : waiting.oldest().toInstant();
    boolean stale = oldest != null && oldest.isBefore(now.minus(STALE_AFTER));
    return new CaseSearchResult.Meta(lastIndexed, waiting.count(), oldest, stale);
  }
}

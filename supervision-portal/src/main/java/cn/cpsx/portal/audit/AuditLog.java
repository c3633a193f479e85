package cn.cpsx.portal.audit;

import cn.cpsx.schemas.ReportingTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log (also written by ingestion for refused foreign filings): who revealed
 * personal data and why, who exported what. Nothing here updates or deletes a line.
 */
@Component
public class AuditLog {

  /** Actions the portal writes. */
  public static final String REVEAL_PERSONAL_DATA = "REVEAL_PERSONAL_DATA";

  public static final String EXPORT_CASES = "EXPORT_CASES";

  public static final String DISMISS_HOT_SPOT = "DISMISS_HOT_SPOT";

  /** One line, times in Asia/Shanghai. */
  public record Entry(
      long id, OffsetDateTime at, String actor, String action, String subject, String detail) {
    public Entry {
      at = at.atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime();
    }
  }

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String actor, String action, String subject, Map<String, ?> detail) {
    jdbc.sql("INSERT INTO audit_log (actor, action, subject, detail) VALUES (?, ?, ?, ?::jsonb)")
        .params(actor, action, subject, JsonMapper.shared().writeValueAsString(detail))
        .update();
  }

  /** Newest first; {@code action} null for every action. */
  public List<Entry> recent(String action, int limit) {
    return jdbc.sql(
            """
            SELECT id, at, actor, action, subject, detail::text AS detail FROM audit_log
             WHERE (CAST(:action AS TEXT) IS NULL OR action = :action)
             ORDER BY id DESC LIMIT :limit
            """)
        .param("action", action)
        .param("limit", limit)
        .query(Entry.class)
        .list();
  }

  public List<String> actions() {
    return jdbc.sql("SELECT DISTINCT action FROM audit_log ORDER BY action")
        .query(String.class)
        .list();
  }
}

package cn.cpsx.portal.audit;

import cn.cpsx.schemas.ReportingTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log (also written by ingestion for refused foreign filings): who revealed
 * personal data and why, who exported what. Nothing here updates or deletes a line; PostgreSQL
 * refuses both and seals every line into the hash chain at commit (migration V9).
 */
@Component
public class AuditLog {

  /** Actions the portal writes. */
  public static final String REVEAL_PERSONAL_DATA = "REVEAL_PERSONAL_DATA";

  public static final String EXPORT_CASES = "EXPORT_CASES";

  public static final String DISMISS_HOT_SPOT = "DISMISS_HOT_SPOT";

  /** One line, times in Asia/Shanghai; {@code seq} is its place in the hash chain. */
  public record Entry(
      long id,
      Long seq,
      OffsetDateTime at,
      String actor,
      String action,
      String subject,
      String detail) {
    public Entry {
      at = at.atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime();
    }
  }

  /**
   * Which lines to show: one action or all (null), received days in Asia/Shanghai (inclusive,
   * either open), and lines older than {@code before} (an id) for the next page.
   */
  public record Selection(String action, LocalDate from, LocalDate to, Long before) {}

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String actor, String action, String subject, Map<String, ?> detail) {
    jdbc.sql("INSERT INTO audit_log (actor, action, subject, detail) VALUES (?, ?, ?, ?::jsonb)")
        .params(actor, action, subject, JsonMapper.shared().writeValueAsString(detail))
        .update();
  }

  /** Newest first. */
  public List<Entry> entries(Selection selection, int limit) {
    return jdbc.sql(
            """
            SELECT id, seq, at, actor, action, subject, detail::text AS detail FROM audit_log
             WHERE (CAST(:action AS TEXT) IS NULL OR action = :action)
               AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR at >= :from)
               AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR at < :to)
               AND (CAST(:before AS BIGINT) IS NULL OR id < :before)
             ORDER BY id DESC LIMIT :limit
            """)
        .param("action", selection.action())
        .param("from", startOf(selection.from()))
        .param("to", selection.to() == null ? null : startOf(selection.to().plusDays(1)))
        .param("before", selection.before())
        .param("limit", limit)
        .query(Entry.class)
        .list();
  }

  public List<String> actions() {
    return jdbc.sql("SELECT DISTINCT action FROM audit_log ORDER BY action")
        .query(String.class)
        .list();
  }

  private static OffsetDateTime startOf(LocalDate day) {
    return day == null ? null : day.atStartOfDay(ReportingTime.ZONE).toOffsetDateTime();
  }
}

package cn.cpsx.portal.report;

import cn.cpsx.schemas.rating.RatingMethodology;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Report versions: what the public may read (PUBLISHED and SUPERSEDED only, named in every public
 * query) and the supervisor's workflow — request, publish (the period's current version becomes
 * SUPERSEDED in the same transaction), archive a draft, retry a failed generation.
 */
@Component
public class IntegrityReports {

  /** A report version without its content. */
  public record Version(
      long id,
      String period,
      String kind,
      String status,
      Integer version,
      OffsetDateTime dataCutoff,
      String methodologyVersion,
      String requestedBy,
      OffsetDateTime requestedAt,
      OffsetDateTime generatedAt,
      String publishedBy,
      OffsetDateTime publishedAt,
      String failure) {
    public boolean current() {
      return "PUBLISHED".equals(status);
    }
  }

  /** A published version's headline (§12), read from its stored figures. */
  public record Headline(
      long complaints, long closed, long closedWithinDeadline, long surveyed, long satisfied) {}

  private static final String COLUMNS =
      """
      id, period, kind, status, version, data_cutoff, methodology_version, requested_by,
      requested_at, generated_at, published_by, published_at, failure
      """;

  private final JdbcClient jdbc;

  IntegrityReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- public -------------------------------------------------------------------------------

  /** Every public version, newest period first, the current one before older ones. */
  public List<Version> published() {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM report_version WHERE status IN ('PUBLISHED', 'SUPERSEDED')"
                + " ORDER BY period DESC, version DESC")
        .query(Version.class)
        .list();
  }

  /** The public versions of one period, newest first. */
  public List<Version> publishedVersions(String period) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM report_version WHERE status IN ('PUBLISHED', 'SUPERSEDED') AND period = ?"
                + " ORDER BY version DESC")
        .param(period)
        .query(Version.class)
        .list();
  }

  public Optional<String> publishedHtml(String period, int version, boolean zh) {
    return jdbc.sql(
            "SELECT "
                + (zh ? "html_zh" : "html_en")
                + " FROM report_version WHERE status IN ('PUBLISHED', 'SUPERSEDED')"
                + " AND period = ? AND version = ?")
        .params(period, version)
        .query(String.class)
        .optional();
  }

  public Optional<byte[]> publishedPdf(String period, int version, boolean zh) {
    return jdbc.sql(
            "SELECT "
                + (zh ? "pdf_zh" : "pdf_en")
                + " FROM report_version WHERE status IN ('PUBLISHED', 'SUPERSEDED')"
                + " AND period = ? AND version = ?")
        .params(period, version)
        .query(byte[].class)
        .optional();
  }

  public Headline headline(long id) {
    return jdbc.sql(
            """
            SELECT (figures #>> '{headline,current,complaints}')::bigint AS complaints,
                   (figures #>> '{headline,current,closed}')::bigint AS closed,
                   (figures #>> '{headline,current,closedWithinDeadline}')::bigint
                     AS closed_within_deadline,
                   (figures #>> '{headline,current,surveyed}')::bigint AS surveyed,
                   (figures #>> '{headline,current,satisfied}')::bigint AS satisfied
              FROM report_version WHERE id = ?
            """)
        .param(id)
        .query(Headline.class)
        .single();
  }

  // --- regulator ----------------------------------------------------------------------------

  public List<Version> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM report_version ORDER BY period DESC, id DESC")
        .query(Version.class)
        .list();
  }

  public Optional<Version> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM report_version WHERE id = ?")
        .param(id)
        .query(Version.class)
        .optional();
  }

  public Optional<String> html(long id, boolean zh) {
    return jdbc.sql("SELECT " + (zh ? "html_zh" : "html_en") + " FROM report_version WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .filter(html -> html != null);
  }

  public Optional<byte[]> pdf(long id, boolean zh) {
    return jdbc.sql("SELECT " + (zh ? "pdf_zh" : "pdf_en") + " FROM report_version WHERE id = ?")
        .param(id)
        .query(byte[].class)
        .optional()
        .filter(pdf -> pdf != null);
  }

  /** A new version of a period to generate, as of now; batch-jobs picks it up within seconds. */
  public long request(String period, String user) {
    return jdbc.sql(
            """
            INSERT INTO report_version (period, kind, data_cutoff, methodology_version, requested_by)
            VALUES (?, ?, now(), ?, ?) RETURNING id
            """)
        .params(
            period, period.contains("-Q") ? "QUARTERLY" : "ANNUAL", RatingMethodology.VERSION, user)
        .query(Long.class)
        .single();
  }

  /**
   * Publishes a draft: it becomes the period's current version, the previous current one is
   * SUPERSEDED. False when the version is not a draft (published reports are immutable).
   */
  @Transactional
  public boolean publish(long id, String user) {
    Optional<String> period =
        jdbc.sql("SELECT period FROM report_version WHERE id = ? AND status = 'DRAFT' FOR UPDATE")
            .param(id)
            .query(String.class)
            .optional();
    if (period.isEmpty()) {
      return false;
    }
    // serialises publications of one period: the version numbers stay gapless and unique
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('report_version:' || ?))")
        .param(period.get())
        .query()
        .singleRow();
    jdbc.sql(
            "UPDATE report_version SET status = 'SUPERSEDED' WHERE period = ? AND status = 'PUBLISHED'")
        .param(period.get())
        .update();
    return jdbc.sql(
                """
                UPDATE report_version
                   SET status = 'PUBLISHED', published_by = ?, published_at = now(),
                       version = (SELECT coalesce(max(version), 0) + 1 FROM report_version
                                   WHERE period = ?)
                 WHERE id = ? AND status = 'DRAFT'
                """)
            .params(user, period.get(), id)
            .update()
        == 1;
  }

  /** Sets a draft aside (it stays listed for the regulator, never public). */
  public boolean archive(long id) {
    return jdbc.sql(
                "UPDATE report_version SET status = 'ARCHIVED' WHERE id = ? AND status = 'DRAFT'")
            .param(id)
            .update()
        == 1;
  }

  /**
   * Asks batch-jobs to restart a failed generation (the same job instance, from its failed step).
   */
  public boolean retry(long id) {
    return jdbc.sql(
                "UPDATE report_version SET status = 'REQUESTED' WHERE id = ? AND status = 'FAILED'")
            .param(id)
            .update()
        == 1;
  }
}

package cn.cpsx.portal.report;

import cn.cpsx.portal.opendata.PublicFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Report versions written by SQL as {@code reportJob} and the supervisors' workflow would leave
 * them (batch-jobs does not run in portal tests), over {@link PublicFixtures}' world and in its
 * far-future year: for the year, version 1 SUPERSEDED by version 2 (PUBLISHED), plus a DRAFT, a
 * FAILED and an ARCHIVED generation; for its first quarter, only a DRAFT. Unpublished content
 * carries {@link #unpublishedMarker()}, which must never be public. Version 2's headline is the
 * world counted here, independently of the portal and of the report job.
 */
public final class ReportFixtures {

  public final PublicFixtures world;
  public final String year;
  final String draftQuarter;
  final Headline headline;
  long superseded;
  public long current;
  long draft;
  long failed;
  long archived;
  long quarterDraft;

  /** The §12 headline: what {@code statistics} sums to for the year. */
  record Headline(
      long complaints, long closed, long closedWithinDeadline, long surveyed, long satisfied) {}

  private final JdbcClient jdbc;

  private ReportFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.world = PublicFixtures.load(jdbc);
    this.year = world.period;
    this.draftQuarter = year + "-Q1";
    this.headline = count(world, Integer.parseInt(year));
  }

  public static ReportFixtures load(JdbcClient jdbc) {
    ReportFixtures f = new ReportFixtures(jdbc);
    f.write();
    return f;
  }

  String marker(int version, boolean zh) {
    return (zh ? "诚信报告第" + version + "版-" : "Integrity report version " + version + " ")
        + world.run;
  }

  String typicalTitle(boolean zh) {
    return (zh ? "典型案例：年费未经告知被扣收" : "Typical case: an annual fee charged without notice ")
        + world.run;
  }

  String unpublishedMarker() {
    return "UNPUBLISHED-" + world.run;
  }

  private void write() {
    OffsetDateTime published = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3);
    superseded =
        version(
            year,
            "SUPERSEDED",
            1,
            published,
            figures(new Headline(1, 1, 1, 1, 1)),
            marker(1, true),
            marker(1, false));
    current =
        version(
            year,
            "PUBLISHED",
            2,
            published.plusDays(1),
            figures(headline),
            marker(2, true),
            marker(2, false));
    draft =
        version(
            year,
            "DRAFT",
            null,
            null,
            figures(new Headline(9, 9, 9, 9, 9)),
            unpublishedMarker(),
            unpublishedMarker());
    archived =
        version(
            year,
            "ARCHIVED",
            null,
            null,
            figures(new Headline(8, 8, 8, 8, 8)),
            unpublishedMarker(),
            unpublishedMarker());
    failed = version(year, "FAILED", null, null, null, null, null);
    jdbc.sql(
            "UPDATE report_version SET failure = 'fixture: the report font is missing' WHERE id = ?")
        .param(failed)
        .update();
    // a published typical case, and a draft one that must never be public
    for (boolean shown : new boolean[] {true, false}) {
      jdbc.sql(
              """
              INSERT INTO typical_case (period, business_category, title_zh, title_en, account_zh,
                     account_en, status, created_by, published_by, published_at)
              VALUES (?, 'CREDIT_CARD', ?, ?, '某消费者反映信用卡年费未经告知即被扣收，经调解，银行退还了全部年费。',
                      'A cardholder was charged an annual fee without notice; after mediation the bank refunded it.',
                      ?, 'supervisor', ?, ?)
              """)
          .params(
              year,
              shown ? typicalTitle(true) : unpublishedMarker(),
              shown ? typicalTitle(false) : unpublishedMarker(),
              shown ? "PUBLISHED" : "DRAFT",
              shown ? "supervisor" : null,
              shown ? OffsetDateTime.now(ZoneOffset.UTC) : null)
          .update();
    }
    quarterDraft =
        version(
            draftQuarter,
            "DRAFT",
            null,
            null,
            figures(new Headline(7, 7, 7, 7, 7)),
            unpublishedMarker(),
            unpublishedMarker());
  }

  /** What reportJob leaves: figures, then HTML and PDF in both languages. */
  long version(
      String period,
      String status,
      Integer version,
      OffsetDateTime publishedAt,
      String figures,
      String htmlZh,
      String htmlEn) {
    boolean generated = figures != null;
    return jdbc.sql(
            """
            INSERT INTO report_version (period, kind, status, version, data_cutoff,
                   methodology_version, requested_by, figures, html_zh, html_en, pdf_zh, pdf_en,
                   generated_at, published_by, published_at)
            VALUES (?, ?, ?, ?, ?, 'v1', 'fixture', ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """)
        .params(
            period,
            period.contains("-Q") ? "QUARTERLY" : "ANNUAL",
            status,
            version,
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(5),
            figures,
            generated ? html(htmlZh) : null,
            generated ? html(htmlEn) : null,
            generated ? pdf(htmlZh) : null,
            generated ? pdf(htmlEn) : null,
            generated ? OffsetDateTime.now(ZoneOffset.UTC).minusDays(4) : null,
            publishedAt == null ? null : "supervisor",
            publishedAt)
        .query(Long.class)
        .single();
  }

  /** Turns a REQUESTED row into a DRAFT, as reportJob's render step does. */
  void generate(long id, String marker, Headline headline) {
    jdbc.sql(
            """
            UPDATE report_version SET figures = ?::jsonb, html_zh = ?, html_en = ?, pdf_zh = ?,
                   pdf_en = ?, generated_at = now(), status = 'DRAFT'
             WHERE id = ? AND status = 'REQUESTED'
            """)
        .params(figures(headline), html(marker), html(marker), pdf(marker), pdf(marker), id)
        .update();
  }

  static String figures(Headline h) {
    ObjectNode figures = JsonMapper.shared().createObjectNode();
    ObjectNode current = figures.putObject("headline").putObject("current");
    current.put("complaints", h.complaints());
    current.put("closed", h.closed());
    current.put("closedWithinDeadline", h.closedWithinDeadline());
    current.put("surveyed", h.surveyed());
    current.put("satisfied", h.satisfied());
    return figures.toString();
  }

  /**
   * Shaped like reportJob's HTML: an article of class {@code report} with a chart drawn at print
   * width (the job's monthly chart is 640 px wide), so the page tests see what a phone would.
   */
  static String html(String marker) {
    return "<article class=\"report\"><h1>"
        + marker
        + "</h1><div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\""
        + " height=\"220\" viewBox=\"0 0 640 220\" role=\"img\" aria-label=\"monthly\">"
        + "<rect x=\"0\" y=\"20\" width=\"640\" height=\"200\" fill=\"#1f5fa8\"/></svg></div>"
        + "</article>";
  }

  /** A one-page PDF whose text layer holds the marker (ASCII only: a standard font). */
  static byte[] pdf(String marker) {
    String text = marker.replaceAll("[^\\x20-\\x7E]", "?");
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** §12's headline of a year, counted from the cases as the fixture wrote them. */
  static Headline count(PublicFixtures world, int year) {
    OffsetDateTime from = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
    OffsetDateTime to = from.plusYears(1);
    long complaints = 0;
    long closed = 0;
    long within = 0;
    long surveyed = 0;
    long satisfied = 0;
    for (Map<String, Object> c : world.cases) {
      OffsetDateTime received = (OffsetDateTime) c.get("receivedAt");
      if (received.isBefore(from) || !received.isBefore(to)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> record = (Map<String, Object>) c.get("record");
      complaints++;
      Object status = record.get("status");
      if ("RESOLVED".equals(status) || "CLOSED_UNRESOLVED".equals(status)) {
        closed++;
        OffsetDateTime resolved = OffsetDateTime.parse((String) record.get("resolvedAt"));
        boolean extended = Boolean.TRUE.equals(record.get("extended"));
        if (!resolved.isAfter(received.plusHours(extended ? 720 : 360))) {
          within++;
        }
      }
      Object satisfaction = record.get("satisfaction");
      if (satisfaction != null && !satisfaction.equals("NOT_SURVEYED")) {
        surveyed++;
      }
      if ("SATISFIED".equals(satisfaction) || "BASICALLY_SATISFIED".equals(satisfaction)) {
        satisfied++;
      }
    }
    return new Headline(complaints, closed, within, surveyed, satisfied);
  }
}

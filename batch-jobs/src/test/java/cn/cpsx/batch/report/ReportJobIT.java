package cn.cpsx.batch.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.schemas.rating.RatingPeriod;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a known world of cases, ratings, actions, typical cases and alerts into a past year no
 * other test uses, runs {@code reportJob}, and checks every figure of the report against the same
 * figure worked out here from the world as written (not by the report code); then reads the PDF's
 * text layer and fonts with PDFBox.
 */
@SpringBootTest
@ActiveProfiles("it")
class ReportJobIT {

  @Autowired ReportJobs reports;
  @Autowired JdbcClient jdbc;

  int year;
  String run;
  List<String> peers; // one peer group, the registry's largest
  String peerType;
  Instant cutoff;

  /** Every case as it stood at the cut-off: what the report must count. */
  final List<Case> world = new ArrayList<>();

  record Case(
      String uscc,
      OffsetDateTime received,
      String status,
      OffsetDateTime resolved,
      boolean extended,
      String satisfaction,
      String channel,
      String category,
      String reason,
      String region) {
    boolean closed() {
      return status.equals("RESOLVED") || status.equals("CLOSED_UNRESOLVED");
    }

    boolean withinDeadline() {
      return closed()
          && resolved != null
          && !resolved.isAfter(received.plusHours(extended ? 720 : 360));
    }
  }

  @BeforeEach
  void freeYear() {
    do {
      year = ThreadLocalRandom.current().nextInt(1200, 1900);
    } while (jdbc.sql(
                """
                SELECT (SELECT count(*) FROM complaint_case
                         WHERE extract(year FROM received_at) BETWEEN ? AND ?)
                     + (SELECT count(*) FROM rating WHERE period LIKE ? || '%' OR period LIKE ? || '%')
                     + (SELECT count(*) FROM enforcement_action
                         WHERE extract(year FROM decision_date) BETWEEN ? AND ?)
                """)
            .params(
                year - 2, year + 1, String.valueOf(year), String.valueOf(year - 1), year - 1, year)
            .query(Long.class)
            .single()
        > 0);
    run = UUID.randomUUID().toString().substring(0, 8);
    peerType =
        jdbc.sql(
                """
                SELECT type FROM institution WHERE licence_status = 'ACTIVE'
                 GROUP BY type ORDER BY count(*) DESC, type LIMIT 1
                """)
            .query(String.class)
            .single();
    peers =
        jdbc.sql(
                "SELECT uscc FROM institution WHERE type = ? AND licence_status = 'ACTIVE'"
                    + " ORDER BY uscc LIMIT 7")
            .param(peerType)
            .query(String.class)
            .list();
    assertThat(peers).hasSizeGreaterThanOrEqualTo(7);
  }

  @Test
  void everyFigureOfTheAnnualReportEqualsTheWorldCountedIndependently() throws IOException {
    writeWorld();
    long id = reports.request(period(String.valueOf(year)), cutoff, "ReportJobIT");
    assertThat(reports.generate(id).getStatus().name()).isEqualTo("COMPLETED");

    Map<String, Object> row =
        jdbc.sql("SELECT status, figures::text AS figures FROM report_version WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(row.get("status")).isEqualTo("DRAFT");
    JsonNode f = JsonMapper.shared().readTree((String) row.get("figures"));

    assertThat(f.path("kind").asString()).isEqualTo("ANNUAL");
    assertThat(f.path("methodologyVersion").asString()).isEqualTo("v1");
    assertHeadline(f.path("headline").path("current"), inYear(year));
    assertHeadline(f.path("headline").path("previous"), inYear(year - 1));
    assertHeadline(f.path("headline").path("yearEarlier"), inYear(year - 1));

    // monthly trend: twelve months, each counted by its Shanghai month
    assertThat(f.path("monthly")).hasSize(12);
    for (JsonNode m : f.path("monthly")) {
      int month = Integer.parseInt(m.path("month").asString().substring(5));
      List<Case> of =
          cases(
              c ->
                  inYear(year).test(c)
                      && c.received().atZoneSameInstant(ReportingTime.ZONE).getMonthValue()
                          == month);
      assertThat(m.path("complaints").asLong()).as(m.toString()).isEqualTo(of.size());
      assertThat(m.path("closed").asLong()).isEqualTo(of.stream().filter(Case::closed).count());
    }

    assertBreakdown(f.path("byBusinessCategory"), Case::category);
    assertBreakdown(f.path("byReason"), Case::reason);
    assertBreakdown(f.path("byChannel"), Case::channel);
    assertBreakdown(f.path("byProvince"), c -> c.region().substring(0, 2) + "0000");

    List<Case> now = cases(inYear(year));
    JsonNode t = f.path("timeliness");
    assertThat(t.path("closed").asLong()).isEqualTo(now.stream().filter(Case::closed).count());
    assertThat(t.path("withinDeadline").asLong())
        .isEqualTo(now.stream().filter(Case::withinDeadline).count());
    assertThat(t.path("late").asLong())
        .isEqualTo(now.stream().filter(c -> c.closed() && !c.withinDeadline()).count());
    assertThat(t.path("extended").asLong()).isEqualTo(now.stream().filter(Case::extended).count());
    assertThat(t.path("extendedWithinDeadline").asLong())
        .isEqualTo(now.stream().filter(c -> c.extended() && c.withinDeadline()).count());
    // every open case of a long-past year is past its deadline at the cut-off
    assertThat(t.path("openPastDeadline").asLong())
        .isEqualTo(now.stream().filter(c -> !c.closed()).count());

    for (String code :
        List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "NOT_SURVEYED", "NONE")) {
      assertThat(f.path("satisfaction").path(code).asLong())
          .as(code)
          .isEqualTo(
              now.stream()
                  .filter(c -> code.equals(c.satisfaction() == null ? "NONE" : c.satisfaction()))
                  .count());
    }

    assertRatings(f.path("ratings"));
    assertEnforcement(f.path("enforcement"));
    assertThat(f.path("typicalCases")).hasSize(1);
    assertThat(f.path("typicalCases").get(0).path("titleZh").asString()).isEqualTo("高息借贷的教训" + run);
    assertThat(f.path("alerts")).hasSize(1);
    assertThat(f.path("alerts").get(0).path("categories").get(0).asString())
        .isEqualTo("ONLINE_LENDING");

    assertPdf(id, f);
    assertHtmlChartsCarryTheTableFigures(id, f);
  }

  @Test
  void aQuarterComparesWithTheQuarterBeforeAndTheSameQuarterAYearEarlier() {
    writeWorld();
    long id = reports.request(period(year + "-Q1"), cutoff, "ReportJobIT");
    assertThat(reports.generate(id).getStatus().name()).isEqualTo("COMPLETED");
    JsonNode f =
        JsonMapper.shared()
            .readTree(
                jdbc.sql("SELECT figures::text FROM report_version WHERE id = ?")
                    .param(id)
                    .query(String.class)
                    .single());
    assertThat(f.path("previousPeriod").asString()).isEqualTo((year - 1) + "-Q4");
    assertThat(f.path("yearEarlierPeriod").asString()).isEqualTo((year - 1) + "-Q1");
    assertHeadline(f.path("headline").path("current"), inQuarter(year, 1));
    assertHeadline(f.path("headline").path("previous"), inQuarter(year - 1, 4));
    assertHeadline(f.path("headline").path("yearEarlier"), inQuarter(year - 1, 1));
    assertThat(f.path("monthly")).hasSize(3);
  }

  // --- independent counting ------------------------------------------------------------------

  private Predicate<Case> inYear(int y) {
    return c -> c.received().atZoneSameInstant(ReportingTime.ZONE).getYear() == y;
  }

  private Predicate<Case> inQuarter(int y, int q) {
    return c -> {
      var local = c.received().atZoneSameInstant(ReportingTime.ZONE);
      return local.getYear() == y && (local.getMonthValue() - 1) / 3 + 1 == q;
    };
  }

  private List<Case> cases(Predicate<Case> which) {
    return world.stream().filter(which).toList();
  }

  private void assertHeadline(JsonNode h, Predicate<Case> period) {
    List<Case> of = cases(period);
    assertThat(h.path("complaints").asLong()).isEqualTo(of.size());
    assertThat(h.path("closed").asLong()).isEqualTo(of.stream().filter(Case::closed).count());
    assertThat(h.path("closedWithinDeadline").asLong())
        .isEqualTo(of.stream().filter(Case::withinDeadline).count());
    assertThat(h.path("surveyed").asLong())
        .isEqualTo(
            of.stream()
                .filter(c -> c.satisfaction() != null && !c.satisfaction().equals("NOT_SURVEYED"))
                .count());
    assertThat(h.path("satisfied").asLong())
        .isEqualTo(
            of.stream()
                .filter(
                    c ->
                        "SATISFIED".equals(c.satisfaction())
                            || "BASICALLY_SATISFIED".equals(c.satisfaction()))
                .count());
    assertThat(h.path("escalated").asLong())
        .isEqualTo(
            of.stream()
                .filter(c -> c.channel().equals("REGULATOR") || c.status().equals("ESCALATED"))
                .count());
  }

  private void assertBreakdown(JsonNode rows, java.util.function.Function<Case, String> code) {
    Map<String, long[]> expected = new TreeMap<>();
    cases(inYear(year))
        .forEach(c -> expected.computeIfAbsent(code.apply(c), k -> new long[2])[0]++);
    cases(inYear(year - 1))
        .forEach(c -> expected.computeIfAbsent(code.apply(c), k -> new long[2])[1]++);
    Map<String, long[]> actual = new TreeMap<>();
    long last = Long.MAX_VALUE;
    for (JsonNode r : rows) {
      actual.put(
          r.path("code").asString(),
          new long[] {r.path("complaints").asLong(), r.path("previous").asLong()});
      assertThat(r.path("complaints").asLong()).isLessThanOrEqualTo(last); // most first
      last = r.path("complaints").asLong();
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).containsExactly(v));
  }

  // ratings written below: grades this year and last year, per institution
  final Map<String, String[]> ratedNow = new LinkedHashMap<>(); // uscc → {score, grade}
  final Map<String, String> gradeBefore = new LinkedHashMap<>();

  private void assertRatings(JsonNode ratings) {
    assertThat(ratings.path("byPeerGroup")).hasSize(1);
    JsonNode g = ratings.path("byPeerGroup").get(0);
    assertThat(g.path("peerGroup").asString()).isEqualTo(peerType);
    assertThat(g.path("total").asLong()).isEqualTo(ratedNow.size());
    for (String grade : List.of("A", "B", "C", "D")) {
      assertThat(g.path("grades").path(grade).asLong())
          .as(grade)
          .isEqualTo(ratedNow.values().stream().filter(v -> v[1].equals(grade)).count());
    }
    long up = 0;
    long down = 0;
    long same = 0;
    long first = 0;
    for (Map.Entry<String, String[]> e : ratedNow.entrySet()) {
      String before = gradeBefore.get(e.getKey());
      if (before == null) {
        first++;
      } else if (e.getValue()[1].compareTo(before) < 0) {
        up++;
      } else if (e.getValue()[1].compareTo(before) > 0) {
        down++;
      } else {
        same++;
      }
    }
    JsonNode ch = g.path("changes");
    assertThat(
            List.of(
                ch.path("up").asLong(),
                ch.path("down").asLong(),
                ch.path("same").asLong(),
                ch.path("new").asLong()))
        .containsExactly(up, down, same, first);
    List<String> byScore =
        ratedNow.entrySet().stream()
            .sorted(
                Comparator.<Map.Entry<String, String[]>, BigDecimal>comparing(
                        e -> new BigDecimal(e.getValue()[0]))
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(usccs(g.path("best"))).containsExactlyElementsOf(byScore.subList(0, 3));
    List<String> worst = new ArrayList<>(byScore.subList(byScore.size() - 3, byScore.size()));
    java.util.Collections.reverse(worst);
    assertThat(usccs(g.path("worst"))).containsExactlyElementsOf(worst);
  }

  private static List<String> usccs(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.path("uscc").asString()));
    return out;
  }

  final List<String> notableActions = new ArrayList<>(); // decision numbers, in expected order

  private void assertEnforcement(JsonNode actions) {
    assertThat(usccsOf(actions, "decisionNo")).containsExactlyElementsOf(notableActions);
  }

  private static List<String> usccsOf(JsonNode list, String field) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.path(field).asString()));
    return out;
  }

  private void assertPdf(long id, JsonNode f) throws IOException {
    byte[] pdf =
        jdbc.sql("SELECT pdf_zh FROM report_version WHERE id = ?")
            .param(id)
            .query(byte[].class)
            .single();
    java.nio.file.Files.write(java.nio.file.Path.of("target/report-it.pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isBetween(5, 40);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("金融消费者权益保护诚信报告")
          .contains("目录")
          .contains("一、主要指标")
          .contains("三、投诉分布")
          .contains("七、诚信评级")
          .contains("九、典型案例")
          .contains("数据截止")
          .contains("评级方法")
          .contains(year + "年度")
          // the web page's style block is no text of the PDF
          .doesNotContain(".report {", "border-collapse");
      assertThat(
              new PDFTextStripper() {
                {
                  setStartPage(1);
                  setEndPage(1);
                }
              }.getText(doc))
          .as("the cover is the first page")
          .contains("金融消费者权益保护诚信报告");
      for (String key :
          List.of("complaints", "closed", "closedWithinDeadline", "surveyed", "satisfied")) {
        assertThat(text)
            .contains(String.valueOf(f.path("headline").path("current").path(key).asLong()));
      }
      // the page number and the cut-off are on every page but the cover
      String lastPage = pageText(doc, doc.getNumberOfPages());
      assertThat(lastPage).contains(doc.getNumberOfPages() + " / " + doc.getNumberOfPages());
      assertThat(lastPage).contains("数据截止");
      Set<String> fonts = new HashSet<>();
      for (PDPage page : doc.getPages()) {
        PDResources resources = page.getResources();
        for (var name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          fonts.add(font.getName());
          assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
        }
      }
      assertThat(fonts).isNotEmpty();
      // a subset: the font file is 4 MB, the whole report far less
      assertThat(pdf.length).isLessThan(2_000_000);
    }
  }

  private static String pageText(PDDocument doc, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(doc);
  }

  private void assertHtmlChartsCarryTheTableFigures(long id, JsonNode f) {
    String html =
        jdbc.sql("SELECT html_zh FROM report_version WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    // the monthly chart's columns, in order, are the monthly figures
    StringBuilder expected = new StringBuilder();
    f.path("monthly").forEach(m -> expected.append(m.path("complaints").asLong()).append(','));
    StringBuilder drawn = new StringBuilder();
    var matcher =
        java.util.regex.Pattern.compile("<rect class=\"bar\"[^>]*data-value=\"(\\d+)\"")
            .matcher(
                html.substring(html.indexOf("id=\"monthly\""), html.indexOf("id=\"breakdowns\"")));
    while (matcher.find()) {
      drawn.append(matcher.group(1)).append(',');
    }
    assertThat(drawn.toString()).isEqualTo(expected.toString());
    assertThat(html).startsWith("<article").contains("一、主要指标");
  }

  // --- the world -------------------------------------------------------------------------------

  private RatingPeriod period(String text) {
    return RatingPeriod.parse(text).orElseThrow();
  }

  private void writeWorld() {
    Random random = new Random(year);
    List<String> statuses =
        List.of(
            "RESOLVED", "RESOLVED", "CLOSED_UNRESOLVED", "IN_PROGRESS", "ESCALATED", "RECEIVED");
    List<String> satisfaction =
        java.util.Arrays.asList(
            "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "NOT_SURVEYED", null);
    List<String> categories =
        List.of("CREDIT_CARD", "DEPOSIT", "WEALTH", "ONLINE_LENDING", "PAYMENT");
    List<String> reasons = List.of("FEES", "MIS_SELLING", "SERVICE_QUALITY", "CLAIMS");
    List<String> channels = List.of("PHONE", "ONLINE", "REGULATOR", "BRANCH");
    List<String> regions = List.of("440305", "110105", "310115", "330100", "510104");
    List<Case> written = new ArrayList<>();
    for (int n = 0; n < 360; n++) {
      int y = year - 1 + n % 2;
      OffsetDateTime received;
      if (n == 0) {
        received = OffsetDateTime.of(year - 1, 12, 31, 23, 30, 0, 0, ZoneOffset.ofHours(8));
      } else if (n == 1) {
        received = OffsetDateTime.of(year, 1, 1, 0, 10, 0, 0, ZoneOffset.ofHours(8));
      } else {
        received =
            OffsetDateTime.of(y, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8))
                .plusMinutes(random.nextInt(365 * 24 * 60));
      }
      String status = statuses.get(random.nextInt(statuses.size()));
      boolean extended = random.nextInt(5) == 0;
      OffsetDateTime resolved = null;
      if (status.equals("RESOLVED") || status.equals("CLOSED_UNRESOLVED")) {
        long minutes =
            switch (random.nextInt(6)) {
              case 0 -> 15L * 24 * 60;
              case 1 -> 15L * 24 * 60 + 1;
              case 2 -> 29L * 24 * 60;
              case 3 -> 30L * 24 * 60 + 1;
              default -> random.nextInt(14 * 24 * 60);
            };
        resolved = received.plusMinutes(minutes);
      }
      written.add(
          new Case(
              peers.get(n % peers.size()),
              received,
              status,
              resolved,
              extended,
              satisfaction.get(random.nextInt(satisfaction.size())),
              channels.get(random.nextInt(channels.size())),
              categories.get(random.nextInt(categories.size())),
              reasons.get(random.nextInt(reasons.size())),
              regions.get(random.nextInt(regions.size()))));
    }
    cutoff = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String before = filing(peers.get(0), cutoff.minus(1, ChronoUnit.HOURS));
    String after = filing(peers.get(0), cutoff.plus(1, ChronoUnit.DAYS));
    for (int n = 0; n < written.size(); n++) {
      Case c = written.get(n);
      String caseNo = "RJ-" + run + "-" + n;
      if (n == 5) {
        // re-filed after the cut-off as resolved: the report counts the version of the cut-off
        Case later =
            new Case(
                c.uscc(),
                c.received(),
                "RESOLVED",
                c.received().plusDays(2),
                false,
                "SATISFIED",
                c.channel(),
                c.category(),
                c.reason(),
                c.region());
        version(c, caseNo, before, 1);
        version(later, caseNo, after, 2);
        current(later, caseNo, after, 2);
        world.add(c);
      } else if (n == 6) {
        // first filed after the cut-off: not in the report at all
        version(c, caseNo, after, 2);
        current(c, caseNo, after, 2);
      } else {
        current(c, caseNo, before, 1);
        world.add(c);
      }
    }
    writeRatings();
    writeActions();
    jdbc.sql(
            """
            INSERT INTO typical_case (period, business_category, title_zh, title_en, account_zh,
                   account_en, status, created_by, published_by, published_at)
            VALUES (?, 'ONLINE_LENDING', ?, 'A lesson in high-interest loans', '某消费者通过网络平台借款，年化利率远超法定上限。',
                    'A consumer borrowed online at a rate far above the legal cap.', 'PUBLISHED',
                    'ReportJobIT', 'ReportJobIT', ?)
            """)
        .params(year + "-Q2", "高息借贷的教训" + run, at(cutoff.minus(1, ChronoUnit.HOURS)))
        .update();
    jdbc.sql(
            """
            INSERT INTO typical_case (period, business_category, title_zh, title_en, account_zh,
                   account_en, status, created_by)
            VALUES (?, 'DEPOSIT', '草稿案例', 'Draft', '草稿。', 'Draft.', 'DRAFT', 'ReportJobIT')
            """)
        .param(String.valueOf(year))
        .update();
    jdbc.sql(
            """
            INSERT INTO consumer_alert (period, topic_zh, topic_en, text_zh, text_en, categories,
                   status, created_by, published_by, published_at)
            VALUES (?, '高息借贷', 'High-interest lending', '警惕以低息为名的高息借贷。',
                    'Beware of high-interest loans sold as cheap ones.', '{ONLINE_LENDING}',
                    'PUBLISHED', 'ReportJobIT', 'ReportJobIT', ?)
            """)
        .params(String.valueOf(year), at(cutoff.minus(1, ChronoUnit.HOURS)))
        .update();
  }

  private String filing(String uscc, Instant validatedAt) {
    String id = "FRJ-" + run + "-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                received_at, sha256, size_bytes, raw, status, validated_at)
            VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', ?, ?, 2, '{}'::bytea, 'ACCEPTED', ?)
            """)
        .params(id, uscc, at(validatedAt), sha256(id), at(validatedAt))
        .update();
    return id;
  }

  private long seq(String filingId) {
    return jdbc.sql("SELECT seq FROM filing WHERE filing_id = ?")
        .param(filingId)
        .query(Long.class)
        .single();
  }

  private String json(Case c, String caseNo) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("caseNo", caseNo);
    record.put("receivedAt", c.received().toString());
    record.put("channel", c.channel());
    record.put("businessCategory", c.category());
    record.put("reason", c.reason());
    record.put("demand", "REFUND");
    record.put("region", c.region());
    record.put("narrative", "客户投诉");
    record.put("status", c.status());
    if (c.resolved() != null) {
      record.put("resolvedAt", c.resolved().toString());
      record.put("outcome", "UPHELD");
    }
    if (c.satisfaction() != null) {
      record.put("satisfaction", c.satisfaction());
    }
    if (c.extended()) {
      record.put("extended", true);
    }
    return JsonMapper.shared().writeValueAsString(record);
  }

  private void version(Case c, String caseNo, String filingId, int index) {
    jdbc.sql(
            """
            INSERT INTO complaint_case_version (institution_uscc, case_no, filing_id, filing_seq,
                                                record_index, record)
            VALUES (?, ?, ?, ?, ?, ?::jsonb)
            """)
        .params(c.uscc(), caseNo, filingId, seq(filingId), index, json(c, caseNo))
        .update();
  }

  private void current(Case c, String caseNo, String filingId, int index) {
    jdbc.sql(
            """
            INSERT INTO complaint_case (institution_uscc, case_no, filing_id, filing_seq,
                                        received_at, status, record)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
            """)
        .params(
            c.uscc(), caseNo, filingId, seq(filingId), c.received(), c.status(), json(c, caseNo))
        .update();
  }

  private void writeRatings() {
    // this year: peers 0–5 published (peer 1 corrected: v1 SUPERSEDED, v2 PUBLISHED), peer 6 only
    // a draft; last year: peers 0–4 published, with grades that move up, down and stay
    String[] scores = {"91.0", "85.5", "72.0", "64.3", "58.0", "77.7"};
    String[] grades = {"A", "B", "B", "C", "C", "B"};
    String[] lastYear = {"B", "B", "A", "C", "D"};
    for (int i = 0; i < 6; i++) {
      rating(
          peers.get(i),
          String.valueOf(year),
          "PUBLISHED",
          i == 1 ? 2 : 1,
          scores[i],
          grades[i],
          -1);
      ratedNow.put(peers.get(i), new String[] {scores[i], grades[i]});
    }
    rating(peers.get(1), String.valueOf(year), "SUPERSEDED", 1, "20.0", "D", -2);
    rating(peers.get(6), String.valueOf(year), "DRAFT", null, "99.0", "A", 0);
    for (int i = 0; i < 5; i++) {
      rating(peers.get(i), String.valueOf(year - 1), "PUBLISHED", 1, "70.0", lastYear[i], -30);
      gradeBefore.put(peers.get(i), lastYear[i]);
    }
  }

  private void rating(
      String uscc,
      String period,
      String status,
      Integer version,
      String score,
      String grade,
      int hours) {
    long runId =
        jdbc.sql(
                """
                INSERT INTO rating_run (period, provisional, data_cutoff, methodology_version,
                                        requested_by)
                VALUES (?, false, ?, 'v1', 'ReportJobIT') RETURNING id
                """)
            .params(
                period,
                at(
                    cutoff
                        .plus(hours, ChronoUnit.HOURS)
                        .plusNanos(ThreadLocalRandom.current().nextInt(1, 999) * 1000L)))
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            INSERT INTO rating (run_id, institution_uscc, period, provisional, status, version,
                   name_zh, name_en, institution_type, province, score, grade, capped, limited_data,
                   methodology_version, data_cutoff, factors, objection_deadline, published_at,
                   published_by)
            SELECT ?, i.uscc, ?, false, ?, ?, i.legal_name_zh, i.name_en, i.type, '110000', ?, ?,
                   false, false, 'v1', now(), '[]'::jsonb, current_date, ?, 'ReportJobIT'
              FROM institution i WHERE i.uscc = ?
            """)
        .params(
            runId,
            period,
            status,
            version,
            new BigDecimal(score),
            grade,
            version == null ? null : at(cutoff.plus(hours, ChronoUnit.HOURS)),
            uscc)
        .update();
  }

  private void writeActions() {
    // published this year: a major one, a serious one with a fine, a minor one; a serious one
    // corrected (by a published minor one); a draft; one published after the cut-off; one of
    // last year
    action(peers.get(0), "MINOR", year, 3, null, "PUBLISHED", -2, null);
    long corrected = action(peers.get(1), "SERIOUS", year, 4, null, "PUBLISHED", -3, null);
    action(peers.get(1), "MINOR", year, 5, null, "PUBLISHED", -2, corrected);
    action(peers.get(2), "SERIOUS", year, 6, new BigDecimal("500000"), "PUBLISHED", -2, null);
    action(peers.get(3), "MAJOR", year, 7, null, "PUBLISHED", -2, null);
    action(peers.get(4), "MAJOR", year, 8, null, "DRAFT", 0, null);
    action(peers.get(5), "MAJOR", year, 9, null, "PUBLISHED", 24, null);
    action(peers.get(6), "MAJOR", year - 1, 9, null, "PUBLISHED", -2, null);
    // expected order: most severe first, then the larger fine, then the date
    notableActions.addAll(List.of(decision(7), decision(6), decision(3), decision(5)));
  }

  private String decision(int month) {
    return "RJ-" + run + "-" + year + "-" + month;
  }

  private long action(
      String uscc,
      String severity,
      int y,
      int month,
      BigDecimal fine,
      String status,
      int hours,
      Long corrects) {
    return jdbc.sql(
            """
            INSERT INTO enforcement_action (institution_uscc, decision_no, decision_date, severity,
                   measure, fine_cny, legal_basis, summary_zh, summary_en, corrects, status,
                   created_by, published_at)
            VALUES (?, ?, ?, ?, 'WARNING', ?, '《消费者权益保护实施办法》', '测试处罚', 'Test action', ?, ?,
                    'ReportJobIT', ?)
            RETURNING id
            """)
        .params(
            uscc,
            y == year ? decision(month) : "RJ-" + run + "-" + y + "-" + month,
            java.time.LocalDate.of(y, month, 10),
            severity,
            fine,
            corrects,
            status,
            status.equals("PUBLISHED") ? at(cutoff.plus(hours, ChronoUnit.HOURS)) : null)
        .query(Long.class)
        .single();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package cn.cpsx.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.PortalApi;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Integrity reports over HTTP against the real PostgreSQL and Keycloak: the public sees PUBLISHED
 * and SUPERSEDED versions only; a supervisor requests, previews and publishes (an analyst may not);
 * typical cases and alerts with personal data are refused and nothing is stored; open-data {@code
 * reports} has exactly §12's fields, CSV equal to JSON, and a headline equal to {@code statistics}.
 * batch-jobs does not run here: what {@code reportJob} writes is written by {@link ReportFixtures}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPublicationIT {

  @Autowired JdbcClient jdbc;

  ReportFixtures f;
  final PortalApi anonymous = PortalApi.anonymous();
  PortalApi supervisor;
  PortalApi analyst;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void load() throws Exception {
    f = ReportFixtures.load(jdbc);
    supervisor = PortalApi.as("supervisor");
    analyst = PortalApi.as("analyst");
  }

  @Test
  void theArchiveAndTheReportPageShowPublishedVersionsOnly() throws Exception {
    String archive = anonymous.get("/reports?lang=zh-CN").body();
    assertThat(archive)
        .contains(
            "data-period=\"" + f.year + "\" data-version=\"2\"",
            "data-period=\"" + f.year + "\" data-version=\"1\"")
        .doesNotContain("data-period=\"" + f.draftQuarter + "\"", f.unpublishedMarker());

    for (String lang : List.of("zh-CN", "en")) {
      boolean zh = lang.startsWith("zh");
      HttpResponse<String> page = anonymous.get("/reports/" + f.year + "?lang=" + lang);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains(f.marker(2, zh), "lang=\"" + lang)
          .doesNotContain(f.marker(1, zh), f.unpublishedMarker());
      HttpResponse<String> older = anonymous.get("/reports/" + f.year + "?version=1&lang=" + lang);
      assertThat(older.statusCode()).isEqualTo(200);
      assertThat(older.body()).contains(f.marker(1, zh)).doesNotContain(f.marker(2, zh));
    }
    // a period with only a draft has nothing public; a version number that is no public version
    assertThat(anonymous.get("/reports/" + f.draftQuarter).statusCode()).isEqualTo(404);
    assertThat(anonymous.get("/reports/" + f.draftQuarter + ".pdf").statusCode()).isEqualTo(404);
    assertThat(anonymous.get("/reports/" + f.year + "?version=3").statusCode()).isEqualTo(404);
  }

  @Test
  void theReportPdfIsServedAsAPdfThatPdfBoxReads() throws Exception {
    for (String lang : List.of("zh-CN", "en")) {
      HttpResponse<byte[]> pdf = bytes("/reports/" + f.year + ".pdf?lang=" + lang);
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
      try (PDDocument document = Loader.loadPDF(pdf.body())) {
        assertThat(document.getNumberOfPages()).isEqualTo(1);
        assertThat(new PDFTextStripper().getText(document))
            // the fixture's PDF has a standard font: its Chinese marker became "?"
            .contains(lang.startsWith("zh") ? "2?-" + f.world.run : "version 2 " + f.world.run);
      }
    }
    HttpResponse<byte[]> older = bytes("/reports/" + f.year + ".pdf?version=1&lang=en");
    try (PDDocument document = Loader.loadPDF(older.body())) {
      assertThat(new PDFTextStripper().getText(document)).contains("version 1 " + f.world.run);
    }
  }

  @Test
  void aSupervisorRequestsPreviewsAndPublishesAndANewVersionSupersedesTheOld() throws Exception {
    String quarter = f.year + "-Q3";
    assertThat(supervisor.post("/regulator/reports", "period=" + quarter).statusCode() / 100 * 100)
        .isEqualTo(300);
    long first = requested(quarter);
    assertThat(
            jdbc.sql("SELECT requested_by FROM report_version WHERE id = ?")
                .param(first)
                .query(String.class)
                .single())
        .isEqualTo("supervisor");
    assertThat(supervisor.post("/regulator/reports", "period=2025-Q5").statusCode()).isEqualTo(400);
    // nothing to publish before reportJob made a draft
    assertThat(supervisor.post("/regulator/reports/" + first + "/publish", "").statusCode())
        .isEqualTo(409);

    f.generate(first, "first-" + f.world.run, new ReportFixtures.Headline(3, 2, 1, 1, 1));
    for (PortalApi reader : List.of(analyst, supervisor)) {
      HttpResponse<String> preview = reader.get("/regulator/reports/" + first + "?lang=en");
      assertThat(preview.statusCode()).isEqualTo(200);
      assertThat(preview.body()).contains("first-" + f.world.run);
      assertThat(
              reader
                  .get("/regulator/reports/" + first + ".pdf")
                  .headers()
                  .firstValue("Content-Type"))
          .hasValue("application/pdf");
    }
    assertThat(anonymous.get("/reports/" + quarter).statusCode()).isEqualTo(404);
    assertThat(anonymous.get("/reports").body()).doesNotContain("first-" + f.world.run);

    // only a supervisor publishes
    assertThat(analyst.post("/regulator/reports/" + first + "/publish", "").statusCode())
        .isEqualTo(403);
    assertThat(status(first)).isEqualTo("DRAFT");
    assertThat(supervisor.post("/regulator/reports/" + first + "/publish", "").statusCode())
        .isEqualTo(302);
    assertThat(status(first)).isEqualTo("PUBLISHED");
    assertThat(anonymous.get("/reports/" + quarter + "?lang=en").body())
        .contains("first-" + f.world.run);
    // published reports are immutable
    assertThat(supervisor.post("/regulator/reports/" + first + "/publish", "").statusCode())
        .isEqualTo(409);
    assertThat(supervisor.post("/regulator/reports/" + first + "/archive", "").statusCode())
        .isEqualTo(409);

    supervisor.post("/regulator/reports", "period=" + quarter);
    long second = requested(quarter);
    f.generate(second, "second-" + f.world.run, new ReportFixtures.Headline(4, 3, 2, 1, 1));
    assertThat(supervisor.post("/regulator/reports/" + second + "/publish", "").statusCode())
        .isEqualTo(302);
    assertThat(status(first)).isEqualTo("SUPERSEDED");
    assertThat(status(second)).isEqualTo("PUBLISHED");

    assertThat(anonymous.get("/reports/" + quarter + "?lang=en").body())
        .contains("second-" + f.world.run)
        .doesNotContain("first-" + f.world.run);
    assertThat(anonymous.get("/reports/" + quarter + "?version=1&lang=en").body())
        .contains("first-" + f.world.run);
    assertThat(anonymous.get("/reports").body())
        .contains(
            "data-period=\"" + quarter + "\" data-version=\"1\"",
            "data-period=\"" + quarter + "\" data-version=\"2\"");
    List<String> listed = new ArrayList<>();
    for (JsonNode item : anonymous.json("/api/open/v1/reports").path("items")) {
      if (item.path("period").asString().equals(quarter)) {
        listed.add(item.path("version").asInt() + ":" + item.path("headline").path("complaints"));
      }
    }
    assertThat(listed).containsExactly("2:4", "1:3");

    // a draft set aside and a failure retried
    supervisor.post("/regulator/reports", "period=" + quarter);
    long third = requested(quarter);
    f.generate(third, "third-" + f.world.run, new ReportFixtures.Headline(5, 3, 2, 1, 1));
    assertThat(analyst.post("/regulator/reports/" + third + "/archive", "").statusCode())
        .isEqualTo(403);
    assertThat(supervisor.post("/regulator/reports/" + third + "/archive", "").statusCode())
        .isEqualTo(302);
    assertThat(status(third)).isEqualTo("ARCHIVED");
    assertThat(supervisor.post("/regulator/reports/" + f.failed + "/retry", "").statusCode())
        .isEqualTo(302);
    assertThat(status(f.failed)).isEqualTo("REQUESTED");
    assertThat(anonymous.get("/reports").body()).doesNotContain("third-" + f.world.run);
    assertThat(supervisor.post("/regulator/reports/999999999/publish", "").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aTypicalCaseWithPersonalDataIsRefusedOverHttpAndNothingIsStored() throws Exception {
    Map<String, String> form = typicalCase("信用卡年费争议" + f.world.run);
    List<String> accounts =
        List.of(
            "消费者来电（13812345678）反映信用卡年费未经告知即被扣收。",
            "消费者身份证号110101199003071233，反映信用卡年费未经告知即被扣收。",
            "投诉人李建国反映信用卡年费未经告知即被扣收。");
    for (String account : accounts) {
      form.put("accountZh", account);
      for (String lang : List.of("zh-CN", "en")) {
        HttpResponse<String> refused =
            supervisor.post("/regulator/reports/typical-cases?lang=" + lang, encode(form));
        assertThat(refused.statusCode()).as(account).isEqualTo(400);
        // the message names the problem in both languages and what to rewrite
        assertThat(refused.body())
            .as(account)
            .contains("id=\"typical-problems\"", "个人信息", "personal data", "未保存");
      }
    }
    // it names what it found, so the supervisor knows what to rewrite
    assertThat(problems(refusedBody(form, "13812345678"), "typical-problems")).contains("1234");
    assertThat(stored("typical_case", "title_zh", form.get("titleZh"))).isZero();

    // an alert is checked the same way
    Map<String, String> alert = new LinkedHashMap<>();
    alert.put("period", f.year);
    alert.put("topicZh", "高息借贷" + f.world.run);
    alert.put("topicEn", "High-interest lending " + f.world.run);
    alert.put("textZh", "请联系王小明 13912345678 了解详情。");
    alert.put("textEn", "Beware of loans advertised with hidden fees.");
    alert.put("categories", "ONLINE_LENDING");
    HttpResponse<String> refusedAlert =
        supervisor.post("/regulator/reports/alerts?lang=en", encode(alert));
    assertThat(refusedAlert.statusCode()).isEqualTo(400);
    assertThat(refusedAlert.body()).contains("id=\"alert-problems\"", "personal data");
    assertThat(stored("consumer_alert", "topic_zh", alert.get("topicZh"))).isZero();

    // analysts do not write typical cases at all
    form.put("accountZh", "某消费者反映信用卡年费未经告知即被扣收。");
    assertThat(analyst.post("/regulator/reports/typical-cases", encode(form)).statusCode())
        .isEqualTo(403);
    assertThat(stored("typical_case", "title_zh", form.get("titleZh"))).isZero();
  }

  @Test
  void aCleanTypicalCaseAndAlertAreSavedAndOncePublishedAppearOnThePublicPages() throws Exception {
    Map<String, String> form = typicalCase("信用卡年费未经告知即被扣收" + f.world.run);
    form.put("accountZh", "某消费者反映信用卡年费未经告知即被扣收，经调解，银行退还了全部年费。");
    form.put("uscc", f.world.corrected);
    form.put("caseNo", "PUB-" + f.world.run + "-3");
    HttpResponse<String> saved = supervisor.post("/regulator/reports/typical-cases", encode(form));
    assertThat(saved.statusCode()).as(problems(saved.body(), "typical-problems")).isEqualTo(302);
    long id =
        jdbc.sql("SELECT id FROM typical_case WHERE title_zh = ? AND status = 'DRAFT'")
            .param(form.get("titleZh"))
            .query(Long.class)
            .single();
    assertThat(anonymous.get("/reports/typical-cases").body()).doesNotContain(form.get("titleZh"));

    assertThat(analyst.post("/regulator/reports/typical-cases/" + id + "/publish", "").statusCode())
        .isEqualTo(403);
    assertThat(
            supervisor.post("/regulator/reports/typical-cases/" + id + "/publish", "").statusCode())
        .isEqualTo(302);
    String zh = anonymous.get("/reports/typical-cases?lang=zh-CN").body();
    assertThat(zh).contains(form.get("titleZh"), form.get("accountZh"));
    // the case it was drawn from is the regulator's reference, never public
    assertThat(zh).doesNotContain(form.get("caseNo"));
    assertThat(anonymous.get("/reports/typical-cases?lang=en").body())
        .contains(form.get("titleEn"), form.get("accountEn"));

    Map<String, String> alert = new LinkedHashMap<>();
    alert.put("period", f.year);
    alert.put("topicZh", "误导销售保险" + f.world.run);
    alert.put("topicEn", "Mis-sold insurance " + f.world.run);
    alert.put("textZh", "购买理财型保险前，请核对合同条款，不要只听口头承诺。");
    alert.put("textEn", "Before buying investment-linked insurance, read the contract itself.");
    alert.put("categories", "INSURANCE_LIFE");
    HttpResponse<String> savedAlert = supervisor.post("/regulator/reports/alerts", encode(alert));
    assertThat(savedAlert.statusCode())
        .as(problems(savedAlert.body(), "alert-problems"))
        .isEqualTo(302);
    long alertId =
        jdbc.sql("SELECT id FROM consumer_alert WHERE topic_zh = ?")
            .param(alert.get("topicZh"))
            .query(Long.class)
            .single();
    assertThat(anonymous.get("/reports/alerts").body()).doesNotContain(alert.get("topicZh"));
    supervisor.post("/regulator/reports/alerts/" + alertId + "/publish", "");
    assertThat(anonymous.get("/reports/alerts?lang=zh-CN").body())
        .contains(alert.get("topicZh"), alert.get("textZh"));
  }

  @Test
  void openDataReportsHaveExactlyTheSpecFieldsCsvEqualToJsonAndTheStatisticsHeadline()
      throws Exception {
    JsonNode answer = anonymous.json("/api/open/v1/reports");
    assertThat(answer.propertyNames())
        .containsExactly("licence", "updated", "methodologyVersion", "total", "items");
    List<JsonNode> ours = new ArrayList<>();
    for (JsonNode item : answer.path("items")) {
      assertThat(item.propertyNames())
          .containsExactly("period", "kind", "version", "publishedAt", "html", "pdf", "headline");
      assertThat(item.path("headline").propertyNames())
          .containsExactly("complaints", "closed", "closedWithinDeadline", "surveyed", "satisfied");
      if (item.path("period").asString().startsWith(f.year)) {
        ours.add(item);
      }
    }
    assertThat(ours.stream().map(i -> i.path("period").asString() + "/" + i.path("version")))
        .as("drafts, failures and archived generations are never listed")
        .doesNotContain(f.draftQuarter + "/1")
        .contains(f.year + "/2", f.year + "/1");
    JsonNode current =
        ours.stream()
            .filter(i -> i.path("period").asString().equals(f.year))
            .findFirst()
            .orElseThrow();
    assertThat(current.path("version").asInt()).isEqualTo(2);
    assertThat(current.path("kind").asString()).isEqualTo("ANNUAL");
    assertThat(current.path("html").asString())
        .isEqualTo(PortalApi.PORTAL + "/reports/" + f.year + "?version=2");
    assertThat(current.path("pdf").asString())
        .isEqualTo(PortalApi.PORTAL + "/reports/" + f.year + ".pdf?version=2");
    assertThat(
            anonymous
                .get(current.path("pdf").asString().substring(PortalApi.PORTAL.length()))
                .statusCode())
        .isEqualTo(200);

    // the headline is the world counted here, and what statistics sums to for the year
    JsonNode h = current.path("headline");
    ReportFixtures.Headline expected = f.headline;
    assertThat(expected.complaints()).isPositive();
    assertThat(
            List.of(
                h.path("complaints").asLong(),
                h.path("closed").asLong(),
                h.path("closedWithinDeadline").asLong(),
                h.path("surveyed").asLong(),
                h.path("satisfied").asLong()))
        .containsExactly(
            expected.complaints(),
            expected.closed(),
            expected.closedWithinDeadline(),
            expected.surveyed(),
            expected.satisfied());
    long[] sums = new long[5];
    for (JsonNode item : anonymous.json("/api/open/v1/statistics?period=" + f.year).path("items")) {
      sums[0] += item.path("complaints").asLong();
      sums[1] += item.path("closed").asLong();
      sums[2] += item.path("closedWithinDeadline").asLong();
      sums[3] += item.path("surveyed").asLong();
      sums[4] += item.path("satisfied").asLong();
    }
    assertThat(sums)
        .containsExactly(
            h.path("complaints").asLong(),
            h.path("closed").asLong(),
            h.path("closedWithinDeadline").asLong(),
            h.path("surveyed").asLong(),
            h.path("satisfied").asLong());

    // CSV: the same rows, headline flattened
    HttpResponse<String> csv = anonymous.get("/api/open/v1/reports?format=csv");
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String body = csv.body();
    assertThat(body).startsWith("\uFEFF");
    List<String> lines = body.substring(1).lines().toList();
    assertThat(lines.getFirst())
        .isEqualTo(
            "period,kind,version,publishedAt,html,pdf,headline.complaints,headline.closed,"
                + "headline.closedWithinDeadline,headline.surveyed,headline.satisfied");
    List<String> fromJson = new ArrayList<>();
    for (JsonNode item : answer.path("items")) {
      JsonNode hl = item.path("headline");
      fromJson.add(
          List.of(
                  item.path("period").asString(),
                  item.path("kind").asString(),
                  item.path("version").toString(),
                  item.path("publishedAt").asString(),
                  item.path("html").asString(),
                  item.path("pdf").asString(),
                  hl.path("complaints").toString(),
                  hl.path("closed").toString(),
                  hl.path("closedWithinDeadline").toString(),
                  hl.path("surveyed").toString(),
                  hl.path("satisfied").toString())
              .stream()
              .collect(Collectors.joining(",")));
    }
    assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(fromJson);
  }

  private Map<String, String> typicalCase(String title) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("period", f.year);
    form.put("businessCategory", "CREDIT_CARD");
    form.put("titleZh", title);
    form.put("titleEn", "Annual fee charged without notice " + f.world.run);
    form.put(
        "accountEn", "A cardholder was charged an annual fee without notice; it was refunded.");
    return form;
  }

  private String refusedBody(Map<String, String> form, String phone) throws Exception {
    Map<String, String> withPhone = new LinkedHashMap<>(form);
    withPhone.put("accountZh", "消费者来电（" + phone + "）反映信用卡年费未经告知即被扣收。");
    return supervisor.post("/regulator/reports/typical-cases?lang=en", encode(withPhone)).body();
  }

  /** The list of problems of a refused form, or "" when there is none. */
  private static String problems(String page, String id) {
    int at = page.indexOf("id=\"" + id + "\"");
    return at < 0 ? "" : page.substring(at, page.indexOf("</ul>", at));
  }

  private long stored(String table, String column, String value) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")
        .param(value)
        .query(Long.class)
        .single();
  }

  private long requested(String period) {
    return jdbc.sql("SELECT max(id) FROM report_version WHERE period = ? AND status = 'REQUESTED'")
        .param(period)
        .query(Long.class)
        .single();
  }

  private String status(long id) {
    return jdbc.sql("SELECT status FROM report_version WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private HttpResponse<byte[]> bytes(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(PortalApi.PORTAL + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}

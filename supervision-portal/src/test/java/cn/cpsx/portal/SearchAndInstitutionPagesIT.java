package cn.cpsx.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.CaseFixtures.FixtureCase;
import cn.cpsx.schemas.FilingOutcome;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 17's search and institution pages over HTTP with tokens of the real Keycloak, in Chinese
 * and English: filter chips (also for a value the facet does not count), institutions added by
 * name, the case deadline, trends' default range and partial period, the processing page and CSV
 * headers translated, and the institution's validation report and own case detail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAndInstitutionPagesIT {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient es;
  @Autowired cn.cpsx.portal.complaint.SearchIndexProperties index;

  CaseFixtures fixture;
  UxPagesFixtures ux;
  PortalApi analyst;
  PortalApi officer;
  long jobInstance = -1;

  @BeforeAll
  void load() throws Exception {
    fixture = CaseFixtures.load(jdbc, es, index.caseAlias());
    ux = UxPagesFixtures.load(jdbc, es, index.caseAlias());
    analyst = PortalApi.as("analyst");
    officer = PortalApi.as("officer");
  }

  @AfterAll
  void removeJobRun() {
    if (jobInstance > 0) {
      jdbc.sql(
              "DELETE FROM batch_step_execution WHERE job_execution_id IN"
                  + " (SELECT job_execution_id FROM batch_job_execution WHERE job_instance_id = ?)")
          .param(jobInstance)
          .update();
      jdbc.sql("DELETE FROM batch_job_execution WHERE job_instance_id = ?")
          .param(jobInstance)
          .update();
      jdbc.sql("DELETE FROM batch_job_instance WHERE job_instance_id = ?")
          .param(jobInstance)
          .update();
    }
  }

  private HttpResponse<String> page(PortalApi as, String path, String lang) throws Exception {
    HttpResponse<String> response =
        as.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response;
  }

  private static String text(HttpResponse<String> page) {
    return HtmlUtils.htmlUnescape(page.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The chips of a search page: param=value → the href that removes it. */
  private static java.util.Map<String, String> chips(String html) {
    java.util.Map<String, String> chips = new java.util.LinkedHashMap<>();
    Matcher m = Pattern.compile("<a class=\"chip\"[^>]*>").matcher(html);
    while (m.find()) {
      String tag = m.group();
      chips.put(
          attribute(tag, "data-param") + "=" + attribute(tag, "data-value"),
          attribute(tag, "href"));
    }
    return chips;
  }

  private static String attribute(String tag, String name) {
    Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
    return m.find() ? HtmlUtils.htmlUnescape(m.group(1)) : null;
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void aChosenValueTheFacetDoesNotCountStillHasAChipThatRemovesJustIt(String lang)
      throws Exception {
    String mine = fixture.institutions().getFirst();
    String path =
        "/regulator/cases?institution=" + mine + "&institution=" + ux.quietUscc + "&reason=FEES";

    HttpResponse<String> page = page(analyst, path, lang);

    // the quiet institution has no case: no facet bucket counts it, yet its chip names it
    assertThat(
            analyst
                .json("/regulator/api/cases?reason=FEES")
                .get("facets")
                .get("institution")
                .findValuesAsString("value"))
        .doesNotContain(ux.quietUscc);
    var chips = chips(page.body());
    assertThat(chips)
        .containsOnlyKeys("institution=" + mine, "institution=" + ux.quietUscc, "reason=FEES");
    assertThat(text(page))
        .contains(
            ux.quietName, fixture.name(mine), lang.startsWith("zh") ? "收费定价" : "Fees and pricing")
        .contains(lang.startsWith("zh") ? "当前筛选" : "Filters in force");
    // each chip's link is the same search without that one value
    String withoutQuiet = chips.get("institution=" + ux.quietUscc);
    assertThat(withoutQuiet)
        .contains("institution=" + mine, "reason=FEES")
        .doesNotContain(ux.quietUscc);
    String withoutFees = chips.get("reason=FEES");
    assertThat(withoutFees).contains(mine, ux.quietUscc).doesNotContain("reason=");
    HttpResponse<String> after = page(analyst, withoutFees, lang);
    assertThat(chips(after.body())).doesNotContainKey("reason=FEES").hasSize(2);
    long all = fixture.cases().stream().filter(c -> c.institution().equals(mine)).count();
    assertThat(text(after)).contains(lang.startsWith("zh") ? "共找到 " + all + " 件" : all + " cases");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void addInstitutionTakesAShortNameOrPartOfANameAndSaysWhenItCannot(String lang) throws Exception {
    String second = fixture.institutions().get(1);
    String name = fixture.name(second); // 测试银行<run>-1
    long cases = fixture.cases().stream().filter(c -> c.institution().equals(second)).count();

    for (String typed : List.of(name, name.substring(4), name.toLowerCase())) {
      HttpResponse<String> page = page(analyst, "/regulator/cases?institution=" + enc(typed), lang);
      assertThat(chips(page.body())).as(typed).containsOnlyKeys("institution=" + second);
      assertThat(page.body()).doesNotContain("id=\"institution-problem\"");
      assertThat(analyst.json("/regulator/api/cases?institution=" + second).get("total").asLong())
          .isEqualTo(cases);
      assertThat(text(page))
          .contains(lang.startsWith("zh") ? "共找到 " + cases + " 件" : cases + " cases");
    }

    // the run's prefix fits all three fixture banks: the form lists them to pick from
    String prefix = name.substring(0, name.length() - 2);
    HttpResponse<String> ambiguous =
        page(analyst, "/regulator/cases?institution=" + enc(prefix), lang);
    assertThat(ambiguous.body()).contains("id=\"institution-problem\"", "aria-invalid=\"true\"");
    assertThat(text(ambiguous))
        .contains(lang.startsWith("zh") ? "对应多家机构" : "fits several institutions");
    for (String uscc : fixture.institutions()) {
      assertThat(ambiguous.body()).contains("institution=" + uscc);
    }
    assertThat(chips(ambiguous.body())).isEmpty();

    HttpResponse<String> unknown =
        page(analyst, "/regulator/cases?institution=" + enc("无此机构" + ux.run), lang);
    assertThat(text(unknown))
        .contains(
            lang.startsWith("zh")
                ? "没有名为“无此机构" + ux.run + "”的登记机构"
                : "No registered institution is called “无此机构" + ux.run + "”");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void caseDetailShowsTheDeadlineTheOverdueFlagTheRegionNameAndBeijingTimes(String lang)
      throws Exception {
    FixtureCase overdue = fixture.cases().stream().filter(FixtureCase::overdue).findFirst().get();
    FixtureCase closed =
        fixture.cases().stream().filter(c -> c.status().equals("RESOLVED")).findFirst().get();
    DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    String page =
        text(
            page(
                analyst,
                "/regulator/cases/" + overdue.institution() + "/" + overdue.caseNo(),
                lang));

    String deadline = overdue.receivedAt().plusDays(15).atZoneSameInstant(SHANGHAI).format(minutes);
    assertThat(page)
        .contains(lang.startsWith("zh") ? "办理时限" : "Handling deadline")
        .contains(deadline)
        .contains(lang.startsWith("zh") ? "已超期" : "Overdue")
        .contains(lang.startsWith("zh") ? "广东 (440305)" : "Guangdong (440305)")
        .contains(overdue.receivedAt().atZoneSameInstant(SHANGHAI).format(minutes))
        .doesNotContain(overdue.receivedAt().toString());
    String closedPage =
        text(
            page(
                analyst, "/regulator/cases/" + closed.institution() + "/" + closed.caseNo(), lang));
    assertThat(closedPage)
        .contains(lang.startsWith("zh") ? "已办结" : "Closed")
        .doesNotContain(lang.startsWith("zh") ? "已超期" : ">Overdue<");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void trendsOpenOnARecentRangeShowTheSearchAndMarkThePartialPeriod(String lang) throws Exception {
    String mine = fixture.institutions().getFirst();
    HttpResponse<String> redirect =
        analyst.get("/regulator/trends?institution=" + mine + "&reason=FEES&lang=" + lang);

    LocalDate today = LocalDate.now(SHANGHAI);
    LocalDate from = today.withDayOfMonth(1).minusMonths(11);
    assertThat(redirect.statusCode()).isEqualTo(302);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("receivedFrom=" + from, "institution=" + mine, "reason=FEES");

    String path = location.substring(location.indexOf("/regulator/trends"));
    HttpResponse<String> page = page(analyst, path, lang);
    String html = page.body();
    assertThat(text(page))
        .contains(fixture.name(mine))
        .contains(lang.startsWith("zh") ? "收费定价" : "Fees and pricing")
        .contains(lang.startsWith("zh") ? "受理自 " + from : "Received from " + from);
    // the current month is still running: its row says so; earlier full months do not
    String month = today.toString().substring(0, 7);
    assertThat(html)
        .containsPattern(
            "<tr data-partial=\"true\" class=\"partial\">\\s*<th scope=\"row\" data-period=\""
                + month
                + "\"")
        .contains(lang.startsWith("zh") ? "不完整" : "partial");
    String lastMonth = today.minusMonths(1).toString().substring(0, 7);
    if (html.contains("data-period=\"" + lastMonth + "\"")) {
      assertThat(html)
          .containsPattern(
              "data-partial=\"false\">\\s*<th scope=\"row\" data-period=\"" + lastMonth);
    }
    // a form sent with the dates emptied draws all time, without a redirect
    assertThat(
            analyst
                .get("/regulator/trends?institution=" + mine + "&receivedFrom=&receivedTo=")
                .statusCode())
        .isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void processingPageNamesJobsStepsAndStatusesInTheReadersLanguage(String lang) throws Exception {
    if (jobInstance < 0) {
      jobInstance =
          jdbc.sql(
                  "INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key)"
                      + " VALUES ((SELECT coalesce(max(job_instance_id), 0) + 1000 FROM"
                      + " batch_job_instance), 0, 'filingProcessingJob', ?) RETURNING"
                      + " job_instance_id")
              .param("ux-" + ux.run)
              .query(Long.class)
              .single();
      long execution =
          jdbc.sql(
                  """
                  INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id,
                         create_time, start_time, end_time, status, exit_code, last_updated)
                  VALUES ((SELECT coalesce(max(job_execution_id), 0) + 1000
                             FROM batch_job_execution), 1, ?, now(), now(), now(), 'FAILED',
                          'FAILED', now())
                  RETURNING job_execution_id
                  """)
              .param(jobInstance)
              .query(Long.class)
              .single();
      jdbc.sql(
              """
              INSERT INTO batch_step_execution (step_execution_id, version, step_name,
                     job_execution_id, create_time, start_time, end_time, status, commit_count,
                     read_count, filter_count, write_count, read_skip_count, write_skip_count,
                     process_skip_count, rollback_count, exit_code, last_updated)
              VALUES ((SELECT coalesce(max(step_execution_id), 0) + 1000
                         FROM batch_step_execution), 1, 'validateFilingStep', ?, now(), now(),
                      now(), 'FAILED', 0, 0, 0, 0, 0, 0, 0, 0, 'FAILED', now())
              """)
          .param(execution)
          .update();
    }

    String page = text(page(analyst, "/regulator/jobs", lang));

    assertThat(page)
        .contains(lang.startsWith("zh") ? "报送校验与索引" : "Filing validation and indexing")
        .contains(lang.startsWith("zh") ? "校验报送" : "Validate the filing")
        .contains(lang.startsWith("zh") ? ">失败<" : ">Failed<");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void csvHeadersAreInTheReadersLanguageWithCodesInAColumnOfTheirOwn(String lang) throws Exception {
    String mine = fixture.institutions().getFirst();
    HttpResponse<String> csv =
        analyst.get(
            "/regulator/cases/export.csv?institution=" + mine + "&reason=FEES&lang=" + lang);

    assertThat(csv.statusCode()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    String header = lines.getFirst();
    if (lang.startsWith("zh")) {
      assertThat(header)
          .startsWith("\uFEFF机构统一社会信用代码,机构名称,机构类型,机构类型（代码）,案件编号")
          .contains("投诉原因,投诉原因（代码）");
      assertThat(lines.get(1)).contains(",收费定价,FEES,");
    } else {
      assertThat(header)
          .startsWith(
              "\uFEFFInstitution USCC,Institution,Institution type,Institution type (code),")
          .contains("Reason,Reason (code)");
      assertThat(lines.get(1)).contains(",Fees and pricing,FEES,");
    }
    long fees =
        fixture.cases().stream()
            .filter(c -> c.institution().equals(mine) && c.reason().equals("FEES"))
            .count();
    assertThat(lines).hasSize(1 + (int) fees);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void aFilingRejectedForTooManyBadRecordsSaysSoAndIsNotSearchable(String lang) throws Exception {
    assertThat(ux.rejected.outcome()).isEqualTo(FilingOutcome.REJECTED);
    assertThat(ux.rejected.findings())
        .anySatisfy(f -> assertThat(f.record()).isEqualTo(1)); // the validator's index

    String page = text(page(officer, "/institution/filings/" + ux.rejectedFiling, lang));

    assertThat(page)
        .contains(
            lang.startsWith("zh")
                ? "2 条记录中 1 条被拒收（50%），超过 20% 的上限，因此整份报送被拒收"
                : "1 of 2 records rejected (50%), over the 20% limit, so the whole filing is rejected")
        .contains(
            lang.startsWith("zh")
                ? "否：报送被拒收，记录均不保留"
                : "No: the filing is rejected, none of its records is kept")
        .doesNotContain(lang.startsWith("zh") ? "是，" : "Yes, ")
        .contains(
            lang.startsWith("zh")
                ? "共 2 条：拒收 1 条，通过校验但因报送被拒收而不予保留 1 条，接收 0 条"
                : "2 records: 1 rejected, 1 passed the checks but not kept (the filing is rejected), 0 accepted");
    // index 1 is record no. 2, on row 4 of the file (a blank line before it)
    assertThat(page.replaceAll("\\s+", " "))
        .containsPattern(
            "<td class=\"record\"><span>2</span> <small>"
                + (lang.startsWith("zh") ? "CSV 第 4 行" : "CSV line 4")
                + "</small>");
    // the regulator's view of the same report says the same
    String board = text(page(analyst, "/regulator/filings/" + ux.rejectedFiling, lang));
    assertThat(board)
        .contains(lang.startsWith("zh") ? "超过 20% 的上限" : "over the 20% limit")
        .contains(lang.startsWith("zh") ? "CSV 第 4 行" : "CSV line 4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void theInstitutionOpensItsOwnCaseButNeverAnothers(String lang) throws Exception {
    // the "most recent" list links each of its cases to its detail (which cases head it depends on
    // what else the shared test database holds, so the first link is followed, whichever it is)
    HttpResponse<String> list = page(officer, "/institution/cases", lang);
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("href=\"/institution/cases/([^\"?]+)\"")
            .matcher(list.body());
    assertThat(link.find()).as("a case of the list links to its detail").isTrue();
    assertThat(page(officer, "/institution/cases/" + link.group(1), lang).body())
        .contains(link.group(1));
    String own = text(page(officer, "/institution/cases/" + ux.ownCaseNo, lang));

    assertThat(own)
        .contains(ux.ownCaseNo)
        .contains(
            ux.ownCaseReceivedAt
                .plusDays(15)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
        .contains(lang.startsWith("zh") ? "已超期" : "Overdue")
        .doesNotContain("李四", "13912345678");

    FixtureCase foreign = fixture.cases().getFirst();
    HttpResponse<String> other =
        officer.get("/institution/cases/" + foreign.caseNo() + "?lang=" + lang);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body())
        .doesNotContain(foreign.caseNo() + "</", fixture.name(foreign.institution()), "王");
  }
}

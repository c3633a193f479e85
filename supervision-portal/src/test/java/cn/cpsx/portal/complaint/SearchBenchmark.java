package cn.cpsx.portal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.KeycloakTokens;
import cn.cpsx.schemas.search.CaseSearchDocument;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: a measurement, run on demand (see BENCHMARKS.md). Loads {@code cpsx.bench.cases}
 * (default 1,000,000) generated cases into an index of its own (once; a later run reuses it), then
 * sends the same mix of searches — words, facets, highlights — through the portal's JSON API and,
 * with the very query DSL the portal builds, straight to Elasticsearch, alternating, and prints
 * p50/p95/p99 of both.
 *
 * <pre>CPSX_ES_HEAP=2g scripts/stack start && ./mvnw -q -pl schemas install -DskipTests && \
 * ./mvnw -pl supervision-portal verify -Dit.test=SearchBenchmark -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cpsx.search.case-alias=" + SearchBenchmark.ALIAS)
@ActiveProfiles("it")
class SearchBenchmark {

  static final String ALIAS = "cpsx-bench-cases";
  static final int CASES = Integer.getInteger("cpsx.bench.cases", 1_000_000);
  static final int WARM_UP = 50;
  static final int MEASURED = 400;

  static final String[][] TOPICS = {
    {"CREDIT_CARD", "FEES", "REFUND", "客户称信用卡年费未经告知即被扣收，要求退还年费%s元。"},
    {"CREDIT_CARD", "DEBT_COLLECTION", "APOLOGY", "客户反映催收人员多次在夜间拨打其亲属电话，言语威胁，要求停止骚扰并道歉。"},
    {"PERSONAL_LOAN", "CONTRACT_TERMS", "CORRECTION", "客户提前还款被收取高额违约金，认为合同条款显失公平，要求减免。"},
    {"MORTGAGE", "OPERATIONS", "CORRECTION", "客户反映房贷利率调整后月供未按约定下调，多次咨询未获答复。"},
    {"DEPOSIT", "FUNDS_SECURITY", "REFUND", "客户发现银行卡被异地盗刷%s元，要求银行承担损失并退还资金。"},
    {"DEBIT_CARD", "OPERATIONS", "CORRECTION", "客户反映手机银行转账限额被无故调低，影响正常使用，要求恢复原限额。"},
    {"WEALTH", "MIS_SELLING", "COMPENSATION", "客户称理财经理承诺保本保收益，实际产品亏损%s元，认为存在误导销售。"},
    {"FUND_SALES", "MIS_SELLING", "COMPENSATION", "老年客户在网点被推荐购买高风险基金，风险测评由工作人员代填，要求赔偿。"},
    {"INSURANCE_LIFE", "CLAIMS", "COMPENSATION", "客户重疾险理赔申请被拒，保险公司以未如实告知为由拒赔，客户不认可。"},
    {"INSURANCE_PROPERTY", "CLAIMS", "COMPENSATION", "客户车辆出险后理赔定损金额偏低，理赔周期超过一个月，要求尽快赔付。"},
    {"PAYMENT", "FUNDS_SECURITY", "REFUND", "客户称支付账户被他人盗用，发生多笔未授权交易共计%s元，要求冻结并退款。"},
    {"ONLINE_LENDING", "PERSONAL_INFO", "APOLOGY", "客户称借款App读取通讯录，逾期后向其通讯录联系人群发催收信息。"},
    {"ONLINE_LENDING", "FEES", "REFUND", "客户通过平台借款，实际综合年化成本远高于宣传利率，另被收取会员费%s元。"},
    {"OTHER", "SERVICE_QUALITY", "OTHER", "客户对客服热线智能语音无法转接人工服务表示强烈不满。"}
  };
  static final String[] WORDS = {
    "信用卡年费", "催收", "理赔", "转账限额", "退还", "利率", "通讯录", "误导销售", "盗刷", "客服"
  };
  static final String[] STATUSES = {
    "RECEIVED", "IN_PROGRESS", "RESOLVED", "RESOLVED", "RESOLVED", "CLOSED_UNRESOLVED", "ESCALATED"
  };
  static final String[] PROVINCES = {
    "110105", "310115", "440305", "330106", "320102", "510107", "420106", "370102"
  };

  @Autowired ElasticsearchClient es;
  @LocalServerPort int port;

  @Test
  void searchApiAgainstTheSameDslSentStraightToElasticsearch() throws Exception {
    load();
    CaseSearch search = new CaseSearch(es, new SearchIndexProperties(ALIAS), null, null);
    String token = KeycloakTokens.user("analyst");
    HttpClient http = HttpClient.newHttpClient();
    Random random = new Random(7);
    List<Long> portal = new ArrayList<>();
    List<Long> direct = new ArrayList<>();
    for (int i = 0; i < WARM_UP + MEASURED; i++) {
      CaseQuery query = query(random);
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:" + port + "/regulator/api/cases?" + query.queryString()))
              .header("Authorization", "Bearer " + token)
              .build();
      long viaPortal;
      long straight;
      if (i % 2 == 0) {
        viaPortal = timePortal(http, request);
        straight = timeDirect(search, query);
      } else {
        straight = timeDirect(search, query);
        viaPortal = timePortal(http, request);
      }
      if (i >= WARM_UP) {
        portal.add(viaPortal);
        direct.add(straight);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "search benchmark: %,d cases, %d queries (words %d%%, facets and highlight always)%n"
            + "  portal API   p50 %s  p95 %s  p99 %s ms%n"
            + "  straight ES  p50 %s  p95 %s  p99 %s ms%n",
        CASES,
        MEASURED,
        70,
        ms(portal, 50),
        ms(portal, 95),
        ms(portal, 99),
        ms(direct, 50),
        ms(direct, 95),
        ms(direct, 99));
  }

  private static long timePortal(HttpClient http, HttpRequest request) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long elapsed = System.nanoTime() - start;
    assertThat(response.statusCode()).isEqualTo(200);
    return elapsed;
  }

  private long timeDirect(CaseSearch search, CaseQuery query) throws Exception {
    long start = System.nanoTime();
    es.search(search.request(query), Map.class);
    return System.nanoTime() - start;
  }

  /** 70% with words, half with one or two facet filters, some overdue and date-range questions. */
  static CaseQuery query(Random random) {
    CaseQuery.Builder query = CaseQuery.builder();
    if (random.nextInt(10) < 7) {
      query.q(WORDS[random.nextInt(WORDS.length)]);
    }
    if (random.nextBoolean()) {
      String[] topic = TOPICS[random.nextInt(TOPICS.length)];
      query.with(CaseFacet.BUSINESS_CATEGORY, topic[0]);
      if (random.nextBoolean()) {
        query.with(CaseFacet.REASON, topic[1], TOPICS[random.nextInt(TOPICS.length)][1]);
      }
    }
    if (random.nextInt(5) == 0) {
      query.overdue(true);
    }
    if (random.nextInt(5) == 0) {
      LocalDate from = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
      query.received(from, from.plusDays(30));
    }
    return query.build();
  }

  private static String ms(List<Long> nanos, int percentile) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return String.format(Locale.ROOT, "%.1f", sorted[Math.max(index, 0)] / 1e6);
  }

  /** Builds documents on one thread while another sends them in bulks of 2,000. */
  private void load() throws Exception {
    cn.cpsx.portal.CaseFixtures.ensureIndex(es, ALIAS);
    long present = es.count(c -> c.index(ALIAS)).count();
    if (present >= CASES) {
      System.out.printf(Locale.ROOT, "search benchmark: reusing %,d cases in %s%n", present, ALIAS);
      return;
    }
    List<String[]> institutions = registry();
    BlockingQueue<List<Map<String, Object>>> batches = new ArrayBlockingQueue<>(4);
    Thread builder =
        Thread.ofPlatform()
            .start(
                () -> {
                  Random random = new Random(20261126);
                  List<Map<String, Object>> batch = new ArrayList<>();
                  try {
                    for (long n = present; n < CASES; n++) {
                      batch.add(document(random, institutions, n));
                      if (batch.size() == 2_000 || n == CASES - 1) {
                        batches.put(batch);
                        batch = new ArrayList<>();
                      }
                    }
                    batches.put(List.of());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    long start = System.nanoTime();
    long sent = present;
    while (true) {
      List<Map<String, Object>> batch = batches.take();
      if (batch.isEmpty()) {
        break;
      }
      BulkRequest.Builder bulk = new BulkRequest.Builder();
      for (Map<String, Object> doc : batch) {
        bulk.operations(
            op ->
                op.index(
                    x ->
                        x.index(ALIAS)
                            .id(doc.get("institution") + ":" + doc.get("caseNo"))
                            .document(doc)));
      }
      var response = es.bulk(bulk.build());
      assertThat(response.errors()).isFalse();
      sent += batch.size();
      if (sent % 100_000 == 0) {
        System.out.printf(Locale.ROOT, "search benchmark: loaded %,d cases%n", sent);
      }
    }
    builder.join();
    es.indices().refresh(r -> r.index(ALIAS));
    es.indices().forcemerge(f -> f.index(ALIAS).maxNumSegments(5L));
    System.out.printf(
        Locale.ROOT,
        "search benchmark: loaded %,d cases in %.0f s%n",
        CASES - present,
        (System.nanoTime() - start) / 1e9);
  }

  private static Map<String, Object> document(Random random, List<String[]> institutions, long n) {
    String[] institution =
        institutions.get(
            (int)
                Math.min(
                    institutions.size() - 1,
                    Math.abs(random.nextGaussian()) * institutions.size() / 2.5));
    String[] topic = TOPICS[random.nextInt(TOPICS.length)];
    String amount =
        String.format(Locale.ROOT, "%d.%02d", 100 + random.nextInt(50_000), random.nextInt(100));
    OffsetDateTime received =
        OffsetDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8))
            .plusMinutes(random.nextInt(60 * 24 * 320));
    String status = STATUSES[random.nextInt(STATUSES.length)];
    String phone = "13" + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
    var record = JsonMapper.shared().createObjectNode();
    record.put("caseNo", "BENCH-" + n);
    record.put("receivedAt", received.toString());
    record.put("channel", random.nextBoolean() ? "PHONE" : "ONLINE");
    record.put("businessCategory", topic[0]);
    record.put("reason", topic[1]);
    record.put("demand", topic[2]);
    if (topic[3].contains("%s")) {
      record.put("amountInvolved", amount);
    }
    record.put("region", PROVINCES[random.nextInt(PROVINCES.length)]);
    record.putObject("complainant").put("name", "王小明").put("phone", phone).put("ageBand", "40_59");
    record.put(
        "narrative",
        (topic[3].contains("%s") ? topic[3].formatted(amount) : topic[3]) + "联系电话" + phone + "。");
    record.put("status", status);
    if (status.startsWith("RESOLVED") || status.startsWith("CLOSED")) {
      record.put("resolvedAt", received.plusDays(3).toString());
      record.put("outcome", "SETTLED");
      record.put("satisfaction", "SATISFIED");
    }
    return CaseSearchDocument.of(
        new CaseSearchDocument.Source(institution[0], institution[2], institution[4], "FBENCH", 1),
        record,
        Instant.now());
  }

  private static List<String[]> registry() throws Exception {
    try (var in = SearchBenchmark.class.getResourceAsStream("/registry/demo-institutions.csv");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      // uscc, legalNameZh, shortName, nameEn (may be quoted, with commas), type, …
      java.util.regex.Pattern row =
          java.util.regex.Pattern.compile("^([^,]+),([^,]+),([^,]+),(\"[^\"]*\"|[^,]*),([^,]+),");
      return reader
          .lines()
          .skip(1)
          .map(row::matcher)
          .filter(java.util.regex.Matcher::find)
          .map(m -> new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)})
          .toList();
    }
  }
}

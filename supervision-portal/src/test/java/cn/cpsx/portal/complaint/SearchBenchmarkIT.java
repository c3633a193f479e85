package cn.cpsx.portal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.CaseFixtures;
import cn.cpsx.portal.KeycloakTokens;
import cn.cpsx.search.document.CaseSearchDocument;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case search benchmark (BENCHMARKS.md): loads {@code cpsx.bench.cases} generated cases (20,000
 * in the test command, 1,000,000 for the figures) into an index of its own, {@code
 * cpsx.bench.alias}, reused by a later run of the same size and template version, then sends a
 * seeded mix of searches — words or none, 0–3 filters, and for some the next pages — through the
 * portal's JSON API, as the request for the very same page of hits straight to Elasticsearch ("raw
 * page"), and as every request the portal sends for that page, at once ("raw all"), each going
 * first in turn; the raw requests are tagged so that each side keeps its own request-cache entries.
 * Prints p50/p95/p99 of each and the ratios. It asserts what must hold at any size: every answer
 * 200, and for searches without words the total, every facet count and the overdue count equal to
 * counts taken over the generated cases themselves.
 *
 * <pre>CPSX_ES_HEAP=2g scripts/stack start
 * ./mvnw -B -pl supervision-portal -am verify -Dit.test=SearchBenchmarkIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcpsx.bench.cases=1000000</pre>
 *
 * <p>At 5,000,000 cases it needs a stack of its own with a 4 GB heap (BENCHMARKS.md, "Case search
 * at 5,000,000 cases"); the load then takes most of an hour on 2 shared cores, faster with more
 * {@code cpsx.bench.load-threads}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cpsx.search.case-alias=${cpsx.bench.alias:cpsx-bench-cases}")
@ActiveProfiles("it")
class SearchBenchmarkIT {

  static final String ALIAS = System.getProperty("cpsx.bench.alias", "cpsx-bench-cases");
  static final int CASES = Integer.getInteger("cpsx.bench.cases", 20_000);
  static final int SEARCHES =
      Integer.getInteger("cpsx.bench.searches", CASES >= 500_000 ? 400 : 80);
  static final int WARM_UP = Math.max(10, SEARCHES / 8);
  static final int CHECKED = 12;
  static final int LOAD_THREADS = Integer.getInteger("cpsx.bench.load-threads", 4);

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
  private ElasticsearchAsyncClient async;
  @Autowired CaseSearch search;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  /** One generated case: what the document is built from and what the counts are checked on. */
  record BenchCase(
      long n,
      String[] institution,
      String[] topic,
      String amount,
      OffsetDateTime received,
      String status,
      String phone,
      String channel,
      String region) {

    boolean closed() {
      return CaseFilters.CLOSED_STATUSES.contains(status);
    }

    /** The value this case has for a facet (as the index holds it), or null for none. */
    String value(CaseFacet facet) {
      boolean settled = status.startsWith("RESOLVED") || status.startsWith("CLOSED");
      return switch (facet) {
        case INSTITUTION -> institution[0];
        case INSTITUTION_TYPE -> institution[4];
        case BUSINESS_CATEGORY -> topic[0];
        case REASON -> topic[1];
        case CHANNEL -> channel;
        case DEMAND -> topic[2];
        case PROVINCE -> region.substring(0, 2) + "0000";
        case STATUS -> status;
        case OUTCOME -> settled ? "SETTLED" : null;
        case SATISFACTION -> settled ? "SATISFIED" : null;
        case AGE_BAND -> "40_59";
      };
    }
  }

  @Test
  void searchApiAgainstTheSamePageAskedStraightFromElasticsearch() throws Exception {
    List<String[]> institutions = registry();
    register(institutions);
    List<BenchCase> cases = cases(institutions);
    load(cases);
    async = new ElasticsearchAsyncClient(es._transport(), es._transportOptions());
    double loadBefore = loadAverage();
    String token = KeycloakTokens.user("analyst");
    HttpClient http = HttpClient.newHttpClient();
    Random random = new Random(7);
    List<Long> portal = new ArrayList<>();
    List<Long> raw = new ArrayList<>();
    List<Long> rawAll = new ArrayList<>();
    int firstPages = 0;
    int laterPages = 0;
    int checked = 0;
    for (int i = 0; i < WARM_UP + SEARCHES; i++) {
      if (i % 100 == 0) {
        token = KeycloakTokens.user("analyst");
      }
      CaseQuery query = query(random, institutions);
      int pages = random.nextInt(10) < 3 ? 2 + random.nextInt(2) : 1;
      for (int p = 1; p <= pages && query != null; p++) {
        long[] times = new long[3];
        JsonNode[] answer = new JsonNode[1];
        CaseQuery asked = query;
        String t = token;
        Runnable viaPortal = () -> times[0] = timePortal(http, t, asked, answer);
        Runnable straight = () -> times[1] = timeRaw(asked);
        Runnable allStraight = () -> times[2] = timeRawAll(asked);
        // The raw requests are tagged (stats groups), so each side has its own entries in
        // Elasticsearch's request cache: none answers from what another just asked, each from
        // what it asked itself earlier in the mix, as a portal answers a search asked again.
        List<Runnable> order = new ArrayList<>(List.of(viaPortal, straight, allStraight));
        java.util.Collections.rotate(order, i % 3);
        order.forEach(Runnable::run);
        if (i >= WARM_UP) {
          portal.add(times[0]);
          raw.add(times[1]);
          rawAll.add(times[2]);
          if (p == 1) {
            firstPages++;
          } else {
            laterPages++;
          }
        }
        if (p == 1 && query.q() == null && checked < CHECKED) {
          assertCountsAreExact(query, answer[0], cases);
          checked++;
        }
        JsonNode next = answer[0].get("next");
        query =
            next == null || next.isNull()
                ? null
                : query.toBuilder().after(next.asString()).page(p + 1).build();
      }
    }
    double loadAfter = loadAverage();
    assertThat(checked).as("searches whose counts were checked").isPositive();
    System.out.printf(
        Locale.ROOT,
        "search benchmark: %,d cases, %d searches → %d first pages + %d later pages measured"
            + " (%d warm-up searches), counts checked on %d searches without words;"
            + " load average %.1f → %.1f%n"
            + "  portal API  p50 %s  p95 %s  p99 %s ms%n"
            + "  raw page    p50 %s  p95 %s  p99 %s ms   (the hits request alone)%n"
            + "  raw all     p50 %s  p95 %s  p99 %s ms   (every request of the page at once)%n"
            + "  ratio       p50 %.2f  p95 %.2f   portal / raw page%n"
            + "  ratio       p50 %.2f  p95 %.2f   portal / raw all%n",
        CASES,
        SEARCHES,
        firstPages,
        laterPages,
        WARM_UP,
        checked,
        loadBefore,
        loadAfter,
        ms(portal, 50),
        ms(portal, 95),
        ms(portal, 99),
        ms(raw, 50),
        ms(raw, 95),
        ms(raw, 99),
        ms(rawAll, 50),
        ms(rawAll, 95),
        ms(rawAll, 99),
        percentile(portal, 50) / (double) percentile(raw, 50),
        percentile(portal, 95) / (double) percentile(raw, 95),
        percentile(portal, 50) / (double) percentile(rawAll, 50),
        percentile(portal, 95) / (double) percentile(rawAll, 95));
  }

  private long timePortal(HttpClient http, String token, CaseQuery query, JsonNode[] answer) {
    String qs = query.queryString();
    if (query.after() != null) {
      qs += "&after=" + query.after() + "&page=" + query.page();
    }
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/regulator/api/cases?" + qs))
            .header("Authorization", "Bearer " + token)
            .build();
    try {
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long elapsed = System.nanoTime() - start;
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      answer[0] = JsonMapper.shared().readTree(response.body());
      return elapsed;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same page of hits, the same request the portal sends for it, straight to Elasticsearch. */
  private long timeRaw(CaseQuery query) {
    var request = tagged(search.hitsRequest(query), "bench-raw-page");
    try {
      long start = System.nanoTime();
      es.search(request, Map.class);
      return System.nanoTime() - start;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The same request with a stats group added: the same work, but its own key in the request cache
   * (which keys on the whole request body).
   */
  private SearchRequest tagged(SearchRequest request, String group) {
    StringWriter json = new StringWriter();
    var mapper = es._jsonpMapper();
    try (var generator = mapper.jsonProvider().createGenerator(json)) {
      request.serialize(generator, mapper);
    }
    return SearchRequest.of(
        s ->
            s.withJson(new StringReader(json.toString()))
                .index(request.index())
                .requestCache(request.requestCache())
                .stats(group));
  }

  /**
   * The same DSL as the portal sends for the page, straight to Elasticsearch: every request (hits,
   * last indexed and, on a first page, the counts) sent at once, timed until the last answer.
   */
  private long timeRawAll(CaseQuery query) {
    List<SearchRequest> requests =
        search.pageRequests(query, query.after() == null).stream()
            .map(r -> tagged(r, "bench-raw-all"))
            .toList();
    try {
      long start = System.nanoTime();
      CompletableFuture.allOf(
              requests.stream()
                  .map(r -> async.search(r, Map.class))
                  .toArray(CompletableFuture[]::new))
          .join();
      return System.nanoTime() - start;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Words in 6 of 10 searches; 0–3 filters among category, reason (one or two), province,
   * institution, status, overdue and a 30-day range.
   */
  static CaseQuery query(Random random, List<String[]> institutions) {
    CaseQuery.Builder query = CaseQuery.builder();
    if (random.nextInt(10) < 6) {
      query.q(WORDS[random.nextInt(WORDS.length)]);
    }
    List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
    java.util.Collections.shuffle(kinds, random);
    for (int kind : kinds.subList(0, random.nextInt(4))) {
      switch (kind) {
        case 0 -> query.with(CaseFacet.BUSINESS_CATEGORY, topic(random)[0]);
        case 1 ->
            query.with(
                CaseFacet.REASON,
                random.nextBoolean()
                    ? new String[] {topic(random)[1]}
                    : new String[] {topic(random)[1], topic(random)[1]});
        case 2 ->
            query.with(
                CaseFacet.PROVINCE,
                PROVINCES[random.nextInt(PROVINCES.length)].substring(0, 2) + "0000");
        case 3 ->
            query.with(
                CaseFacet.INSTITUTION, institutions.get(random.nextInt(12))[0]); // the big ones
        case 4 -> query.with(CaseFacet.STATUS, STATUSES[random.nextInt(STATUSES.length)]);
        case 5 -> query.overdue(true);
        default -> {
          LocalDate from = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(290));
          query.received(from, from.plusDays(30));
        }
      }
    }
    return query.build();
  }

  private static String[] topic(Random random) {
    return TOPICS[random.nextInt(TOPICS.length)];
  }

  /**
   * The answer's total, every facet bucket and the overdue count against counts over the generated
   * cases: a facet's values counted over every filter but its own, as the page promises.
   */
  private static void assertCountsAreExact(
      CaseQuery query, JsonNode answer, List<BenchCase> cases) {
    Instant asOf = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    long total = 0;
    long overdue = 0;
    Map<CaseFacet, Map<String, Long>> counts = new EnumMap<>(CaseFacet.class);
    for (CaseFacet facet : CaseFacet.values()) {
      counts.put(facet, new HashMap<>());
    }
    for (BenchCase c : cases) {
      boolean isOverdue = !c.closed() && c.received().plusDays(15).toInstant().isBefore(asOf);
      boolean others = (!query.overdue() || isOverdue) && inRange(query, c);
      if (!others) {
        continue;
      }
      CaseFacet failing = null;
      int failures = 0;
      for (CaseFacet facet : query.facetValues().keySet()) {
        if (!query.values(facet).contains(c.value(facet))) {
          failing = facet;
          failures++;
        }
      }
      if (failures == 0) {
        total++;
        if (isOverdue) {
          overdue++;
        }
      }
      for (CaseFacet facet : CaseFacet.values()) {
        if ((failures == 0 || (failures == 1 && failing == facet)) && c.value(facet) != null) {
          counts.get(facet).merge(c.value(facet), 1L, Long::sum);
        }
      }
    }
    assertThat(answer.get("total").asLong()).as("total of %s", query).isEqualTo(total);
    assertThat(answer.get("totalAtLeast").asBoolean()).isFalse();
    assertThat(answer.get("overdueCount").asLong()).as("overdue of %s", query).isEqualTo(overdue);
    for (CaseFacet facet : CaseFacet.values()) {
      JsonNode buckets = answer.get("facets").get(facet.param());
      assertThat(buckets.size())
          .as("%s buckets of %s", facet, query)
          .isEqualTo(
              Math.min(facet.size(), counts.get(facet).size())
                  + (int)
                      query.values(facet).stream()
                          .filter(v -> !counts.get(facet).containsKey(v))
                          .count());
      for (JsonNode bucket : buckets) {
        assertThat(bucket.get("count").asLong())
            .as("%s=%s of %s", facet, bucket.get("value").asString(), query)
            .isEqualTo(counts.get(facet).getOrDefault(bucket.get("value").asString(), 0L));
      }
    }
  }

  private static boolean inRange(CaseQuery query, BenchCase c) {
    LocalDate day = c.received().withOffsetSameInstant(ZoneOffset.ofHours(8)).toLocalDate();
    return (query.receivedFrom() == null || !day.isBefore(query.receivedFrom()))
        && (query.receivedTo() == null || !day.isAfter(query.receivedTo()));
  }

  private static double loadAverage() throws Exception {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }

  private static long percentile(List<Long> nanos, int percentile) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(index, 0)];
  }

  private static String ms(List<Long> nanos, int percentile) {
    return String.format(Locale.ROOT, "%.1f", percentile(nanos, percentile) / 1e6);
  }

  /** The same seed, the same cases: a later run regenerates them to check counts on. */
  private static List<BenchCase> cases(List<String[]> institutions) {
    Random random = new Random(20261126);
    List<BenchCase> cases = new ArrayList<>(CASES);
    for (long n = 0; n < CASES; n++) {
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
      String channel = random.nextBoolean() ? "PHONE" : "ONLINE";
      String region = PROVINCES[random.nextInt(PROVINCES.length)];
      cases.add(
          new BenchCase(n, institution, topic, amount, received, status, phone, channel, region));
    }
    return cases;
  }

  /**
   * Loads the cases unless the index already holds exactly them: {@link #LOAD_THREADS} threads each
   * build a bulk of 2,000 documents and send it. Building a document (masking and segmenting its
   * narrative) costs more than Elasticsearch's indexing of it: one builder thread loaded 350
   * cases/s on the shared 2 cores, too slow for 5M.
   */
  private void load(List<BenchCase> cases) throws Exception {
    if (es.indices().existsAlias(a -> a.name(ALIAS)).value()) {
      long present = es.count(c -> c.index(ALIAS)).count();
      if (present == CASES && indexedTemplateVersion() == CaseFixtures.templateVersion()) {
        System.out.printf(
            Locale.ROOT,
            "search benchmark: reusing %,d cases in %s (%d segments)%n",
            present,
            ALIAS,
            segments());
        return;
      }
      es.indices().delete(d -> d.index(ALIAS + "-*"));
    }
    CaseFixtures.ensureIndex(es, ALIAS);
    long start = System.nanoTime();
    AtomicLong sent = new AtomicLong();
    List<Future<?>> bulks = new ArrayList<>();
    try (ExecutorService loaders = Executors.newFixedThreadPool(LOAD_THREADS)) {
      for (int from = 0; from < cases.size(); from += 2_000) {
        List<BenchCase> chunk = cases.subList(from, Math.min(cases.size(), from + 2_000));
        bulks.add(loaders.submit(() -> send(chunk, sent)));
      }
      for (Future<?> bulk : bulks) {
        bulk.get();
      }
    }
    es.indices().refresh(r -> r.index(ALIAS));
    // No force-merge: the production reindex does none, so the index is searched as Elasticsearch's
    // own merging leaves it once the bulk load is over.
    Awaitility.await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                es.indices()
                        .stats(st -> st.index(ALIAS).metric("merge"))
                        .all()
                        .primaries()
                        .merges()
                        .current()
                    == 0);
    System.out.printf(
        Locale.ROOT,
        "search benchmark: loaded %,d cases in %.0f s (%d segments)%n",
        sent.get(),
        (System.nanoTime() - start) / 1e9,
        segments());
  }

  private Void send(List<BenchCase> chunk, AtomicLong sent) throws Exception {
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (BenchCase c : chunk) {
      CaseSearchDocument doc = document(c);
      bulk.operations(
          op ->
              op.index(
                  x -> x.index(ALIAS).id(doc.institution() + ":" + doc.caseNo()).document(doc)));
    }
    var response = es.bulk(bulk.build());
    assertThat(response.errors()).isFalse();
    long loaded = sent.addAndGet(chunk.size());
    if (loaded % 100_000 == 0) {
      System.out.printf(Locale.ROOT, "search benchmark: loaded %,d cases%n", loaded);
    }
    return null;
  }

  private int indexedTemplateVersion() throws Exception {
    return es.indices().getMapping(g -> g.index(ALIAS)).mappings().values().stream()
        .mapToInt(
            index -> {
              var meta = index.mappings().meta();
              var version = meta == null ? null : meta.get(CaseFixtures.TEMPLATE_VERSION);
              return version == null ? 0 : version.to(Integer.class);
            })
        .min()
        .orElse(0);
  }

  private long segments() throws Exception {
    return es.indices().segments(g -> g.index(ALIAS)).indices().values().stream()
        .flatMap(i -> i.shards().values().stream())
        .flatMap(List::stream)
        .mapToLong(shard -> shard.segments().size())
        .sum();
  }

  private static CaseSearchDocument document(BenchCase c) {
    var record = JsonMapper.shared().createObjectNode();
    record.put("caseNo", "BENCH-" + c.n());
    record.put("receivedAt", c.received().toString());
    record.put("channel", c.channel());
    record.put("businessCategory", c.topic()[0]);
    record.put("reason", c.topic()[1]);
    record.put("demand", c.topic()[2]);
    boolean hasAmount = c.topic()[3].contains("%s");
    if (hasAmount) {
      record.put("amountInvolved", c.amount());
    }
    record.put("region", c.region());
    record
        .putObject("complainant")
        .put("name", "王小明")
        .put("phone", c.phone())
        .put("ageBand", "40_59");
    record.put(
        "narrative",
        (hasAmount ? c.topic()[3].formatted(c.amount()) : c.topic()[3]) + "联系电话" + c.phone() + "。");
    record.put("status", c.status());
    if (c.status().startsWith("RESOLVED") || c.status().startsWith("CLOSED")) {
      record.put("resolvedAt", c.received().plusDays(3).toString());
      record.put("outcome", "SETTLED");
      record.put("satisfaction", "SATISFIED");
    }
    String[] institution = c.institution();
    return CaseSearchDocument.of(
        new CaseSearchDocument.Source(institution[0], institution[2], institution[4], "FBENCH", 1),
        record,
        Instant.now());
  }

  /** The demo institutions in the directory, so the institution facet is named as in the demo. */
  private void register(List<String[]> institutions) {
    for (String[] i : institutions) {
      jdbc.sql(
              """
              INSERT INTO institution (uscc, legal_name_zh, short_name, name_en, type, home_region,
                                       retail_customers, licence_status)
              VALUES (?, ?, ?, ?, ?, '110000', 1000000, 'ACTIVE')
              ON CONFLICT (uscc) DO NOTHING
              """)
          .params(i[0], i[1], i[2], i[3].replace("\"", ""), i[4])
          .update();
    }
  }

  private static List<String[]> registry() throws Exception {
    try (var in = SearchBenchmarkIT.class.getResourceAsStream("/registry/demo-institutions.csv");
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

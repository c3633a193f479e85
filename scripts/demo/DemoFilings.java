import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files the demo data set through the real channels (REST, SOAP, SFTP), as institutions would: each demo
 * institution takes a client-credentials token from Keycloak and POSTs a CASES filing of
 * realistic complaints. Deterministic (fixed seed), so every run files the same cases; running it
 * again is harmless (same bytes → same receipt). Waits until every filing is validated.
 *
 * <pre>java scripts/demo/DemoFilings.java [ingestionUrl] [keycloakUrl] [registryCsv] [cases]</pre>
 */
public class DemoFilings {

  record Institution(String uscc, String shortName, String type, String region, String licence) {}

  record Topic(String category, String reason, String demand, String narrative) {}

  static final List<Topic> TOPICS =
      List.of(
          new Topic("CREDIT_CARD", "FEES", "REFUND", "客户称信用卡年费未经告知即被扣收，要求退还年费%s元。"),
          new Topic("CREDIT_CARD", "DEBT_COLLECTION", "APOLOGY", "客户反映催收人员多次在夜间拨打其亲属电话，言语威胁，要求停止骚扰并道歉。"),
          new Topic("CREDIT_CARD", "DISCLOSURE", "EXPLANATION", "客户办理信用卡分期时未被告知实际年化利率，认为手续费说明不清楚。"),
          new Topic("PERSONAL_LOAN", "CONTRACT_TERMS", "CORRECTION", "客户提前还款被收取高额违约金，认为合同条款显失公平，要求减免。"),
          new Topic("PERSONAL_LOAN", "DEBT_COLLECTION", "APOLOGY", "客户称贷款逾期后催收方冒充律师发送恐吓短信，要求规范催收行为。"),
          new Topic("MORTGAGE", "OPERATIONS", "CORRECTION", "客户反映房贷利率调整后月供未按约定下调，多次咨询未获答复。"),
          new Topic("DEPOSIT", "SERVICE_QUALITY", "APOLOGY", "客户到网点办理大额取款被要求提前预约，排队两小时，对服务态度不满。"),
          new Topic("DEPOSIT", "FUNDS_SECURITY", "REFUND", "客户发现银行卡被异地盗刷%s元，要求银行承担损失并退还资金。"),
          new Topic("DEBIT_CARD", "OPERATIONS", "CORRECTION", "客户反映手机银行转账限额被无故调低，影响正常使用，要求恢复原限额。"),
          new Topic("DEBIT_CARD", "FREE_CHOICE", "CANCEL_CONTRACT", "客户办理借记卡时被强制捆绑开通短信通知及保险产品，要求取消。"),
          new Topic("WEALTH", "MIS_SELLING", "COMPENSATION", "客户称理财经理承诺保本保收益，实际产品亏损%s元，认为存在误导销售。"),
          new Topic("WEALTH", "DISCLOSURE", "EXPLANATION", "客户购买的理财产品到期后本金迟迟未到账，未收到任何说明。"),
          new Topic("FUND_SALES", "MIS_SELLING", "COMPENSATION", "老年客户在网点被推荐购买高风险基金，风险测评由工作人员代填，要求赔偿。"),
          new Topic("INSURANCE_LIFE", "CLAIMS", "COMPENSATION", "客户重疾险理赔申请被拒，保险公司以未如实告知为由拒赔，客户不认可。"),
          new Topic("INSURANCE_LIFE", "MIS_SELLING", "CANCEL_CONTRACT", "客户称业务员以存款名义销售分红型保险，退保损失较大，要求全额退保。"),
          new Topic("INSURANCE_PROPERTY", "CLAIMS", "COMPENSATION", "客户车辆出险后理赔定损金额偏低，理赔周期超过一个月，要求尽快赔付。"),
          new Topic("INSURANCE_PROPERTY", "SERVICE_QUALITY", "EXPLANATION", "客户反映退货运费险理赔流程繁琐，客服电话长时间无法接通。"),
          new Topic("PAYMENT", "FUNDS_SECURITY", "REFUND", "客户称支付账户被他人盗用，发生多笔未授权交易共计%s元，要求冻结并退款。"),
          new Topic("PAYMENT", "PERSONAL_INFO", "CORRECTION", "客户反映注销支付账户后仍收到营销短信，怀疑个人信息被泄露。"),
          new Topic("ONLINE_LENDING", "FEES", "REFUND", "客户通过平台借款，实际综合年化成本远高于宣传利率，另被收取会员费%s元。"),
          new Topic("ONLINE_LENDING", "PERSONAL_INFO", "APOLOGY", "客户称借款App读取通讯录，逾期后向其通讯录联系人群发催收信息。"),
          new Topic("ONLINE_LENDING", "FREE_CHOICE", "CANCEL_CONTRACT", "客户在购物时被默认勾选开通消费信贷，未经本人同意即产生借款。"),
          new Topic("FOREX", "OPERATIONS", "EXPLANATION", "客户办理购汇业务时系统故障，汇款延迟到账，造成汇率损失。"),
          new Topic("OTHER", "SERVICE_QUALITY", "OTHER", "客户对客服热线智能语音无法转接人工服务表示强烈不满。"));

  static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
  static final String[] GIVEN = {"伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛"};
  static final String[] CHANNELS = {"PHONE", "PHONE", "ONLINE", "ONLINE", "BRANCH", "LETTER", "REGULATOR", "MEDIA"};
  static final String[] AGE_BANDS = {"UNDER_25", "25_39", "40_59", "60_PLUS"};
  static final String[] CITIES = {"110105", "310115", "440305", "440106", "330106", "320102", "510107", "420106", "370102", "350203", "500103", "610113", "430103", "410105", "210102", "120101"};

  public static void main(String[] args) throws Exception {
    String ingestion = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
    String keycloak = args.length > 1 ? args[1] : "http://localhost:18080";
    Path registry = Path.of(args.length > 2 ? args[2] : "schemas/src/main/resources/registry/demo-institutions.csv");
    int totalCases = args.length > 3 ? Integer.parseInt(args[3]) : 480;
    int sftpPort = args.length > 4 ? Integer.parseInt(args[4]) : 2222;
    String batchJobs = args.length > 5 ? args[5] : "http://127.0.0.1:8082";

    List<Institution> institutions = readRegistry(registry);
    List<Institution> active = institutions.stream().filter(i -> i.licence().equals("ACTIVE")).toList();
    Random random = new Random(20261126);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // Bigger institutions get more complaints; every active institution gets at least two.
    Map<Institution, List<String>> casesByInstitution = new LinkedHashMap<>();
    for (int n = 0; n < totalCases; n++) {
      Institution institution = n < active.size() * 2 ? active.get(n % active.size()) : active.get((int) Math.min(active.size() - 1, Math.abs(random.nextGaussian()) * active.size() / 2.5));
      List<String> cases = casesByInstitution.computeIfAbsent(institution, k -> new ArrayList<>());
      cases.add(caseJson(institution, cases.size() + 1, random, now));
    }
    // A hot spot to find: an online platform whose online-lending complaints jump in the last
    // complete week (Monday to Sunday, Shanghai) against its quiet weeks before.
    Institution platform = active.stream().filter(i -> i.type().equals("ONLINE_PLATFORM")).findFirst().orElseThrow();
    OffsetDateTime lastMonday = now.toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).minusWeeks(1).atTime(9, 0).atOffset(now.getOffset());
    Topic lending = TOPICS.stream().filter(t -> t.category().equals("ONLINE_LENDING")).findFirst().orElseThrow();
    List<String> platformCases = casesByInstitution.computeIfAbsent(platform, k -> new ArrayList<>());
    for (int i = 0; i < 16; i++) {
      platformCases.add(caseJson(platform, platformCases.size() + 1, random, now, lastMonday.plusHours(i * 9L), lending));
    }

    Map<String, String> filings = new LinkedHashMap<>();
    int filed = 0;
    for (var entry : casesByInstitution.entrySet()) {
      Institution institution = entry.getKey();
      String body = envelope(institution.uscc(), "LIVE", String.join(",\n", entry.getValue()));
      String receipt = post(http, ingestion, token(http, keycloak, institution.uscc()), body);
      filings.put(field(receipt, "filingId"), institution.uscc());
      filed += entry.getValue().size();
      System.out.printf("[demo] %-14s %3d cases  → receipt %s%n", institution.shortName(), entry.getValue().size(), field(receipt, "filingId"));
    }
    // Quarterly statistics (2026-Q3, matching the cases) and self-assessments (2025) of some institutions.
    int periodic = 0;
    for (var entry : casesByInstitution.entrySet()) {
      if (periodic++ == 8) {
        break;
      }
      Institution institution = entry.getKey();
      String token = token(http, keycloak, institution.uscc());
      // A rerun of the demo amends what an earlier run filed (§4.1), as an institution would.
      String stats = amending(statsQ3(institution.uscc(), entry.getValue()), countingFiling(http, ingestion, token, "STATS_Q", "2026-Q3"));
      String assessment = amending(selfAssessment(institution.uscc(), random), countingFiling(http, ingestion, token, "SELF_ASSESSMENT", "2025"));
      filings.put(field(post(http, ingestion, token, stats), "filingId"), institution.uscc());
      filings.put(field(post(http, ingestion, token, assessment), "filingId"), institution.uscc());
    }
    // Three institutions file over SOAP: the same cases as XML, in a SOAP envelope.
    for (Institution institution : active.subList(20, 23)) {
      StringBuilder cases = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
        String narrative = topic.narrative().contains("%s") ? topic.narrative().formatted("800.00") : topic.narrative();
        cases.append("<case><caseNo>TS-SOAP-").append(institution.uscc(), 10, 16).append('-').append(i)
            .append("</caseNo><receivedAt>").append(now.minusDays(1 + random.nextInt(3)))
            .append("</receivedAt><channel>BRANCH</channel><businessCategory>").append(topic.category())
            .append("</businessCategory><reason>").append(topic.reason()).append("</reason><demand>").append(topic.demand())
            .append("</demand><region>").append(institution.region()).append("</region><narrative>").append(narrative)
            .append("</narrative><status>IN_PROGRESS</status></case>");
      }
      String envelope =
          "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
              + "<SubmitFiling xmlns=\"https://cpsx.cn/schemas/filing/v1/service\">"
              + "<filing xmlns=\"https://cpsx.cn/schemas/filing/v1\"><specVersion>1</specVersion><filingType>CASES</filingType>"
              + "<institution>" + institution.uscc() + "</institution><mode>LIVE</mode><cases>" + cases + "</cases></filing>"
              + "</SubmitFiling></soap:Body></soap:Envelope>";
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingestion + "/services/filing"))
          .header("Authorization", "Bearer " + token(http, keycloak, institution.uscc()))
          .header("Content-Type", "text/xml; charset=UTF-8")
          .header("SOAPAction", "\"https://cpsx.cn/schemas/filing/v1/service/SubmitFiling\"")
          .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
      Matcher id = Pattern.compile("filingId>([^<]+)<").matcher(response.body());
      if (response.statusCode() != 200 || !id.find()) {
        throw new IllegalStateException("SOAP filing refused (" + response.statusCode() + "): " + response.body());
      }
      filings.put(id.group(1), institution.uscc());
      System.out.printf("[demo] %-14s   4 cases over SOAP → receipt %s%n", institution.shortName(), id.group(1));
    }
    // Two instructive filings: a test-mode filing and one with a bad record among good ones.
    Institution first = active.getFirst();
    String test = envelope(first.uscc(), "TEST", caseJson(first, 9001, random, now));
    filings.put(field(post(http, ingestion, token(http, keycloak, first.uscc()), test), "filingId"), first.uscc());
    List<String> mixed = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      mixed.add(caseJson(active.get(1), 9100 + i, random, now));
    }
    mixed.add(caseJson(active.get(1), 9199, random, now).replace("\"channel\":\"", "\"channel\":\"FAX_"));
    String partial = envelope(active.get(1).uscc(), "LIVE", String.join(",\n", mixed));
    filings.put(field(post(http, ingestion, token(http, keycloak, active.get(1).uscc()), partial), "filingId"), active.get(1).uscc());
    System.out.printf("[demo] %d filings received over REST and SOAP; waiting for validation and indexing…%n", filings.size());

    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    Map<String, String> outcome = new LinkedHashMap<>();
    while (outcome.size() < filings.size() && System.nanoTime() < deadline) {
      for (var entry : filings.entrySet()) {
        if (outcome.containsKey(entry.getKey())) {
          continue;
        }
        String report = get(http, ingestion + "/api/v1/filings/" + entry.getKey(), token(http, keycloak, entry.getValue()));
        String status = field(report, "status");
        // Done when validated and, for accepted live filings, searchable by the regulator.
        boolean searchable = report.matches("(?s).*\"indexedAt\"\\s*:\\s*\".*") || report.contains("\"mode\":\"TEST\"") || status.equals("REJECTED");
        if (!status.equals("RECEIVED") && searchable) {
          outcome.put(entry.getKey(), status);
        }
      }
      System.out.printf("[demo] validated and indexed %d/%d filings%n", outcome.size(), filings.size());
      if (outcome.size() < filings.size()) {
        Thread.sleep(2000);
      }
    }
    if (outcome.size() < filings.size()) {
      System.err.println("[demo] ERROR: not every filing was validated and indexed within 3 minutes; see the batch-jobs log and GET /api/v1/filings/{id} (statusDetail)");
      System.exit(1);
    }
    uploadOverSftp(active.subList(10, 15), random, now, sftpPort);
    Map<String, Integer> counts = new LinkedHashMap<>();
    outcome.values().forEach(s -> counts.merge(s, 1, Integer::sum));
    System.out.println("[demo] outcomes: " + counts);
    // The weekly hot-spot sweep runs on Mondays; run it now for the week just ended.
    HttpResponse<String> sweep = http.send(HttpRequest.newBuilder(URI.create(batchJobs + "/jobs/hot-spots")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    System.out.println("[demo] hot-spot sweep of last week: " + sweep.body());
  }

  static String caseJson(Institution institution, int seq, Random random, OffsetDateTime now) {
    Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
    OffsetDateTime received = now.minusMinutes(60L * 24 * 4 + random.nextInt(60 * 24 * 85));
    return caseJson(institution, seq, random, now, received, topic);
  }

  static String caseJson(Institution institution, int seq, Random random, OffsetDateTime now, OffsetDateTime received, Topic topic) {
    String amount = String.format(Locale.ROOT, "%d.%02d", 100 + random.nextInt(50_000), random.nextInt(100));
    String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)] + GIVEN[random.nextInt(GIVEN.length)];
    String phone = "1" + (3 + random.nextInt(7)) + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
    String narrative = topic.narrative().contains("%s") ? topic.narrative().formatted(amount) : topic.narrative();
    if (random.nextInt(4) == 0) {
      narrative = "客户" + name + "来电反映：" + narrative + "联系电话" + phone + "。";
    }
    int roll = random.nextInt(10);
    String status = roll < 5 ? "RESOLVED" : roll < 7 ? "IN_PROGRESS" : roll < 8 ? "CLOSED_UNRESOLVED" : roll < 9 ? "ESCALATED" : "RECEIVED";
    StringBuilder json = new StringBuilder("{");
    json.append(kv("caseNo", "TS-" + received.getYear() + "-" + institution.uscc().substring(10, 16) + "-" + String.format(Locale.ROOT, "%05d", seq)));
    json.append(',').append(kv("receivedAt", received.toString()));
    json.append(',').append(kv("channel", CHANNELS[random.nextInt(CHANNELS.length)]));
    json.append(',').append(kv("businessCategory", topic.category()));
    json.append(',').append(kv("reason", topic.reason()));
    json.append(',').append(kv("demand", topic.demand()));
    if (topic.narrative().contains("%s")) {
      json.append(',').append(kv("amountInvolved", amount));
    }
    json.append(',').append(kv("region", random.nextInt(3) == 0 ? institution.region() : CITIES[random.nextInt(CITIES.length)]));
    json.append(",\"complainant\":{").append(kv("name", name)).append(',').append(kv("phone", phone)).append(',').append(kv("ageBand", AGE_BANDS[random.nextInt(AGE_BANDS.length)])).append('}');
    json.append(',').append(kv("narrative", narrative));
    json.append(',').append(kv("status", status));
    if (status.equals("RESOLVED") || status.equals("CLOSED_UNRESOLVED")) {
      OffsetDateTime resolved = received.plusHours(6 + random.nextInt(24 * 20));
      if (resolved.isAfter(now)) {
        resolved = now.minusHours(1);
      }
      String outcome = status.equals("CLOSED_UNRESOLVED") ? "NOT_UPHELD" : new String[] {"UPHELD", "PARTIALLY_UPHELD", "SETTLED", "NOT_UPHELD", "WITHDRAWN"}[random.nextInt(5)];
      json.append(',').append(kv("resolvedAt", resolved.toString()));
      json.append(',').append(kv("outcome", outcome));
      json.append(',').append(kv("satisfaction", new String[] {"SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "NOT_SURVEYED"}[random.nextInt(4)]));
    }
    if (random.nextInt(8) == 0) {
      json.append(",\"extended\":true");
    }
    return json.append('}').toString();
  }

  /**
   * Five institutions upload a CSV CASES file into their SFTP inbox, as a reporting officer's
   * script would, and the demo waits for the receipt and the validation result in their outbox.
   */
  static void uploadOverSftp(List<Institution> institutions, Random random, OffsetDateTime now, int port) throws Exception {
    String today = now.toLocalDate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    org.apache.sshd.client.SshClient ssh = org.apache.sshd.client.SshClient.setUpDefaultClient();
    ssh.start();
    try {
      for (Institution institution : institutions) {
        String name = institution.uscc() + "_CASES_" + today + "_1.csv";
        StringBuilder csv = new StringBuilder("caseNo,receivedAt,channel,businessCategory,reason,demand,region,complainant.name,complainant.phone,narrative,status\n");
        for (int i = 0; i < 6; i++) {
          Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
          String narrative = topic.narrative().contains("%s") ? topic.narrative().formatted("2000.00") : topic.narrative();
          csv.append("TS-SFTP-").append(institution.uscc(), 10, 16).append('-').append(i).append(',')
              .append(now.minusDays(1 + random.nextInt(3))).append(",PHONE,").append(topic.category()).append(',')
              .append(topic.reason()).append(',').append(topic.demand()).append(',').append(institution.region()).append(',')
              .append(SURNAMES[random.nextInt(SURNAMES.length)]).append("某,")
              .append("1390000").append(String.format(Locale.ROOT, "%04d", random.nextInt(10000))).append(",\"")
              .append(narrative).append("\",IN_PROGRESS\n");
        }
        try (var session = ssh.connect(institution.uscc(), "127.0.0.1", port).verify(Duration.ofSeconds(10)).getSession()) {
          session.addPasswordIdentity("demo-" + institution.uscc().toLowerCase(Locale.ROOT));
          session.auth().verify(Duration.ofSeconds(20));
          try (var sftp = org.apache.sshd.sftp.client.SftpClientFactory.instance().createSftpClient(session)) {
            try (var out = sftp.write("inbox/" + name)) {
              out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            }
            System.out.printf("[demo] %-14s uploaded inbox/%s over SFTP%n", institution.shortName(), name);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            String result = null;
            while (result == null && System.nanoTime() < deadline) {
              for (var entry : sftp.readDir("outbox")) {
                if (entry.getFilename().equals(name + ".result.json")) {
                  try (var in = sftp.read("outbox/" + name + ".result.json")) {
                    result = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                  }
                }
              }
              if (result == null) {
                Thread.sleep(1000);
              }
            }
            if (result == null) {
              throw new IllegalStateException("no result for " + name + " in its outbox within 2 minutes");
            }
            System.out.printf("[demo] %-14s outbox/%s.result.json: %s%n", institution.shortName(), name, field(result, "status"));
          }
        }
      }
    } finally {
      ssh.stop();
    }
  }

  /** STATS_Q 2026-Q3 computed from the demo cases received in that quarter (Shanghai time). */
  static String statsQ3(String uscc, List<String> cases) {
    Map<String, Integer> byCategoryReason = new LinkedHashMap<>();
    Map<String, Integer> byChannel = new LinkedHashMap<>();
    Map<String, Integer> byProvince = new LinkedHashMap<>();
    int received = 0, closed = 0, within15 = 0, upheld = 0, satisfied = 0, surveyed = 0;
    for (String c : cases) {
      OffsetDateTime at = OffsetDateTime.parse(field(c, "receivedAt"));
      if (at.getYear() != 2026 || at.getMonthValue() < 7 || at.getMonthValue() > 9) {
        continue;
      }
      received++;
      byCategoryReason.merge(field(c, "businessCategory") + "|" + field(c, "reason"), 1, Integer::sum);
      byChannel.merge(field(c, "channel"), 1, Integer::sum);
      byProvince.merge(field(c, "region").substring(0, 2) + "0000", 1, Integer::sum);
      if (c.contains("\"resolvedAt\"")) {
        closed++;
        if (Duration.between(at, OffsetDateTime.parse(field(c, "resolvedAt"))).toDays() < 15) {
          within15++;
        }
        String outcome = field(c, "outcome");
        if (outcome.equals("UPHELD") || outcome.equals("PARTIALLY_UPHELD")) {
          upheld++;
        }
        String satisfaction = field(c, "satisfaction");
        if (!satisfaction.equals("NOT_SURVEYED")) {
          surveyed++;
          if (satisfaction.endsWith("SATISFIED") && !satisfaction.equals("DISSATISFIED")) {
            satisfied++;
          }
        }
      }
    }
    StringBuilder rows = new StringBuilder();
    byCategoryReason.forEach((k, v) -> rows.append(rows.isEmpty() ? "" : ",").append("{\"businessCategory\":\"").append(k.split("\\|")[0]).append("\",\"reason\":\"").append(k.split("\\|")[1]).append("\",\"count\":").append(v).append('}'));
    StringBuilder channels = new StringBuilder();
    byChannel.forEach((k, v) -> channels.append(channels.isEmpty() ? "" : ",").append("{\"channel\":\"").append(k).append("\",\"count\":").append(v).append('}'));
    StringBuilder provinces = new StringBuilder();
    byProvince.forEach((k, v) -> provinces.append(provinces.isEmpty() ? "" : ",").append("{\"province\":\"").append(k).append("\",\"count\":").append(v).append('}'));
    return ("{\"specVersion\":\"1\",\"filingType\":\"STATS_Q\",\"institution\":\"%s\",\"mode\":\"LIVE\",\"period\":\"2026-Q3\","
            + "\"statistics\":{\"received\":%d,\"closed\":%d,\"closedWithin15Days\":%d,\"overdueOpen\":0,\"upheld\":%d,"
            + "\"redressTotal\":\"0\",\"satisfiedOrBasically\":%d,\"surveyed\":%d,"
            + "\"byCategoryReason\":[%s],\"byChannel\":[%s],\"byProvince\":[%s]}}")
        .formatted(uscc, received, closed, within15, upheld, satisfied, surveyed, rows, channels, provinces);
  }

  static String selfAssessment(String uscc, Random random) {
    String[] dimensions = {"GOVERNANCE", "PRODUCT_REVIEW", "DISCLOSURE", "COMPLAINT_HANDLING", "INFO_PROTECTION", "EDUCATION"};
    StringBuilder scores = new StringBuilder();
    for (String dimension : dimensions) {
      int score = 60 + random.nextInt(36);
      scores.append(scores.isEmpty() ? "" : ",").append("{\"dimension\":\"").append(dimension).append("\",\"score\":").append(score)
          .append(score > 80 && random.nextBoolean() ? "" : ",\"evidence\":\"年度消保工作报告及董事会审议记录、内部审计报告。\"").append('}');
    }
    return ("{\"specVersion\":\"1\",\"filingType\":\"SELF_ASSESSMENT\",\"institution\":\"%s\",\"mode\":\"LIVE\",\"period\":\"2025\","
            + "\"assessment\":{\"retailCustomers\":%d,\"boardReviews\":%d,\"dedicatedDepartment\":true,\"cpStaff\":%d,"
            + "\"staffTrainedPct\":%d.%d,\"productsReviewed\":%d,\"educationCampaigns\":%d,\"peopleReached\":%d,"
            + "\"infoSecurityIncidents\":%d,\"partnersAudited\":%d,\"selfScores\":[%s]}}")
        .formatted(uscc, 1_000_000 + random.nextInt(9_000_000), 1 + random.nextInt(4), 10 + random.nextInt(200), 70 + random.nextInt(30), random.nextInt(10),
            20 + random.nextInt(300), 5 + random.nextInt(30), 10_000 + random.nextInt(900_000), random.nextInt(3), random.nextInt(40), scores);
  }

  /** The accepted live filing that counts now for the period (GET /api/v1/filings), or null. */
  static String countingFiling(HttpClient http, String ingestion, String token, String type, String period) throws IOException, InterruptedException {
    String list = get(http, ingestion + "/api/v1/filings?type=" + type + "&period=" + period, token);
    Matcher filing = Pattern.compile("\\{[^{}]*\\}").matcher(list);
    while (filing.find()) {
      String item = filing.group();
      if (item.contains("\"mode\":\"LIVE\"") && item.matches("(?s).*\"status\":\"ACCEPTED(_WITH_WARNINGS)?\".*")) {
        return field(item, "filingId");
      }
    }
    return null;
  }

  static String amending(String filing, String supersedes) {
    return supersedes == null ? filing : filing.replaceFirst("\\{", "{\"supersedes\":\"" + supersedes + "\",");
  }

  static String envelope(String uscc, String mode, String cases) {
    return "{\"specVersion\":\"1\",\"filingType\":\"CASES\",\"institution\":\"" + uscc + "\",\"mode\":\"" + mode + "\",\"cases\":[\n" + cases + "\n]}";
  }

  static String kv(String key, String value) {
    return "\"" + key + "\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static final Map<String, String> TOKENS = new LinkedHashMap<>();

  static String token(HttpClient http, String keycloak, String uscc) throws IOException, InterruptedException {
    String cached = TOKENS.get(uscc);
    if (cached != null) {
      return cached;
    }
    String form = "grant_type=client_credentials&client_id=inst-" + uscc + "&client_secret=demo-" + uscc.toLowerCase(Locale.ROOT);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/cpsx/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Keycloak refused a token for " + uscc + ": " + response.body());
    }
    String token = field(response.body(), "access_token");
    TOKENS.put(uscc, token);
    return token;
  }

  static String post(HttpClient http, String ingestion, String token, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingestion + "/api/v1/filings")).header("Authorization", "Bearer " + token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException("filing refused (" + response.statusCode() + "): " + response.body());
    }
    return response.body();
  }

  static String get(HttpClient http, String url, String token) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  static List<Institution> readRegistry(Path csv) throws IOException {
    List<Institution> institutions = new ArrayList<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = new ArrayList<>();
      Matcher m = Pattern.compile("\"([^\"]*)\"|([^,]*)").matcher(line);
      int pos = 0;
      while (pos <= line.length() && m.find(pos)) {
        cells.add(m.group(1) != null ? m.group(1) : m.group(2));
        pos = m.end() + 1;
      }
      institutions.add(new Institution(cells.get(0), cells.get(2), cells.get(4), cells.get(5), cells.get(7)));
    }
    return institutions;
  }
}

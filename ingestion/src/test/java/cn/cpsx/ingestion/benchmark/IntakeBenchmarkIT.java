package cn.cpsx.ingestion.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cpsx.ingestion.filing.KeycloakTokens;
import cn.cpsx.schemas.ReportingTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receipts per channel (issue 14): REST, SOAP and SFTP, each with 1-case and 10,000-case CASES
 * filings, from one client and from several at once. Client <i>i</i> files as the demo realm's
 * institution <i>i</i>, as independent filers do, each over its own connection (SFTP: its own
 * logged-in session). Filings are built before the clock starts and split evenly between the
 * clients; latency is request sent → receipt in hand (SFTP: upload begun → {@code receipt.json} in
 * the outbox, so it includes the 2-second settle rule of §9). REST and SOAP clients each file once
 * before the first row (not counted); SFTP does not warm up (each file costs the 2 s rule). A
 * channel's clients log in once and serve all its rows.
 *
 * <p>Prints receipts/s, p50 and p99 per channel, size and number of clients. Asserts only what must
 * hold at any size: every filing got a receipt, no two filings got the same one, and every receipt
 * names a filing that PostgreSQL holds afterwards, through the channel that took it. The test
 * command runs a smoke size (a few filings a row); the benchmark size, as {@code scripts/bench
 * --only intake --size N} runs it, is
 *
 * <pre>./mvnw -pl ingestion -am verify -Dit.test=IntakeBenchmarkIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcpsx.bench.clients=1,8 -Dcpsx.bench.filings=300 \
 *     -Dcpsx.bench.large-filings=16 -Dcpsx.bench.sftp-filings=16 -Dcpsx.bench.sftp-large-filings=8
 * </pre>
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cpsx.sftp.host-key=target/sftp-it/bench-host-key.ser",
      // What intake can take, not what one institution may send: IntakeRateLimitIT covers that.
      "cpsx.intake.filings-per-minute=1000000"
    })
@ActiveProfiles("it")
// Its own SFTP gateway (free port, own root) polls as long as the context lives: closed after the
// class, as ExpiredTokenIT's, so it never takes or answers other tests' files.
@DirtiesContext
class IntakeBenchmarkIT {

  static final List<Integer> CLIENTS =
      Arrays.stream(System.getProperty("cpsx.bench.clients", "1,8").split(","))
          .map(String::trim)
          .map(Integer::valueOf)
          .toList();

  /** Filings a row: 1-case, then 10,000-case over REST and SOAP; the same over SFTP. */
  static final int FILINGS = Integer.getInteger("cpsx.bench.filings", 16);

  static final int LARGE_FILINGS = Integer.getInteger("cpsx.bench.large-filings", 2);
  static final int SFTP_FILINGS = Integer.getInteger("cpsx.bench.sftp-filings", 2);
  static final int SFTP_LARGE_FILINGS = Integer.getInteger("cpsx.bench.sftp-large-filings", 1);
  static final int LARGE = 10_000;
  static final Path ROOT = Path.of("target/sftp-it/bench-root");
  static final Pattern SOAP_FILING_ID = Pattern.compile("<(?:\\w+:)?filingId>([^<]+)</");

  static int sftpPort;
  static SshClient ssh;

  @DynamicPropertySource
  static void sftpGatewayOfItsOwn(DynamicPropertyRegistry registry) throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      sftpPort = probe.getLocalPort();
    }
    // A clean root before the gateway starts: a name used by an earlier run today would find that
    // run's receipt already waiting in the outbox.
    FileSystemUtils.deleteRecursively(ROOT);
    registry.add("cpsx.sftp.port", () -> sftpPort);
    registry.add("cpsx.sftp.root", ROOT::toString);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final AtomicInteger sftpSeq = new AtomicInteger();
  private final Map<Channel, List<String>> receipts = new EnumMap<>(Channel.class);

  enum Channel {
    REST,
    SOAP,
    SFTP
  }

  /** One client of a channel, logged in as one institution. */
  interface Filer extends AutoCloseable {
    /** Files the bytes and returns the filing id of the receipt. */
    String file(byte[] filing) throws Exception;

    @Override
    default void close() throws Exception {}
  }

  record Row(
      Channel channel, int cases, int clients, int filings, double seconds, List<Double> millis) {

    String line() {
      return String.format(
          Locale.ROOT,
          "  %-8s %12d %8d %8d %11.1f %7.0f %7.0f",
          channel,
          cases,
          clients,
          filings,
          filings / seconds,
          percentile(millis, 50),
          percentile(millis, 99));
    }
  }

  @BeforeAll
  static void sshClient() {
    ssh = SshClient.setUpDefaultClient();
    ssh.start();
  }

  @AfterAll
  static void stopSshClient() throws IOException {
    ssh.stop();
  }

  @Test
  void everyFilingOnEveryChannelGetsOneDurableReceiptAloneAndConcurrently() throws Exception {
    List<String> institutions = realmInstitutions();
    assertThat(institutions.size())
        .as("one demo institution per client")
        .isGreaterThanOrEqualTo(Collections.max(CLIENTS));
    double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<Row> rows = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      boolean sftp = channel == Channel.SFTP;
      int small = sftp ? SFTP_FILINGS : FILINGS;
      int large = sftp ? SFTP_LARGE_FILINGS : LARGE_FILINGS;
      int most = Math.min(Collections.max(CLIENTS), Math.max(small, large));
      List<String> filing = institutions.subList(0, most);
      List<Filer> filers = new ArrayList<>();
      try {
        for (String uscc : filing) {
          filers.add(filer(channel, uscc));
        }
        if (!sftp) {
          run(channel, 1, most, filers, filing); // warm-up (connections, JIT): not counted
        }
        rows.addAll(rowsOf(channel, 1, small, filers, filing));
        rows.addAll(rowsOf(channel, LARGE, large, filers, filing));
      } finally {
        for (Filer filer : filers) {
          filer.close();
        }
      }
    }

    System.out.printf(
        Locale.ROOT,
        "%nintake benchmark, loopback, load average %.1f at start, %d processors"
            + " (client i files as institution i):%n",
        loadAtStart,
        Runtime.getRuntime().availableProcessors());
    System.out.println("  channel  cases/filing  clients  filings  receipts/s  p50 ms  p99 ms");
    rows.forEach(row -> System.out.println(row.line()));
    System.out.println();

    List<String> all = receipts.values().stream().flatMap(List::stream).toList();
    assertThat(all).as("one receipt per filing, none shared").doesNotHaveDuplicates();
    Map<String, Long> stored =
        jdbc
            .sql(
                """
                SELECT channel, count(*) AS n FROM filing
                 WHERE filing_id = ANY(string_to_array(:ids, ','))
                 GROUP BY channel
                """)
            .param("ids", String.join(",", all))
            .query((rs, i) -> Map.entry(rs.getString("channel"), rs.getLong("n")))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Map<String, Long> receipted =
        receipts.entrySet().stream()
            .collect(Collectors.toMap(e -> e.getKey().name(), e -> (long) e.getValue().size()));
    assertThat(stored).as("every receipted filing is in PostgreSQL").isEqualTo(receipted);
  }

  /** One row per number of clients; fewer filings than clients would leave clients idle. */
  private List<Row> rowsOf(
      Channel channel, int cases, int filings, List<Filer> filers, List<String> institutions)
      throws Exception {
    List<Row> rows = new ArrayList<>();
    if (filings <= 0) {
      return rows;
    }
    for (int clients : CLIENTS.stream().map(c -> Math.min(c, filings)).distinct().toList()) {
      rows.add(
          run(
              channel,
              cases,
              filings,
              filers.subList(0, clients),
              institutions.subList(0, clients)));
    }
    return rows;
  }

  /** The filings split evenly between the clients, all starting at once; bodies built before. */
  private Row run(
      Channel channel, int cases, int filings, List<Filer> filers, List<String> institutions)
      throws Exception {
    int clients = filers.size();
    List<List<byte[]>> work = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      List<byte[]> bodies = new ArrayList<>();
      for (int i = c; i < filings; i += clients) {
        bodies.add(body(channel, institutions.get(c), cases));
      }
      work.add(bodies);
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Receipt>>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Filer filer = filers.get(c);
        List<byte[]> bodies = work.get(c);
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Receipt> got = new ArrayList<>();
                  for (byte[] body : bodies) {
                    long t = System.nanoTime();
                    String filingId = filer.file(body);
                    got.add(new Receipt(filingId, (System.nanoTime() - t) / 1e6));
                  }
                  return got;
                }));
      }
      long began = System.nanoTime();
      start.countDown();
      List<Double> millis = new ArrayList<>();
      for (Future<List<Receipt>> client : done) {
        for (Receipt receipt : client.get()) {
          receipted(channel, receipt.filingId());
          millis.add(receipt.millis());
        }
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      Collections.sort(millis);
      return new Row(channel, cases, clients, filings, seconds, millis);
    } finally {
      pool.shutdownNow();
    }
  }

  record Receipt(String filingId, double millis) {}

  private void receipted(Channel channel, String filingId) {
    receipts.computeIfAbsent(channel, c -> new ArrayList<>()).add(filingId);
  }

  private Filer filer(Channel channel, String uscc) throws Exception {
    return switch (channel) {
      case REST ->
          http(
              uscc,
              "/api/v1/filings",
              Map.of("Content-Type", "application/json"),
              202,
              this::restFilingId);
      case SOAP ->
          http(
              uscc,
              "/services/filing",
              Map.of(
                  "Content-Type",
                  "text/xml; charset=UTF-8",
                  "SOAPAction",
                  "\"https://cpsx.cn/schemas/filing/v1/service/SubmitFiling\""),
              200,
              this::soapFilingId);
      case SFTP -> sftp(uscc);
    };
  }

  private Filer http(
      String uscc,
      String path,
      Map<String, String> headers,
      int expected,
      Function<String, String> filingId)
      throws Exception {
    String token = KeycloakTokens.forInstitution(uscc);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    return new Filer() {
      @Override
      public String file(byte[] filing) throws Exception {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(filing));
        headers.forEach(request::header);
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
          throw new IllegalStateException(
              path + " answered " + response.statusCode() + ": " + response.body());
        }
        return filingId.apply(response.body());
      }

      @Override
      public void close() {
        http.close();
      }
    };
  }

  private String restFilingId(String answer) {
    return JsonMapper.shared().readTree(answer).get("filingId").asString();
  }

  private String soapFilingId(String answer) {
    Matcher m = SOAP_FILING_ID.matcher(answer);
    if (!m.find()) {
      throw new IllegalStateException("no filingId in the SOAP answer: " + answer);
    }
    return m.group(1);
  }

  private Filer sftp(String uscc) throws IOException {
    ClientSession session =
        ssh.connect(uscc, "127.0.0.1", sftpPort).verify(Duration.ofSeconds(10)).getSession();
    session.addPasswordIdentity("demo-" + uscc.toLowerCase(Locale.ROOT));
    session.auth().verify(Duration.ofSeconds(20));
    SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
    Path outbox = ROOT.resolve(uscc).resolve("outbox");
    String day = LocalDate.now(ReportingTime.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE);
    return new Filer() {
      @Override
      public String file(byte[] filing) throws Exception {
        String name = uscc + "_CASES_" + day + "_" + sftpSeq.incrementAndGet() + "_TEST.json";
        try (OutputStream out = sftp.write("inbox/" + name)) {
          out.write(filing);
        }
        Path receipt = outbox.resolve(name + ".receipt.json");
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInSameThread()
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(20))
            .until(() -> Files.exists(receipt));
        JsonNode json = JsonMapper.shared().readTree(Files.readString(receipt));
        return json.get("filingId").asString();
      }

      @Override
      public void close() throws IOException {
        sftp.close();
        session.close();
      }
    };
  }

  private static byte[] body(Channel channel, String uscc, int cases) {
    return (channel == Channel.SOAP ? soapEnvelope(uscc, cases) : json(uscc, cases))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A TEST-mode CASES filing whose case numbers no other filing uses. */
  private static String json(String uscc, int cases) {
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    StringBuilder json =
        new StringBuilder(
            "{\"specVersion\":\"1\",\"filingType\":\"CASES\",\"institution\":\""
                + uscc
                + "\",\"mode\":\"TEST\",\"cases\":[");
    for (int i = 0; i < cases; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"caseNo\":\"B-")
          .append(prefix)
          .append('-')
          .append(i)
          .append(
              "\",\"receivedAt\":\"2026-10-08T09:30:00+08:00\",\"channel\":\"PHONE\",\"businessCategory\":\"CREDIT_CARD\","
                  + "\"reason\":\"FEES\",\"demand\":\"REFUND\",\"region\":\"440300\","
                  + "\"narrative\":\"客户称信用卡年费未经告知即被扣收，要求退还年费。\",\"status\":\"RECEIVED\"}");
    }
    return json.append("]}").toString();
  }

  /** The same filing in XML, in the SubmitFiling envelope a JAX-WS client would send. */
  private static String soapEnvelope(String uscc, int cases) {
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    StringBuilder xml =
        new StringBuilder(
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<SubmitFiling xmlns=\"https://cpsx.cn/schemas/filing/v1/service\">"
                + "<filing xmlns=\"https://cpsx.cn/schemas/filing/v1\"><specVersion>1</specVersion>"
                + "<filingType>CASES</filingType><institution>"
                + uscc
                + "</institution><mode>TEST</mode><cases>");
    for (int i = 0; i < cases; i++) {
      xml.append("<case><caseNo>B-")
          .append(prefix)
          .append('-')
          .append(i)
          .append(
              "</caseNo><receivedAt>2026-10-08T09:30:00+08:00</receivedAt><channel>PHONE</channel>"
                  + "<businessCategory>CREDIT_CARD</businessCategory><reason>FEES</reason><demand>REFUND</demand>"
                  + "<region>440300</region><narrative>客户称信用卡年费未经告知即被扣收，要求退还年费。</narrative>"
                  + "<status>RECEIVED</status></case>");
    }
    return xml.append("</cases></filing></SubmitFiling></soap:Body></soap:Envelope>").toString();
  }

  /** The institutions of the demo realm, in its order: the same file Keycloak was started with. */
  private static List<String> realmInstitutions() throws IOException {
    try (InputStream realm =
        IntakeBenchmarkIT.class.getResourceAsStream("/keycloak/cpsx-realm.json")) {
      JsonNode clients = JsonMapper.shared().readTree(realm).get("clients");
      return StreamSupport.stream(clients.spliterator(), false)
          .map(client -> client.get("clientId").asString())
          .filter(id -> id.startsWith("inst-"))
          .map(id -> id.substring("inst-".length()))
          .toList();
    }
  }

  private static double percentile(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}

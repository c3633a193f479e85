package cn.cpsx.ingestion.benchmark;

import cn.cpsx.ingestion.filing.KeycloakTokens;
import cn.cpsx.ingestion.soap.generated.FilingPort;
import cn.cpsx.ingestion.soap.generated.FilingService;
import cn.cpsx.ingestion.soap.generated.SubmitFiling;
import cn.cpsx.schemas.ReportingTime;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import java.io.OutputStream;
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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: a measurement, run on demand (see BENCHMARKS.md). Receipt latency and rate per
 * channel, one client after the other, for 1-case and 10,000-case CASES filings.
 *
 * <pre>scripts/stack start && ./mvnw -q -pl schemas install -DskipTests && ./mvnw -pl ingestion \
 *     verify -Dit.test=IntakeBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class IntakeBenchmark {

  static final String BANK = "91110000770914530P";

  @LocalServerPort int port;

  @Test
  void receiptLatencyPerChannel() throws Exception {
    String token = KeycloakTokens.forInstitution(BANK);
    List<String> lines = new ArrayList<>();
    lines.add(measure("REST", 1, 300, () -> rest(token, filing(1))));
    lines.add(measure("REST", 10_000, 5, () -> rest(token, filing(10_000))));
    FilingPort soap = soapClient(token);
    lines.add(measure("SOAP", 1, 300, () -> soap(soap, 1)));
    lines.add(measure("SOAP", 10_000, 5, () -> soap(soap, 10_000)));
    SshClient ssh = SshClient.setUpDefaultClient();
    ssh.start();
    try (ClientSession session =
        ssh.connect(BANK, "127.0.0.1", 18022).verify(Duration.ofSeconds(10)).getSession()) {
      session.addPasswordIdentity("demo-" + BANK.toLowerCase(Locale.ROOT));
      session.auth().verify(Duration.ofSeconds(20));
      try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
        lines.add(measure("SFTP", 1, 10, () -> sftp(sftp, 1)));
        lines.add(measure("SFTP", 10_000, 3, () -> sftp(sftp, 10_000)));
      }
    } finally {
      ssh.stop();
    }
    System.out.println("\nintake benchmark (sequential client, loopback):");
    System.out.println("channel  cases/filing  filings  receipts/s  p50 ms  p99 ms");
    lines.forEach(System.out::println);
  }

  interface Call {
    void run() throws Exception;
  }

  private static String measure(String channel, int cases, int n, Call call) throws Exception {
    call.run(); // warm-up, not counted
    List<Double> millis = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      call.run();
      millis.add((System.nanoTime() - t) / 1e6);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Collections.sort(millis);
    return String.format(
        "%-8s %12d %8d %11.1f %7.0f %7.0f",
        channel, cases, n, n / seconds, percentile(millis, 50), percentile(millis, 99));
  }

  private static double percentile(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private void rest(String token, String body) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/filings"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException(response.body());
    }
  }

  private FilingPort soapClient(String token) throws Exception {
    String address = "http://127.0.0.1:" + port + "/services/filing";
    FilingPort soap = new FilingService(URI.create(address + "?wsdl").toURL()).getFilingPort();
    Map<String, Object> context = ((BindingProvider) soap).getRequestContext();
    context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
    context.put(
        MessageContext.HTTP_REQUEST_HEADERS, Map.of("Authorization", List.of("Bearer " + token)));
    return soap;
  }

  private static void soap(FilingPort soap, int cases) throws Exception {
    StringBuilder xml =
        new StringBuilder(
            "<filing xmlns=\"https://cpsx.cn/schemas/filing/v1\"><specVersion>1</specVersion>"
                + "<filingType>CASES</filingType><institution>"
                + BANK
                + "</institution><mode>TEST</mode><cases>");
    String prefix = UUID.randomUUID().toString().substring(0, 8);
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
    xml.append("</cases></filing>");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    SubmitFiling request = new SubmitFiling();
    request.setAny(
        factory
            .newDocumentBuilder()
            .parse(
                new java.io.ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement());
    soap.submitFiling(request);
  }

  /** Upload closed → receipt.json in outbox: includes the 2 s size-stability wait of §9. */
  private static void sftp(SftpClient sftp, int cases) throws Exception {
    String day = LocalDate.now(ReportingTime.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE);
    String name = BANK + "_CASES_" + day + "_" + (int) (Math.random() * 999_999) + "_TEST.json";
    try (OutputStream out = sftp.write("inbox/" + name)) {
      out.write(filing(cases).replace("\"LIVE\"", "\"TEST\"").getBytes(StandardCharsets.UTF_8));
    }
    Path receipt = Path.of("target/sftp-it/root", BANK, "outbox", name + ".receipt.json");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!Files.exists(receipt)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no receipt for " + name);
      }
      Thread.sleep(20);
    }
  }

  private static String filing(int cases) {
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    StringBuilder json =
        new StringBuilder(
            "{\"specVersion\":\"1\",\"filingType\":\"CASES\",\"institution\":\""
                + BANK
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
}

package cn.cpsx.ingestion.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cpsx.schemas.FilingContext;
import cn.cpsx.schemas.FilingHistory;
import cn.cpsx.schemas.FilingValidation;
import cn.cpsx.schemas.FilingValidator;
import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.ReportingTime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input on the three channels (issue 16): each row is an input and the exact answer it must
 * get, an HTTP status and a rule id of REPORTING-SPEC §5 ({@code -} where no rule applies, {@code
 * OK} where the filing is receipted and its report has no error). A receipted filing's rule is what
 * batch-jobs' validator finds in the bytes stored, as in {@link FilingRestIT}. Meanwhile a third
 * institution files valid filings at a steady pace; their p99 latency is compared with the same
 * measured before the run (printed, and written to {@code target/hostile-p99.txt}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

  static final String BANK = FilingRestIT.BANK;
  static final String OTHER_BANK = FilingRestIT.OTHER_BANK;

  /** Files the normal filings whose latency is measured; not rate-limited by the hostile ones. */
  static final String STEADY_BANK = "911100009665537194";

  static final Path SFTP_ROOT = FilingSftpIT.ROOT;
  static final Duration NO_HANG = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final FilingValidator validator = new FilingValidator();

  static String bankToken;
  static String otherBankToken;
  static String analystToken;
  static String otherRealmToken;

  // --- the steady stream of normal filings and its latencies ---
  final List<Long> baseline = Collections.synchronizedList(new ArrayList<>());
  final List<Long> duringRun = Collections.synchronizedList(new ArrayList<>());
  final List<String> steadyFailures = Collections.synchronizedList(new ArrayList<>());
  final AtomicBoolean hostileRunning = new AtomicBoolean(true);
  Thread steady;

  /** The last filing before this class: the filings it leaves unvalidated are removed after it. */
  long seqBefore;

  @BeforeAll
  void tokensAndBaseline() throws Exception {
    seqBefore = jdbc.sql("SELECT coalesce(max(seq), 0) FROM filing").query(Long.class).single();
    bankToken = KeycloakTokens.forInstitution(BANK);
    otherBankToken = KeycloakTokens.forInstitution(OTHER_BANK);
    analystToken = KeycloakTokens.forUser("analyst");
    otherRealmToken = masterRealmToken();
    String steadyToken = KeycloakTokens.forInstitution(STEADY_BANK);
    for (int i = 0; i < 5; i++) {
      steadyFiling(steadyToken, null); // warm-up, not counted
    }
    for (int i = 0; i < 60; i++) {
      steadyFiling(steadyToken, baseline);
      Thread.sleep(100);
    }
    steady =
        Thread.ofPlatform()
            .name("steady-filer")
            .start(
                () -> {
                  while (hostileRunning.get()) {
                    try {
                      steadyFiling(steadyToken, duringRun);
                      Thread.sleep(100);
                    } catch (InterruptedException e) {
                      return;
                    } catch (Exception e) {
                      steadyFailures.add(e.toString());
                    }
                  }
                });
  }

  @AfterAll
  void p99OfNormalFilings() throws Exception {
    hostileRunning.set(false);
    steady.join(Duration.ofSeconds(30));
    String figures =
        "normal REST filings (%s): p50/p99/max without hostile load %d/%d/%d ms (n=%d); during the hostile run %d/%d/%d ms (n=%d)%n"
            .formatted(
                STEADY_BANK,
                percentile(baseline, 50),
                percentile(baseline, 99),
                percentile(baseline, 100),
                baseline.size(),
                percentile(duringRun, 50),
                percentile(duringRun, 99),
                percentile(duringRun, 100),
                duringRun.size());
    System.out.print(figures);
    Files.writeString(Path.of("target/hostile-p99.txt"), figures);
    // no batch-jobs validates them here: hundreds of "waiting" filings left behind would fill the
    // processing page other modules' tests read from the same database
    jdbc.sql("DELETE FROM filing WHERE seq > ? AND validated_at IS NULL").param(seqBefore).update();
    assertThat(steadyFailures).as("every normal filing got its receipt").isEmpty();
    assertThat(duringRun).hasSizeGreaterThan(20);
    // Generous on a shared 2-core machine: the point is that nothing hangs or starves them.
    assertThat(percentile(duringRun, 99)).as("p99 during the hostile run, ms").isLessThan(5_000);
  }

  private void steadyFiling(String token, List<Long> into) throws Exception {
    byte[] body = FilingRestIT.casesFiling(STEADY_BANK, "STEADY-" + UUID.randomUUID());
    long start = System.nanoTime();
    HttpResponse<String> response = post("/api/v1/filings", token, "application/json", body);
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (response.statusCode() != 202) {
      throw new IllegalStateException("normal filing answered " + response.statusCode());
    }
    if (into != null) {
      into.add(ms);
    }
  }

  static long percentile(List<Long> values, int p) {
    List<Long> sorted;
    synchronized (values) {
      sorted = new ArrayList<>(values);
    }
    if (sorted.isEmpty()) {
      return -1;
    }
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  // =================================================================================== REST ====

  /** An input and the answer it must get. */
  record Row(String name, Supplier<byte[]> body, String contentType, int status, String rule) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Row row(String name, Supplier<byte[]> body, int status, String rule) {
    return new Row(name, body, "application/json", status, rule);
  }

  static Stream<Row> restBodies() {
    List<Row> rows = new ArrayList<>();
    // XML bombs and external entities sent as JSON: never parsed as XML, F001
    rows.add(row("xml-bomb: billion laughs as a JSON body", () -> u(BILLION_LAUGHS), 202, "F001"));
    rows.add(row("xxe: file:// entity as a JSON body", () -> u(XXE_FILE), 202, "F001"));
    rows.add(
        row(
            "xxe: entity name inside a JSON string",
            () -> withNarrative("&xxe; <!ENTITY xxe SYSTEM \\\"file:///etc/passwd\\\"> 客户称年费被扣收"),
            202,
            "OK"));
    // deep nesting
    rows.add(row("deep-nesting: 100,000 nested arrays", () -> u(deepArray(100_000)), 202, "F001"));
    rows.add(
        row(
            "deep-nesting: 600 nested objects in a case",
            () -> withCaseField("\"x\":" + deepObject(600)),
            202,
            "F001"));
    rows.add(
        row(
            "deep-nesting: 400 nested objects in an unknown field",
            () -> withCaseField("\"x\":" + deepObject(400)),
            202,
            "F002"));
    rows.add(
        row(
            "deep-nesting: 450 nested arrays as the narrative",
            () -> replaceNarrativeValue(deepArray(450)),
            202,
            "F002"));
    rows.add(
        row(
            "deep-nesting: 100,000 nested arrays as the institution",
            () -> u(valid().replace("\"" + BANK + "\"", deepArray(100_000))),
            202,
            "F001"));
    // oversize bodies and fields
    rows.add(
        row("oversize: body of 20 MiB + 1 byte", () -> spaces(20 * 1024 * 1024 + 1), 413, "F003"));
    rows.add(
        row(
            "oversize: 24 MiB JSON string",
            () -> withNarrative("客".repeat(8 * 1024 * 1024)),
            413,
            "F003"));
    rows.add(
        row(
            "oversize: 1 M-character narrative",
            () -> withNarrative("客".repeat(1_000_000)),
            202,
            "F002"));
    rows.add(
        row(
            "oversize: 100,000-character caseNo",
            () ->
                u(
                    valid()
                        .replaceFirst(
                            "\"caseNo\":\"[^\"]+\"", "\"caseNo\":\"" + "A".repeat(100_000) + "\"")),
            202,
            "F002"));
    rows.add(
        row(
            "oversize: 100,000-character field name",
            () -> withCaseField("\"" + "k".repeat(100_000) + "\":1"),
            202,
            "F001"));
    rows.add(
        row(
            "oversize: a number of 100,000 digits",
            () -> withCaseField("\"amountInvolved\":" + "9".repeat(100_000)),
            202,
            "F001"));
    rows.add(
        row(
            "oversize: amount 1e999999999",
            () -> withCaseField("\"amountInvolved\":1e999999999"),
            202,
            "F002"));
    rows.add(
        row(
            "oversize: 50,001 case records",
            () -> u(envelope(BANK, ("{\"caseNo\":\"a\"},".repeat(50_000) + "{\"caseNo\":\"b\"}"))),
            202,
            "F003"));
    rows.add(
        row(
            "oversize: 10,000-character institution",
            () -> u(valid().replace("\"" + BANK + "\"", "\"" + "9".repeat(10_000) + "\"")),
            400,
            "F004"));
    // wrong encodings
    rows.add(row("encoding: GBK", () -> bytes(valid(), Charset.forName("GBK")), 202, "F001"));
    rows.add(
        row("encoding: GB18030", () -> bytes(valid(), Charset.forName("GB18030")), 202, "F001"));
    rows.add(row("encoding: Big5", () -> bytes(valid(), Charset.forName("Big5")), 202, "F001"));
    rows.add(
        row(
            "encoding: UTF-16LE with BOM",
            () -> bytes("\uFEFF" + valid(), StandardCharsets.UTF_16LE),
            202,
            "F001"));
    rows.add(
        row(
            "encoding: UTF-16BE without BOM",
            () -> bytes(valid(), StandardCharsets.UTF_16BE),
            202,
            "F001"));
    rows.add(row("encoding: UTF-32", () -> bytes(valid(), Charset.forName("UTF-32")), 202, "F001"));
    rows.add(
        row(
            "encoding: ISO-8859-1 é",
            () -> bytes(valid().replace("客户称", "Café"), StandardCharsets.ISO_8859_1),
            202,
            "F001"));
    rows.add(row("encoding: UTF-8 BOM (allowed)", () -> u("\uFEFF" + valid()), 202, "OK"));
    rows.add(row("encoding: overlong UTF-8 '/' (C0 AF)", () -> withBytes(0xC0, 0xAF), 202, "F001"));
    rows.add(
        row(
            "encoding: UTF-8-encoded surrogate (ED A0 80)",
            () -> withBytes(0xED, 0xA0, 0x80),
            202,
            "F001"));
    rows.add(row("encoding: truncated 3-byte sequence", () -> withBytes(0xE5, 0xAE), 202, "F001"));
    rows.add(row("encoding: lone continuation byte 0x80", () -> withBytes(0x80), 202, "F001"));
    rows.add(row("encoding: byte 0xFF", () -> withBytes(0xFF), 202, "F001"));
    rows.add(
        row(
            "encoding: code point above U+10FFFF (F4 90 80 80)",
            () -> withBytes(0xF4, 0x90, 0x80, 0x80),
            202,
            "F001"));
    rows.add(
        row(
            "encoding: escaped lone surrogate \\ud800",
            () -> withNarrative("\\ud800客户称年费被扣收要求退还"),
            202,
            "F001"));
    rows.add(
        row(
            "encoding: escaped NUL \\u0000",
            () -> withNarrative("客户称\\u0000年费被扣收要求退还"),
            202,
            "F001"));
    rows.add(
        row(
            "encoding: raw control character U+0001",
            () -> withNarrative("客户称\u0001年费被扣收要求退还"),
            202,
            "F001"));
    rows.add(row("encoding: NUL bytes", () -> new byte[] {'{', 0, 0, '}'}, 202, "F001"));
    // duplicate keys
    rows.add(
        row(
            "duplicate-key: mode twice",
            () -> u(valid().replaceFirst("\"mode\"", "\"mode\":\"TEST\",\"mode\"")),
            202,
            "F001"));
    rows.add(
        row(
            "duplicate-key: cases twice",
            () -> u(valid().replaceFirst("\"cases\"", "\"cases\":[],\"cases\"")),
            202,
            "F001"));
    rows.add(
        row(
            "duplicate-key: institution twice, the second another's",
            () ->
                u(
                    valid()
                        .replaceFirst(
                            "\"mode\"", "\"institution\":\"" + OTHER_BANK + "\",\"mode\"")),
            202,
            "F001"));
    rows.add(
        row(
            "duplicate-key: caseNo twice in a case",
            () -> withCaseField("\"caseNo\":\"OTHER\""),
            202,
            "F001"));
    rows.add(
        row(
            "duplicate-key: the same key, once escaped (case\\u004eo)",
            () -> withCaseField("\"case\\u004eo\":\"OTHER\""),
            202,
            "F001"));
    rows.add(
        row(
            "duplicate-key: complainant.name twice",
            () -> withCaseField("\"complainant\":{\"name\":\"张三\",\"name\":\"李四\"}"),
            202,
            "F001"));
    // not JSON, or JSON of the wrong shape
    rows.add(row("malformed: empty body", () -> new byte[0], 400, "F001"));
    rows.add(row("malformed: only white space", () -> u(" \n\t "), 202, "F001"));
    rows.add(row("malformed: NaN", () -> withCaseField("\"amountInvolved\":NaN"), 202, "F001"));
    rows.add(row("malformed: a comment", () -> u("/* x */" + valid()), 202, "F001"));
    rows.add(row("malformed: trailing garbage", () -> u(valid() + "<script>"), 202, "F001"));
    rows.add(row("malformed: two documents", () -> u(valid() + valid()), 202, "F001"));
    rows.add(row("malformed: single quotes", () -> u(valid().replace('"', '\'')), 202, "F001"));
    rows.add(
        row(
            "malformed: unterminated string",
            () -> u(valid().substring(0, valid().indexOf("客户称") + 3)),
            202,
            "F001"));
    rows.add(row("shape: JSON null", () -> u("null"), 202, "F002"));
    rows.add(row("shape: an array", () -> u("[" + valid() + "]"), 202, "F002"));
    rows.add(row("shape: a string", () -> u("\"" + BANK + "\""), 202, "F002"));
    rows.add(
        row(
            "shape: institution as a number",
            () -> u(valid().replace("\"" + BANK + "\"", "911100007709")),
            202,
            "F002"));
    rows.add(
        row(
            "shape: specVersion 2",
            () -> u(valid().replace("\"specVersion\":\"1\"", "\"specVersion\":\"2\"")),
            202,
            "F002"));
    rows.add(
        row(
            "shape: filingType ../../etc/passwd",
            () -> u(valid().replace("\"CASES\"", "\"../../etc/passwd\"")),
            202,
            "F002"));
    rows.add(
        row(
            "shape: receivedAt year +999999999",
            () ->
                u(valid().replace("2026-10-08T09:30:00+08:00", "+999999999-12-31T23:59:59+18:00")),
            202,
            "F002"));
    rows.add(
        row(
            "shape: receivedAt offset +99:00",
            () -> u(valid().replace("2026-10-08T09:30:00+08:00", "2026-10-08T09:30:00+99:00")),
            202,
            "F002"));
    rows.add(
        row(
            "shape: fullwidth region digits",
            () -> u(valid().replace("440300", "４４０３００")),
            202,
            "C005"));
    rows.add(
        row(
            "shape: channel with SQL",
            () -> u(valid().replace("\"PHONE\"", "\"PHONE' OR '1'='1\"")),
            202,
            "C001"));
    // institutions: malformed, lookalikes, another's (write across institutions)
    rows.add(
        row(
            "institution: lower-case check character",
            () -> u(valid().replace(BANK, BANK.toLowerCase(Locale.ROOT))),
            400,
            "F004"));
    rows.add(
        row(
            "institution: fullwidth digits",
            () -> u(valid().replace(BANK, toFullwidth(BANK))),
            400,
            "F004"));
    rows.add(
        row(
            "institution: trailing NUL",
            () -> u(valid().replace(BANK, BANK + "\\u0000")),
            400,
            "F004"));
    rows.add(
        row(
            "institution: path ../../",
            () -> u(valid().replace(BANK, "../../" + OTHER_BANK)),
            400,
            "F004"));
    rows.add(
        row(
            "institution: <script>",
            () -> u(valid().replace(BANK, "<script>alert(1)</script>")),
            400,
            "F004"));
    rows.add(
        row(
            "cross-institution write: another bank's USCC",
            () -> FilingRestIT.casesFiling(OTHER_BANK, "H-" + UUID.randomUUID()),
            403,
            "F005"));
    // script, HTML and spreadsheet formulas in narratives: receipted, rendered inert by the portal
    for (String text : NARRATIVE_PAYLOADS) {
      rows.add(
          row(
              "script/formula in narrative: " + text,
              () -> withNarrative(text + " 客户称年费未经告知被扣收"),
              202,
              "OK"));
    }
    // Content-Type
    rows.add(new Row("content-type: text/plain", () -> u(valid()), "text/plain", 415, "F001"));
    rows.add(
        new Row(
            "content-type: application/xml with XML",
            () -> u(XXE_FILE),
            "application/xml",
            415,
            "F001"));
    rows.add(
        new Row(
            "content-type: multipart/form-data",
            () -> u(valid()),
            "multipart/form-data; boundary=x",
            415,
            "F001"));
    rows.add(new Row("content-type: none", () -> u(valid()), null, 415, "F001"));
    rows.add(
        new Row(
            "content-type: application/jsonp", () -> u(valid()), "application/jsonp", 415, "F001"));
    rows.add(
        new Row(
            "content-type: application/problem+json",
            () -> u(valid()),
            "application/problem+json",
            415,
            "F001"));
    rows.add(
        new Row(
            "content-type: Application/JSON in capitals",
            () -> u(valid()),
            "Application/JSON; charset=UTF-8",
            202,
            "OK"));
    rows.add(
        new Row(
            "content-type: JSON declared GBK, bytes GBK",
            () -> bytes(valid(), Charset.forName("GBK")),
            "application/json; charset=GBK",
            202,
            "F001"));
    return rows.stream();
  }

  static final List<String> NARRATIVE_PAYLOADS =
      List.of(
          "<script>alert(document.cookie)</script>",
          "<img src=x onerror=alert(1)>",
          "\\\"><svg onload=alert(1)>",
          "javascript:alert(1)",
          "{{7*7}} ${7*7} [[${7*7}]] __${T(java.lang.Runtime).getRuntime()}__",
          "=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")",
          "+1+cmd|' /C calc'!A0",
          "-2+3+cmd|' /C calc'!A0",
          "@SUM(1+1)*cmd|' /C calc'!A0",
          "\\t=1+1",
          "\\r=1+1");

  @ParameterizedTest(name = "{0}")
  @MethodSource("restBodies")
  void restFilingIsAnsweredWithItsRule(Row row) throws Exception {
    byte[] body = row.body().get();
    HttpResponse<String> response = post("/api/v1/filings", bankToken, row.contentType(), body);

    assertSane(response);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(row.status());
    assertThat(ruleOfRest(response, Format.JSON, null)).isEqualTo(row.rule());
  }

  // --- tokens: forged, other realm, wrong kind ---

  record TokenRow(String name, Supplier<String> authorization, int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<TokenRow> tokens() {
    return Stream.of(
        new TokenRow("token: none", () -> null, 401),
        new TokenRow("token: empty bearer", () -> "Bearer ", 401),
        new TokenRow("token: garbage", () -> "Bearer not-a-jwt", 401),
        new TokenRow(
            "token: Basic credentials",
            () -> "Basic " + b64(u(BANK + ":demo-" + BANK.toLowerCase(Locale.ROOT))),
            401),
        new TokenRow(
            "token: alg=none, signature dropped", () -> "Bearer " + algNone(bankToken), 401),
        new TokenRow(
            "token: alg=none naming another institution",
            () -> "Bearer " + algNone(withClaim(bankToken, OTHER_BANK)),
            401),
        new TokenRow(
            "token: payload edited (another institution), signature kept",
            () -> "Bearer " + withClaim(bankToken, OTHER_BANK),
            401),
        new TokenRow(
            "token: signature of another token",
            () -> "Bearer " + otherSignature(bankToken, otherBankToken),
            401),
        new TokenRow(
            "token: truncated signature",
            () -> "Bearer " + bankToken.substring(0, bankToken.length() - 10),
            401),
        new TokenRow(
            "token: HS256 signed with a guessed secret",
            () -> "Bearer " + hs256(bankToken, "secret"),
            401),
        new TokenRow("token: another realm (master)", () -> "Bearer " + otherRealmToken, 401),
        new TokenRow(
            "token: expired claims, re-signed with alg=none",
            () -> "Bearer " + algNone(expired(bankToken)),
            401),
        new TokenRow(
            "token: a regulator's (analyst), not an institution's",
            () -> "Bearer " + analystToken,
            403),
        new TokenRow("token: 7,000-character bearer", () -> "Bearer " + "a".repeat(7_000), 401));
  }

  @ParameterizedTest(name = "REST {0}")
  @MethodSource("tokens")
  void restRefusesEveryTokenThatIsNotAnInstitutions(TokenRow row) throws Exception {
    long before = filingsOf(BANK) + filingsOf(OTHER_BANK);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/api/v1/filings"))
            .timeout(NO_HANG)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    FilingRestIT.casesFiling(BANK, "T-" + UUID.randomUUID())));
    if (row.authorization().get() != null) {
      request.header("Authorization", row.authorization().get());
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertSane(response);
    assertThat(response.statusCode()).isEqualTo(row.status());
    assertThat(JsonMapper.shared().readTree(response.body()).get("messageEn").asString())
        .isNotBlank();
    assertThat(filingsOf(BANK) + filingsOf(OTHER_BANK)).as("nothing stored").isEqualTo(before);
  }

  @ParameterizedTest(name = "SOAP {0}")
  @MethodSource("tokens")
  void soapRefusesEveryTokenThatIsNotAnInstitutions(TokenRow row) throws Exception {
    long before = filingsOf(BANK);
    HttpResponse<String> response =
        soap(
            row.authorization().get(),
            "text/xml; charset=UTF-8",
            envelope(filingXml(BANK, "T-" + UUID.randomUUID(), "客户称年费被扣收")));

    assertSane(response);
    // SOAP 1.1 answers every fault with 500; the fault is the channel's, not a crash
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("<FilingFault").doesNotContain("<rule>");
    if (row.status() == 401) {
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    } else {
      assertThat(response.body()).contains("INSTITUTION role");
    }
    assertThat(filingsOf(BANK)).isEqualTo(before);
  }

  // --- query parameters and ids of the REST reads ---

  record QueryRow(String name, String pathAndQuery, int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<QueryRow> restQueries() {
    return Stream.of(
        new QueryRow("list: type FAX", "/api/v1/filings?type=FAX", 400),
        new QueryRow("list: type with NUL", "/api/v1/filings?type=" + enc("CASES\0"), 400),
        new QueryRow(
            "list: type 5,000 characters", "/api/v1/filings?type=" + "A".repeat(5_000), 400),
        new QueryRow("list: period with NUL", "/api/v1/filings?period=" + enc("2026-Q3\0"), 400),
        new QueryRow("list: period SQL", "/api/v1/filings?period=" + enc("' OR '1'='1"), 200),
        new QueryRow(
            "list: period 5,000 characters", "/api/v1/filings?period=" + "9".repeat(5_000), 200),
        new QueryRow("list: period lone surrogate", "/api/v1/filings?period=%ED%A0%80", 400),
        new QueryRow("list: period not UTF-8 (GBK bytes)", "/api/v1/filings?period=%BF%CD", 400),
        new QueryRow("list: period with a newline", "/api/v1/filings?period=2026%0AQ3", 400),
        new QueryRow("list: limit -1", "/api/v1/filings?limit=-1", 200),
        new QueryRow("list: limit 2147483648", "/api/v1/filings?limit=2147483648", 400),
        new QueryRow("list: limit 1e3", "/api/v1/filings?limit=1e3", 400),
        new QueryRow("list: limit twice", "/api/v1/filings?limit=1&limit=2", 200),
        new QueryRow("status: unknown id", "/api/v1/filings/F20261016-doesnotexist00", 404),
        new QueryRow("status: id with NUL", "/api/v1/filings/" + enc("F1\0"), 400),
        new QueryRow("status: id 5,000 characters", "/api/v1/filings/" + "F".repeat(5_000), 404),
        new QueryRow("status: id with SQL", "/api/v1/filings/" + enc("x' OR '1'='1"), 404),
        new QueryRow("status: encoded ../", "/api/v1/filings/..%2F..%2Factuator", 400),
        new QueryRow("status: encoded backslash", "/api/v1/filings/..%5C..%5Cx", 400),
        new QueryRow("status: encoded newline", "/api/v1/filings/F1%0AX-Injected:1", 400),
        new QueryRow("status: unicode lookalike slash", "/api/v1/filings/..%E2%88%95x", 404),
        new QueryRow("status: semicolon path parameter", "/api/v1/filings/F1;jsessionid=x", 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("restQueries")
  void restReadsAnswerHostileParametersSanely(QueryRow row) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + row.pathAndQuery()))
                .timeout(NO_HANG)
                .header("Authorization", "Bearer " + bankToken)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertSane(response);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(row.status());
    if (row.status() == 200) {
      assertThat(response.body()).doesNotContain(OTHER_BANK);
    }
  }

  /** Reads and writes across institutions on REST and SOAP: never another's data. */
  @org.junit.jupiter.api.Test
  void aTokenOfOneInstitutionCannotReadOrSupersedeAnothersFiling() throws Exception {
    JsonNode foreign =
        JsonMapper.shared()
            .readTree(
                post(
                        "/api/v1/filings",
                        otherBankToken,
                        "application/json",
                        FilingRestIT.casesFiling(OTHER_BANK, "X-" + UUID.randomUUID()))
                    .body());
    String foreignId = foreign.get("filingId").asString();

    HttpResponse<String> restRead = get("/api/v1/filings/" + foreignId, bankToken);
    HttpResponse<String> restList = get("/api/v1/filings?limit=1000", bankToken);
    HttpResponse<String> soapRead =
        soap(
            "Bearer " + bankToken,
            "text/xml; charset=UTF-8",
            u(
                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                    + "<GetFilingStatus xmlns=\"https://cpsx.cn/schemas/filing/v1/service\"><filingId>"
                    + foreignId
                    + "</filingId></GetFilingStatus></soap:Body></soap:Envelope>"));
    HttpResponse<String> soapWrite =
        soap(
            "Bearer " + bankToken,
            "text/xml; charset=UTF-8",
            envelope(filingXml(OTHER_BANK, "X-" + UUID.randomUUID(), "客户称年费被扣收")));

    assertThat(restRead.statusCode()).isEqualTo(404);
    assertThat(restRead.body()).doesNotContain(foreign.get("sha256").asString());
    assertThat(restList.body()).doesNotContain(foreignId);
    assertThat(soapRead.statusCode()).isEqualTo(500);
    assertThat(soapRead.body())
        .contains("has no filing")
        .doesNotContain(foreign.get("sha256").asString());
    assertThat(soapWrite.body()).contains("<rule>F005</rule>");
  }

  // =================================================================================== SOAP ====

  static Stream<Row> soapBodies() {
    List<Row> rows = new ArrayList<>();
    rows.add(
        soapRow(
            "xml-bomb: billion laughs",
            () ->
                u(
                    BILLION_LAUGHS_PROLOG
                        + new String(envelope(okXml()), StandardCharsets.UTF_8)
                            .replace("客户称", "&lol9;")),
            500,
            "F001"));
    rows.add(
        soapRow(
            "xml-bomb: quadratic blowup (one big entity, many references)",
            () ->
                u(
                    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \""
                        + "a".repeat(50_000)
                        + "\">]>"
                        + new String(envelope(okXml()), StandardCharsets.UTF_8)
                            .replace("客户称", "&a;".repeat(10_000))),
            500,
            "F001"));
    rows.add(
        soapRow(
            "xml-bomb: parameter entities",
            () ->
                u(
                    "<!DOCTYPE x [<!ENTITY % a \"<!ENTITY b 'x'>\"> %a;]>"
                        + new String(envelope(okXml()), StandardCharsets.UTF_8)),
            500,
            "F001"));
    rows.add(
        soapRow(
            "xxe: file:///etc/passwd",
            () ->
                u(
                    "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + new String(envelope(okXml()), StandardCharsets.UTF_8)
                            .replace("客户称", "&xxe;")),
            500,
            "F001"));
    rows.add(
        soapRow(
            "xxe: http:// entity",
            () ->
                u(
                    "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/x\">]>"
                        + new String(envelope(okXml()), StandardCharsets.UTF_8)
                            .replace("客户称", "&xxe;")),
            500,
            "F001"));
    rows.add(
        soapRow(
            "xxe: external DTD (PUBLIC)",
            () ->
                u(
                    "<!DOCTYPE soap:Envelope PUBLIC \"-//X//Y\" \"http://127.0.0.1:9/x.dtd\">"
                        + new String(envelope(okXml()), StandardCharsets.UTF_8)),
            500,
            "F001"));
    rows.add(
        soapRow(
            "xxe: DOCTYPE after a UTF-8 BOM and a comment",
            () ->
                u(
                    "\uFEFF<?xml version=\"1.0\"?><!-- hi --><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                        + new String(envelope(okXml()), StandardCharsets.UTF_8)),
            500,
            "F001"));
    rows.add(
        new Row(
            "xxe: DOCTYPE in a UTF-16 message",
            () ->
                bytes(
                    "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + new String(envelope(okXml()), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_16BE),
            "text/xml; charset=UTF-16",
            500,
            "F001"));
    rows.add(
        soapRow(
            "xxe: DOCTYPE behind 70 KB of comments",
            () ->
                u(
                    "<?xml version=\"1.0\"?><!--"
                        + "c".repeat(70_000)
                        + "--><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + new String(envelope(okXml()), StandardCharsets.UTF_8)),
            500,
            "F001"));
    rows.add(
        soapRow(
            "xxe: XInclude of file:///etc/passwd in the filing",
            () ->
                envelope(
                    okXml()
                        .replace(
                            "<mode>LIVE</mode>",
                            "<mode>LIVE</mode><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>")),
            200,
            "F001"));
    rows.add(
        soapRow(
            "xxe: xsi:schemaLocation to an http URL",
            () ->
                envelope(
                    okXml()
                        .replace(
                            "<specVersion>",
                            "<specVersion xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"x http://127.0.0.1:9/x.xsd\">")),
            200,
            "OK"));
    rows.add(
        soapRow(
            "xxe: processing instruction xml-stylesheet",
            () ->
                u(
                    "<?xml version=\"1.0\"?><?xml-stylesheet type=\"text/xsl\" href=\"http://127.0.0.1:9/x.xsl\"?>"
                        + new String(envelope(okXml()), StandardCharsets.UTF_8)),
            200,
            "OK"));
    rows.add(
        soapRow(
            "deep-nesting: 150 levels (past CXF's limit)",
            () ->
                envelope(
                    okXml()
                        .replace(
                            "<mode>LIVE</mode>",
                            "<mode>LIVE</mode>" + "<x>".repeat(150) + "</x>".repeat(150))),
            500,
            "F001"));
    rows.add(
        soapRow(
            "deep-nesting: 30 levels inside the filing",
            () ->
                envelope(
                    okXml()
                        .replace("<narrative>", "<narrative>" + "<narrative>".repeat(30))
                        .replace("</narrative>", "</narrative>".repeat(31))),
            200,
            "F001"));
    rows.add(soapRow("oversize: 20 MiB + 1 byte", () -> spaces(20 * 1024 * 1024 + 1), 413, "F003"));
    rows.add(
        soapRow(
            "oversize: 1 M-character narrative",
            () -> envelope(okXml().replace("客户称", "客".repeat(1_000_000))),
            200,
            "F002"));
    rows.add(
        soapRow(
            "oversize: 2,000 attributes on one element",
            () ->
                envelope(
                    okXml()
                        .replace(
                            "<specVersion>",
                            "<specVersion "
                                + IntStream.range(0, 2000)
                                    .mapToObj(i -> "a" + i + "=\"1\"")
                                    .collect(Collectors.joining(" "))
                                + ">")),
            500,
            "F001"));
    rows.add(
        soapRow(
            "oversize: 20,000 namespace declarations",
            () ->
                envelope(
                    okXml()
                        .replace(
                            "<specVersion>",
                            "<specVersion "
                                + IntStream.range(0, 20_000)
                                    .mapToObj(i -> "xmlns:a" + i + "=\"u" + i + "\"")
                                    .collect(Collectors.joining(" "))
                                + ">")),
            500,
            "F001"));
    rows.add(
        soapRow(
            "oversize: 10,000-character element name",
            () ->
                envelope(
                    okXml()
                        .replace(
                            "<mode>LIVE</mode>", "<mode>LIVE</mode><" + "e".repeat(10_000) + "/>")),
            200,
            "F002"));
    rows.add(
        soapRow(
            "encoding: Latin-1 bytes declared UTF-8",
            () ->
                bytes(
                    new String(envelope(okXml()), StandardCharsets.UTF_8).replace("客户称", "Café"),
                    StandardCharsets.ISO_8859_1),
            500,
            "F001"));
    rows.add(
        new Row(
            "encoding: GBK declared GBK (decoded by SOAP, stored as UTF-8)",
            () ->
                bytes(
                    "<?xml version=\"1.0\" encoding=\"GBK\"?>"
                        + new String(envelope(okXml()), StandardCharsets.UTF_8),
                    Charset.forName("GBK")),
            "text/xml; charset=GBK",
            200,
            "OK"));
    rows.add(
        new Row(
            "encoding: GBK bytes declared UTF-8",
            () ->
                bytes(
                    new String(envelope(okXml()), StandardCharsets.UTF_8), Charset.forName("GBK")),
            "text/xml; charset=UTF-8",
            500,
            "F001"));
    rows.add(
        new Row(
            "encoding: UTF-16 with BOM (decoded by SOAP)",
            () ->
                bytes(
                    "\uFEFF" + new String(envelope(okXml()), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_16BE),
            "text/xml; charset=UTF-16",
            200,
            "OK"));
    rows.add(
        soapRow(
            "encoding: UTF-8 BOM",
            () -> u("\uFEFF" + new String(envelope(okXml()), StandardCharsets.UTF_8)),
            200,
            "OK"));
    rows.add(
        soapRow(
            "encoding: character reference &#0;",
            () -> envelope(okXml().replace("客户称", "&#0;")),
            500,
            "F001"));
    rows.add(
        soapRow(
            "encoding: character reference to a surrogate &#xD800;",
            () -> envelope(okXml().replace("客户称", "&#xD800;")),
            500,
            "F001"));
    rows.add(
        soapRow(
            "encoding: raw control character U+0001",
            () -> envelope(okXml().replace("客户称", "\u0001")),
            500,
            "F001"));
    rows.add(
        soapRow(
            "duplicate: narrative twice in one case",
            () -> envelope(okXml().replace("<status>", "<narrative>二</narrative><status>")),
            200,
            "F001"));
    rows.add(
        soapRow(
            "duplicate: institution twice, the second another's",
            () ->
                envelope(
                    okXml()
                        .replace("<mode>", "<institution>" + OTHER_BANK + "</institution><mode>")),
            200,
            "F001"));
    rows.add(
        soapRow(
            "namespace: an element outside the filing namespace",
            () ->
                envelope(
                    okXml()
                        .replace("<mode>LIVE</mode>", "<mode>LIVE</mode><x:y xmlns:x=\"urn:x\"/>")),
            200,
            "F001"));
    rows.add(soapRow("malformed: not XML", () -> u("{\"specVersion\":\"1\"}"), 500, "F001"));
    rows.add(
        soapRow(
            "malformed: cut off inside the filing",
            () -> {
              String whole = new String(envelope(okXml()), StandardCharsets.UTF_8);
              return u(whole.substring(0, whole.indexOf("<status>")));
            },
            500,
            "F001"));
    // CXF streams the body: a message whose filing is whole but whose envelope is never closed
    // is answered, its filing receipted (noted in RELIABILITY.md, not a crash)
    rows.add(
        soapRow(
            "malformed: envelope end tag missing after a whole filing",
            () ->
                u(
                    new String(envelope(okXml()), StandardCharsets.UTF_8)
                        .replace("</soap:Envelope>", "")),
            200,
            "OK"));
    rows.add(soapRow("malformed: empty body", () -> new byte[0], 500, "F001"));
    rows.add(
        new Row(
            "content-type: application/json",
            () -> envelope(okXml()),
            "application/json",
            415,
            "F001"));
    rows.add(new Row("content-type: none", () -> envelope(okXml()), null, 415, "F001"));
    rows.add(new Row("content-type: text/html", () -> envelope(okXml()), "text/html", 415, "F001"));
    rows.add(
        soapRow(
            "cross-institution write: another bank's USCC",
            () -> envelope(filingXml(OTHER_BANK, "S-" + UUID.randomUUID(), "客户称年费被扣收")),
            500,
            "F005"));
    rows.add(
        soapRow(
            "institution: <script> as USCC (escaped)",
            () -> envelope(okXml().replace(BANK, "&lt;script&gt;alert(1)&lt;/script&gt;")),
            500,
            "F004"));
    for (String text : NARRATIVE_PAYLOADS) {
      rows.add(
          soapRow(
              "script/formula in narrative: " + text,
              () ->
                  envelope(
                      okXml()
                          .replace(
                              "客户称",
                              xmlText(
                                  text.replace("\\t", "\t")
                                      .replace("\\r", "\r")
                                      .replace("\\\"", "\"")))),
              200,
              "OK"));
    }
    return rows.stream();
  }

  static String okXml() {
    return filingXml(BANK, "S-" + UUID.randomUUID(), "客户称年费未经告知被扣收，要求退还");
  }

  static Row soapRow(String name, Supplier<byte[]> body, int status, String rule) {
    return new Row(name, body, "text/xml; charset=UTF-8", status, rule);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("soapBodies")
  void soapFilingIsAnsweredWithItsRule(Row row) throws Exception {
    byte[] body = row.body().get();
    HttpResponse<String> response = soap("Bearer " + bankToken, row.contentType(), body);

    assertSane(response);
    assertThat(response.statusCode()).as(abbreviated(response.body())).isEqualTo(row.status());
    if (response.statusCode() == 200) {
      String filingId = response.body().replaceAll("(?s).*<filingId>([^<]+)</filingId>.*", "$1");
      assertThat(reportRule(Format.XML, stored(filingId), null)).isEqualTo(row.rule());
    } else {
      assertThat(response.body()).contains("<FilingFault", "<messageZh>", "<messageEn>");
      assertThat(response.body().replaceAll("(?s).*<rule>([^<]+)</rule>.*", "$1"))
          .isEqualTo(row.rule());
      assertThat(response.body()).doesNotContain("root:x:0:0");
    }
  }

  // =================================================================================== SFTP ====

  enum Sftp {
    /** The server refuses the upload itself (path, control characters, length, place). */
    REFUSED_AT_UPLOAD,
    /** Only a result in outbox/, naming the rule; nothing filed. */
    RESULT,
    /** A receipt; the rule is what validation finds in the stored bytes. */
    RECEIPT
  }

  record SftpRow(String name, String path, Supplier<byte[]> body, Sftp answer, String rule) {
    @Override
    public String toString() {
      return name;
    }

    /** The name of the file in inbox/, as the outbox answers it. */
    String fileName() {
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  static final String TODAY =
      LocalDate.now(ReportingTime.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE);

  static String sftpName(String type, String ext) {
    return BANK
        + "_"
        + type
        + "_"
        + TODAY
        + "_"
        + ThreadLocalRandom.current().nextInt(1, 999_999)
        + "."
        + ext;
  }

  static final List<SftpRow> SFTP_ROWS = sftpRows();

  static List<SftpRow> sftpRows() {
    List<SftpRow> rows = new ArrayList<>();
    Supplier<byte[]> json = () -> FilingRestIT.casesFiling(BANK, "P-" + UUID.randomUUID());
    // path tricks and control characters: refused by the server at upload
    rows.add(
        new SftpRow(
            "path: inbox/../escape.json",
            "inbox/../" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "path: ../../other institution's inbox",
            "inbox/../../" + OTHER_BANK + "/inbox/" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "path: absolute /etc/cron.d/x",
            "/etc/cron.d/" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "path: absolute /inbox/../outbox",
            "/inbox/../outbox/" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "path: outbox/",
            "outbox/" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "path: the folder's root",
            sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "path: a sub-folder of inbox/",
            "inbox/sub/" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "path: the gateway's .received/",
            "../.received/" + BANK + "/" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "path: backslashes ..\\..\\",
            "inbox/..\\..\\" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "control: NUL in the name",
            "inbox/" + sftpName("CASES", "json") + "\0.exe",
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "control: newline in the name",
            "inbox/x\n" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "control: carriage return in the name",
            "inbox/x\r" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "control: tab in the name",
            "inbox/x\t" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "control: ESC (terminal escape) in the name",
            "inbox/\u001b[31m" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "control: DEL in the name",
            "inbox/\u007f" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "control: C1 control U+0085 in the name",
            "inbox/\u0085" + sftpName("CASES", "json"),
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    rows.add(
        new SftpRow(
            "oversize: a 256-byte name",
            "inbox/" + "x".repeat(251) + ".json",
            json,
            Sftp.REFUSED_AT_UPLOAD,
            null));
    // unicode lookalikes and odd names: taken, answered F010
    rows.add(
        new SftpRow(
            "lookalike: fullwidth full stop before json",
            "inbox/" + sftpName("CASES", "json").replace(".json", "\uFF0Ejson"),
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "lookalike: division slash ∕ as a path",
            "inbox/x\u2215..\u2215" + sftpName("CASES", "json"),
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "lookalike: fullwidth digits in the USCC",
            "inbox/" + toFullwidth(BANK) + sftpName("CASES", "json").substring(18),
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "lookalike: Cyrillic С in CASES",
            "inbox/" + sftpName("CASES", "json").replace("_CASES_", "_\u0421ASES_"),
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "lookalike: right-to-left override",
            "inbox/" + sftpName("CASES", "json").replace(".json", "\u202Enosj.exe"),
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "lookalike: zero-width space in the USCC",
            "inbox/" + BANK.substring(0, 9) + "\u200B" + sftpName("CASES", "json").substring(9),
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "lookalike: line separator U+2028",
            "inbox/" + sftpName("CASES", "json").replace(".json", "\u2028.json"),
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "odd: trailing space",
            "inbox/" + sftpName("CASES", "json") + " ",
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "odd: upper-case extension",
            "inbox/" + sftpName("CASES", "json").replace(".json", ".JSON"),
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "odd: Windows device name CON.json", "inbox/CON.json", json, Sftp.RESULT, "F010"));
    rows.add(
        new SftpRow(
            "odd: percent-encoded ../",
            "inbox/%2e%2e%2f" + sftpName("CASES", "json"),
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "odd: ${jndi:ldap://x} in the name",
            "inbox/${jndi:ldap:__127.0.0.1_x}" + sftpName("CASES", "json"),
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "odd: <script> in the name",
            "inbox/<script>alert(1)<_script>" + sftpName("CASES", "json"),
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "odd: a future date",
            "inbox/" + BANK + "_CASES_29991231_1.json",
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "odd: an impossible date",
            "inbox/"
                + BANK
                + "_CASES_20260230_"
                + ThreadLocalRandom.current().nextInt(1, 999_999)
                + ".json",
            json,
            Sftp.RESULT,
            "F010"));
    rows.add(
        new SftpRow(
            "empty: a 0-byte file",
            "inbox/" + sftpName("CASES", "json"),
            () -> new byte[0],
            Sftp.RESULT,
            "F001"));
    // write across institutions
    rows.add(
        new SftpRow(
            "cross-institution write: CSV named for another bank",
            "inbox/" + OTHER_BANK + sftpName("CASES", "csv").substring(18),
            () -> u(csv("客户称年费被扣收，要求退还。")),
            Sftp.RESULT,
            "F005"));
    rows.add(
        new SftpRow(
            "cross-institution write: JSON naming another bank",
            "inbox/" + sftpName("CASES", "json"),
            () -> FilingRestIT.casesFiling(OTHER_BANK, "P-" + UUID.randomUUID()),
            Sftp.RESULT,
            "F005"));
    rows.add(
        new SftpRow(
            "cross-institution write: XML naming another bank (its name then contradicts it: F010)",
            "inbox/" + sftpName("CASES", "xml"),
            () -> u(filingXml(OTHER_BANK, "P-" + UUID.randomUUID(), "客户称年费被扣收")),
            Sftp.RECEIPT,
            "F010"));
    // content of a well-named file
    rows.add(
        new SftpRow(
            "xml-bomb: billion laughs",
            "inbox/" + sftpName("CASES", "xml"),
            () -> u(BILLION_LAUGHS_PROLOG + filingXml(BANK, "P-" + UUID.randomUUID(), "&lol9;")),
            Sftp.RECEIPT,
            "F001"));
    rows.add(
        new SftpRow(
            "xxe: file:///etc/passwd",
            "inbox/" + sftpName("CASES", "xml"),
            () ->
                u(
                    "<!DOCTYPE f [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + filingXml(BANK, "P-" + UUID.randomUUID(), "&x;")),
            Sftp.RECEIPT,
            "F001"));
    rows.add(
        new SftpRow(
            "xxe: http:// external DTD",
            "inbox/" + sftpName("CASES", "xml"),
            () ->
                u(
                    "<!DOCTYPE filing SYSTEM \"http://127.0.0.1:9/x.dtd\">"
                        + filingXml(BANK, "P-" + UUID.randomUUID(), "x")),
            Sftp.RECEIPT,
            "F001"));
    rows.add(
        new SftpRow(
            "xxe: XInclude",
            "inbox/" + sftpName("CASES", "xml"),
            () ->
                u(
                    filingXml(BANK, "P-" + UUID.randomUUID(), "x")
                        .replace(
                            "<mode>LIVE</mode>",
                            "<mode>LIVE</mode><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\"/>")),
            Sftp.RECEIPT,
            "F001"));
    rows.add(
        new SftpRow(
            "deep-nesting: 100,000 XML elements",
            "inbox/" + sftpName("CASES", "xml"),
            () ->
                u(
                    filingXml(
                        BANK,
                        "P-" + UUID.randomUUID(),
                        "<a>".repeat(100_000) + "</a>".repeat(100_000))),
            Sftp.RECEIPT,
            "F001"));
    rows.add(
        new SftpRow(
            "deep-nesting: 100,000 JSON arrays",
            "inbox/" + sftpName("CASES", "json"),
            () -> u(deepArray(100_000)),
            Sftp.RECEIPT,
            "F001"));
    rows.add(
        new SftpRow(
            "duplicate-key: JSON caseNo twice",
            "inbox/" + sftpName("CASES", "json"),
            () -> withCaseField("\"caseNo\":\"Y\""),
            Sftp.RECEIPT,
            "F001"));
    rows.add(
        new SftpRow(
            "encoding: CSV in GBK",
            "inbox/" + sftpName("CASES", "csv"),
            () -> bytes(csv("客户称年费被扣收，要求退还。"), Charset.forName("GBK")),
            Sftp.RECEIPT,
            "F001"));
    rows.add(
        new SftpRow(
            "encoding: CSV in UTF-16 with BOM",
            "inbox/" + sftpName("CASES", "csv"),
            () -> bytes("\uFEFF" + csv("客户称年费被扣收，要求退还。"), StandardCharsets.UTF_16LE),
            Sftp.RECEIPT,
            "F001"));
    rows.add(
        new SftpRow(
            "encoding: CSV with a UTF-8 BOM (allowed)",
            "inbox/" + sftpName("CASES", "csv"),
            () -> u("\uFEFF" + csv("客户称年费被扣收，要求退还。")),
            Sftp.RECEIPT,
            "OK"));
    rows.add(
        new SftpRow(
            "encoding: CSV with a NUL byte",
            "inbox/" + sftpName("CASES", "csv"),
            () -> u(csv("客户称\0年费被扣收，要求退还。")),
            Sftp.RECEIPT,
            "F001"));
    rows.add(
        new SftpRow(
            "encoding: XML declared UTF-16, bytes UTF-16",
            "inbox/" + sftpName("CASES", "xml"),
            () ->
                bytes(
                    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
                        + filingXml(BANK, "P-" + UUID.randomUUID(), "x"),
                    StandardCharsets.UTF_16),
            Sftp.RECEIPT,
            "F001"));
    rows.add(
        new SftpRow(
            "malformed: CSV with an unterminated quote",
            "inbox/" + sftpName("CASES", "csv"),
            () -> u(csv("\"客户称年费被扣收")),
            Sftp.RECEIPT,
            "F001"));
    rows.add(
        new SftpRow(
            "oversize: CSV of 100,000 header columns",
            "inbox/" + sftpName("CASES", "csv"),
            () -> u(csv("客户称年费被扣收，要求退还。").replaceFirst("\n", ",x".repeat(100_000) + "\n")),
            Sftp.RECEIPT,
            "F002"));
    for (String text :
        List.of(
            "=HYPERLINK(\"\"http://evil.example\"\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(1+1)",
            "<script>alert(1)</script>")) {
      rows.add(
          new SftpRow(
              "script/formula in a CSV narrative: " + text,
              "inbox/" + sftpName("CASES", "csv"),
              () -> u(csv("\"" + text + " 客户称年费被扣收，要求退还。\"")),
              Sftp.RECEIPT,
              "OK"));
    }
    return rows;
  }

  static Stream<SftpRow> sftp() {
    return SFTP_ROWS.stream();
  }

  static final Map<SftpRow, Throwable> uploads = new LinkedHashMap<>();
  static final AtomicBoolean uploaded = new AtomicBoolean();

  /** All rows are uploaded at once, so their 2-second settling runs side by side. */
  static synchronized void uploadAll() throws Exception {
    if (uploaded.getAndSet(true)) {
      return;
    }
    SshClient ssh = SshClient.setUpDefaultClient();
    ssh.start();
    try (ClientSession session =
        ssh.connect(BANK, "127.0.0.1", 18022).verify(Duration.ofSeconds(10)).getSession()) {
      session.addPasswordIdentity("demo-" + BANK.toLowerCase(Locale.ROOT));
      session.auth().verify(Duration.ofSeconds(20));
      try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
        for (SftpRow row : SFTP_ROWS) {
          try (OutputStream out = sftp.write(row.path())) {
            out.write(row.body().get());
            uploads.put(row, null);
          } catch (IOException | RuntimeException e) {
            uploads.put(row, e);
          }
        }
      }
    } finally {
      ssh.stop();
    }
  }

  @ParameterizedTest(name = "SFTP {0}")
  @MethodSource("sftp")
  void sftpUploadIsAnsweredWithItsRule(SftpRow row) throws Exception {
    uploadAll();
    if (row.answer() == Sftp.REFUSED_AT_UPLOAD) {
      assertThat(uploads.get(row)).as("the server refused the upload").isNotNull();
      for (Path folder :
          List.of(SFTP_ROOT.resolve(OTHER_BANK).resolve("inbox"), Path.of("/etc/cron.d"))) {
        if (Files.isDirectory(folder)) {
          try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(row.fileName());
          }
        }
      }
      return;
    }
    Path outbox = SFTP_ROOT.resolve(BANK).resolve("outbox");
    Path receipt = outbox.resolve(row.fileName() + ".receipt.json");
    Path result = outbox.resolve(row.fileName() + ".result.json");
    switch (row.answer()) {
      case REFUSED_AT_UPLOAD -> throw new IllegalStateException("answered above");
      case RESULT -> {
        assertThat(uploads.get(row)).as("upload accepted").isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));
        JsonNode answer = JsonMapper.shared().readTree(Files.readString(result));
        assertThat(answer.path("findings").path(0).path("rule").asString(""))
            .as(answer.toString())
            .isEqualTo(row.rule());
        assertThat(receipt).doesNotExist();
      }
      case RECEIPT -> {
        assertThat(uploads.get(row)).as("upload accepted").isNull();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> Files.exists(receipt) || Files.exists(result));
        assertThat(receipt).as(Files.exists(result) ? Files.readString(result) : "").exists();
        String filingId =
            JsonMapper.shared().readTree(Files.readString(receipt)).get("filingId").asString();
        assertThat(reportRule(Format.SFTP, stored(filingId), row.fileName())).isEqualTo(row.rule());
      }
    }
  }

  // ================================================================================ helpers ====

  enum Format {
    JSON,
    XML,
    SFTP
  }

  /** The answer's rule: the error's, or for a receipt the first ERROR its validation finds. */
  private String ruleOfRest(HttpResponse<String> response, Format format, String fileName) {
    if (response.statusCode() == 202) {
      String filingId = JsonMapper.shared().readTree(response.body()).get("filingId").asString();
      return reportRule(format, stored(filingId), fileName);
    }
    JsonNode rule = JsonMapper.shared().readTree(response.body()).get("rule");
    return rule == null || rule.isNull() ? "-" : rule.asString();
  }

  private String reportRule(Format format, byte[] raw, String fileName) {
    FilingContext context = new FilingContext(BANK, Instant.now(), u -> true, FilingHistory.none());
    FilingValidation report =
        switch (format) {
          case JSON -> validator.validateJson(raw, context);
          case XML -> validator.validateXml(raw, context);
          case SFTP -> validator.validateSftpFile(raw, fileName, context);
        };
    return report.findings().stream()
        .filter(Finding::isError)
        .map(f -> f.rule().name())
        .findFirst()
        .orElse("OK");
  }

  private byte[] stored(String filingId) {
    return jdbc.sql("SELECT raw FROM filing WHERE filing_id = ?")
        .param(filingId)
        .query(byte[].class)
        .single();
  }

  private long filingsOf(String uscc) {
    return jdbc.sql("SELECT count(*) FROM filing WHERE institution_uscc = ?")
        .param(uscc)
        .query(Long.class)
        .single();
  }

  /** Never a crash: no stack trace, no internals, in any answer. */
  static void assertSane(HttpResponse<String> response) {
    assertThat(response.body())
        .as("no stack trace or exception class in the answer")
        .doesNotContainPattern("\\.java:\\d+\\)")
        .doesNotContainPattern("\\bat (org|com|java|cn|jdk)\\.")
        .doesNotContain("Exception");
    if (response.statusCode() == 500) {
      assertThat(response.body()).as("a 500 only as a SOAP fault").contains("<FilingFault");
    }
  }

  private HttpResponse<String> post(String path, String token, String contentType, byte[] body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(NO_HANG)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .timeout(NO_HANG)
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> soap(String authorization, String contentType, byte[] body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/services/filing"))
            .timeout(NO_HANG)
            .header(
                "SOAPAction",
                "\"https://cpsx.cn/schemas/filing/v1/service/"
                    + (new String(body, StandardCharsets.ISO_8859_1).contains("<GetFilingStatus")
                        ? "GetFilingStatus"
                        : "SubmitFiling")
                    + "\"")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  // --- inputs ---

  static final String BILLION_LAUGHS_PROLOG =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
          + IntStream.rangeClosed(1, 9)
              .mapToObj(
                  i ->
                      "<!ENTITY lol"
                          + i
                          + " \""
                          + ("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)
                          + "\">")
              .collect(Collectors.joining())
          + "]>";
  static final String BILLION_LAUGHS = BILLION_LAUGHS_PROLOG + "<lolz>&lol9;</lolz>";
  static final String XXE_FILE =
      "<?xml version=\"1.0\"?><!DOCTYPE f [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><filing>&x;</filing>";

  static String valid() {
    return new String(
            FilingRestIT.casesFiling(BANK, "H-" + UUID.randomUUID()), StandardCharsets.UTF_8)
        .replaceAll("\\s*\\n\\s*", "");
  }

  static String envelope(String uscc, String cases) {
    return "{\"specVersion\":\"1\",\"filingType\":\"CASES\",\"institution\":\""
        + uscc
        + "\",\"mode\":\"LIVE\",\"cases\":["
        + cases
        + "]}";
  }

  static byte[] withNarrative(String jsonText) {
    return u(valid().replace("客户称", jsonText));
  }

  static byte[] replaceNarrativeValue(String json) {
    return u(
        valid()
            .replaceFirst("\"narrative\":\"[^\"]*\"", "\"narrative\":" + json.replace("$", "\\$")));
  }

  static byte[] withCaseField(String field) {
    return u(valid().replace("\"status\":\"RECEIVED\"", "\"status\":\"RECEIVED\"," + field));
  }

  /** The valid filing with these raw bytes in place of its first narrative characters. */
  static byte[] withBytes(int... raw) {
    String[] parts = valid().split("客户称", 2);
    byte[] head = u(parts[0]);
    byte[] tail = u(parts[1]);
    byte[] out = new byte[head.length + raw.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    for (int i = 0; i < raw.length; i++) {
      out[head.length + i] = (byte) raw[i];
    }
    System.arraycopy(tail, 0, out, head.length + raw.length, tail.length);
    return out;
  }

  static String deepArray(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  static String deepObject(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  static byte[] spaces(int n) {
    byte[] bytes = new byte[n];
    java.util.Arrays.fill(bytes, (byte) ' ');
    return bytes;
  }

  static String filingXml(String uscc, String caseNo, String narrative) {
    return "<filing xmlns=\"https://cpsx.cn/schemas/filing/v1\"><specVersion>1</specVersion>"
        + "<filingType>CASES</filingType><institution>"
        + uscc
        + "</institution><mode>LIVE</mode><cases><case><caseNo>"
        + caseNo
        + "</caseNo><receivedAt>2026-10-08T09:30:00+08:00</receivedAt><channel>LETTER</channel>"
        + "<businessCategory>INSURANCE_LIFE</businessCategory><reason>CLAIMS</reason>"
        + "<demand>COMPENSATION</demand><region>510107</region><narrative>"
        + narrative
        + "客户重疾险理赔申请被拒，要求赔付。</narrative><status>RECEIVED</status></case></cases></filing>";
  }

  static byte[] envelope(String filing) {
    return u(
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<SubmitFiling xmlns=\"https://cpsx.cn/schemas/filing/v1/service\">"
            + filing
            + "</SubmitFiling></soap:Body></soap:Envelope>");
  }

  static String xmlText(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String csv(String narrativeCell) {
    return "caseNo,receivedAt,channel,businessCategory,reason,demand,region,narrative,status\n"
        + "P-"
        + UUID.randomUUID()
        + ",2026-10-15T09:00:00+08:00,BRANCH,DEPOSIT,SERVICE_QUALITY,APOLOGY,110101,"
        + narrativeCell
        + ",RECEIVED\n";
  }

  static String toFullwidth(String ascii) {
    StringBuilder out = new StringBuilder();
    ascii.chars().forEach(c -> out.append((char) (c >= '!' && c <= '~' ? c - '!' + '\uFF01' : c)));
    return out.toString();
  }

  static byte[] u(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(String text, Charset charset) {
    return text.getBytes(charset);
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static String abbreviated(String text) {
    return text.length() > 600 ? text.substring(0, 600) + "…" : text;
  }

  // --- tokens ---

  static String masterRealmToken() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + System.getenv().getOrDefault("CPSX_KC_PORT", "18080")
                                + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return JsonMapper.shared().readTree(response.body()).get("access_token").asString();
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String payload(String jwt) {
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  static String withPayload(String jwt, String payload) {
    String[] parts = jwt.split("\\.");
    return parts[0] + "." + b64(u(payload)) + "." + parts[2];
  }

  static String withClaim(String jwt, String institution) {
    return withPayload(
        jwt,
        payload(jwt)
            .replaceAll(
                "\"institution_id\":\"[^\"]+\"", "\"institution_id\":\"" + institution + "\""));
  }

  static String expired(String jwt) {
    return withPayload(jwt, payload(jwt).replaceAll("\"exp\":\\d+", "\"exp\":1000000000"));
  }

  static String algNone(String jwt) {
    String[] parts = jwt.split("\\.");
    return b64(u("{\"alg\":\"none\",\"typ\":\"JWT\"}")) + "." + parts[1] + ".";
  }

  static String otherSignature(String jwt, String other) {
    String[] parts = jwt.split("\\.");
    return parts[0] + "." + parts[1] + "." + other.split("\\.")[2];
  }

  static String hs256(String jwt, String secret) {
    try {
      String signingInput =
          b64(u("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")) + "." + jwt.split("\\.")[1];
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(u(secret), "HmacSHA256"));
      return signingInput + "." + b64(mac.doFinal(u(signingInput)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

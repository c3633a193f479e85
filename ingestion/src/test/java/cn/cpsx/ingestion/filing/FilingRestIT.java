package cn.cpsx.ingestion.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.schemas.FilingContext;
import cn.cpsx.schemas.FilingHistory;
import cn.cpsx.schemas.FilingValidation;
import cn.cpsx.schemas.FilingValidator;
import cn.cpsx.schemas.Rule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST channel against the real PostgreSQL and Keycloak of scripts/stack. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class FilingRestIT {

  static final String BANK = "91110000770914530P";
  static final String OTHER_BANK = "91110000416538280L";

  static String bankToken;
  static String otherBankToken;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void tokens() throws Exception {
    bankToken = KeycloakTokens.forInstitution(BANK);
    otherBankToken = KeycloakTokens.forInstitution(OTHER_BANK);
  }

  @Test
  void receiptComesAfterTheFilingIsStoredWithItsHash() throws Exception {
    byte[] body = casesFiling(BANK, "REST-" + UUID.randomUUID());

    HttpResponse<String> response = post(bankToken, "application/json", body);

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode receipt = JsonMapper.shared().readTree(response.body());
    assertThat(receipt.get("status").asString()).isEqualTo("RECEIVED");
    assertThat(receipt.get("sha256").asString()).isEqualTo(FilingInbox.sha256(body));
    byte[] stored =
        jdbc.sql("SELECT raw FROM filing WHERE filing_id = ? AND institution_uscc = ?")
            .params(receipt.get("filingId").asString(), BANK)
            .query(byte[].class)
            .single();
    assertThat(stored).isEqualTo(body);
  }

  @Test
  void sameBytesAgainGetTheSameReceiptAndCreateNothing() throws Exception {
    byte[] body = casesFiling(BANK, "REST-" + UUID.randomUUID());

    JsonNode first = JsonMapper.shared().readTree(post(bankToken, "application/json", body).body());
    JsonNode second =
        JsonMapper.shared().readTree(post(bankToken, "application/json", body).body());

    assertThat(second.get("filingId")).isEqualTo(first.get("filingId"));
    assertThat(second.get("receivedAt")).isEqualTo(first.get("receivedAt"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM filing WHERE sha256 = ?")
                .param(FilingInbox.sha256(body))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void filingThatNamesAnotherInstitutionIsRefusedWithF005AndNotStored() throws Exception {
    byte[] body = casesFiling(OTHER_BANK, "REST-" + UUID.randomUUID());

    HttpResponse<String> response = post(bankToken, "application/json", body);

    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode error = JsonMapper.shared().readTree(response.body());
    assertThat(error.get("rule").asString()).isEqualTo("F005");
    assertThat(error.get("messageZh").asString()).contains("不一致");
    assertThat(error.get("messageEn").asString()).contains(OTHER_BANK);
    assertThat(
            jdbc.sql("SELECT count(*) FROM filing WHERE sha256 = ?")
                .param(FilingInbox.sha256(body))
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM audit_log WHERE action = 'FILING_REFUSED_F005'
                       AND actor = ? AND subject = ? AND at > now() - interval '1 minute'
                    """)
                .params(BANK, OTHER_BANK)
                .query(Long.class)
                .single())
        .as("the attempt is audited")
        .isPositive();
  }

  @Test
  void anEmptyBodyIs400WithF001InBothLanguages() throws Exception {
    HttpResponse<String> response = post(bankToken, "application/json", new byte[0]);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JsonMapper.shared().readTree(response.body());
    assertThat(error.get("rule").asString()).isEqualTo("F001");
    assertThat(error.get("messageZh").asString()).contains("格式不正确");
    assertThat(error.get("messageEn").asString()).contains("empty document");
  }

  @Test
  void aDuplicatedInstitutionKeyIsF001NotF005() throws Exception {
    String json =
        new String(casesFiling(BANK, "REST-" + UUID.randomUUID()), StandardCharsets.UTF_8)
            .replaceFirst("\"mode\"", "\"institution\":\"" + OTHER_BANK + "\",\"mode\"");
    byte[] body = json.getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = post(bankToken, "application/json", body);

    // Nothing is decided at the door on an ambiguous document: it is receipted like any
    // malformed one, and its report says F001, exactly as batch-jobs' validator finds.
    assertThat(response.statusCode()).isEqualTo(202);
    FilingValidation report = validate(body);
    assertThat(report.findings()).extracting(f -> f.rule()).containsExactly(Rule.F001);
    assertThat(report.findings().getFirst().messageEn()).contains("Duplicate", "institution");
  }

  @Test
  void aMalformedUsccThatIsNotTheCallersIsF004First() throws Exception {
    String malformed = BANK.substring(0, 17) + (BANK.endsWith("P") ? "Q" : "P");
    byte[] body = casesFiling(malformed, "REST-" + UUID.randomUUID());

    HttpResponse<String> response = post(bankToken, "application/json", body);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JsonMapper.shared().readTree(response.body());
    assertThat(error.get("rule").asString()).isEqualTo("F004");
    assertThat(error.get("messageZh").asString()).contains(malformed, "校验位");
    assertThat(error.get("messageEn").asString()).contains(malformed);
  }

  @Test
  void anEncodingErrorIsReceiptedAndItsF001SaysWhere() throws Exception {
    byte[] body =
        new String(casesFiling(BANK, "REST-" + UUID.randomUUID()), StandardCharsets.UTF_8)
            .replace("客户称", "Caf\u00e9")
            .getBytes(StandardCharsets.ISO_8859_1);

    HttpResponse<String> response = post(bankToken, "application/json", body);

    assertThat(response.statusCode()).isEqualTo(202);
    FilingValidation report = validate(body);
    assertThat(report.findings().getFirst().rule()).isEqualTo(Rule.F001);
    assertThat(report.findings().getFirst().messageEn())
        .containsPattern("byte offset \\d+ \\(line 4\\)");
  }

  /** The report batch-jobs will write for these bytes, by the same validator. */
  static FilingValidation validate(byte[] body) {
    return new FilingValidator()
        .validateJson(
            body, new FilingContext(BANK, Instant.now(), u -> true, FilingHistory.none()));
  }

  @Test
  void noTokenIs401WithAJsonError() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(filings())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JsonMapper.shared().readTree(response.body()).get("messageEn").asString())
        .contains("bearer token");
  }

  @Test
  void wrongContentTypeIs415() throws Exception {
    HttpResponse<String> response =
        post(bankToken, "text/plain", casesFiling(BANK, "REST-" + UUID.randomUUID()));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(JsonMapper.shared().readTree(response.body()).get("rule").asString())
        .isEqualTo("F001");
  }

  @Test
  void theListHoldsOwnFilingsOfTheAskedTypeOnly() throws Exception {
    String own =
        JsonMapper.shared()
            .readTree(
                post(bankToken, "application/json", casesFiling(BANK, "REST-" + UUID.randomUUID()))
                    .body())
            .get("filingId")
            .asString();
    String foreign =
        JsonMapper.shared()
            .readTree(
                post(
                        otherBankToken,
                        "application/json",
                        casesFiling(OTHER_BANK, "REST-" + UUID.randomUUID()))
                    .body())
            .get("filingId")
            .asString();

    HttpResponse<String> cases = get(bankToken, filings().resolve("filings?type=CASES&limit=1000"));
    HttpResponse<String> stats = get(bankToken, filings().resolve("filings?type=STATS_Q"));
    HttpResponse<String> bad = get(bankToken, filings().resolve("filings?type=FAX"));

    assertThat(cases.statusCode()).isEqualTo(200);
    assertThat(cases.body()).contains(own).doesNotContain(foreign);
    JsonNode first = JsonMapper.shared().readTree(cases.body()).get(0);
    assertThat(first.get("filingId").asString()).as("newest first").isEqualTo(own);
    assertThat(stats.body()).doesNotContain(own);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("CASES, STATS_Q or SELF_ASSESSMENT");
  }

  @Test
  void statusIsVisibleToItsInstitutionOnlyAndAnotherSeesNotFound() throws Exception {
    JsonNode receipt =
        JsonMapper.shared()
            .readTree(
                post(bankToken, "application/json", casesFiling(BANK, "REST-" + UUID.randomUUID()))
                    .body());
    URI status = filings().resolve("filings/" + receipt.get("filingId").asString());

    HttpResponse<String> own = get(bankToken, status);
    HttpResponse<String> foreign = get(otherBankToken, status);

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(JsonMapper.shared().readTree(own.body()).get("sha256"))
        .isEqualTo(receipt.get("sha256"));
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain(receipt.get("sha256").asString());
  }

  @Test
  void bodyOverTwentyMebibytesIs413WithF003AndNothingStored() throws Exception {
    byte[] huge = new byte[20 * 1024 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) ' ');

    HttpResponse<String> response = post(bankToken, "application/json", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JsonMapper.shared().readTree(response.body()).get("rule").asString())
        .isEqualTo("F003");
    assertThat(
            jdbc.sql("SELECT count(*) FROM filing WHERE sha256 = ?")
                .param(FilingInbox.sha256(huge))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void openApiDocumentIsPublishedWithoutAToken() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(filings().resolve("openapi.yaml")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("openapi: 3.0.3").contains("/api/v1/filings/{filingId}");
  }

  @Test
  void theFilingXsdIsPublishedWithoutAToken() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(filings().resolve("filing-v1.xsd")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("targetNamespace=\"https://cpsx.cn/schemas/filing/v1\"")
        .contains("<xs:element name=\"filing\" type=\"f:Filing\"/>");
  }

  private HttpResponse<String> post(String token, String contentType, byte[] body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(filings())
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String token, URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI filings() {
    return URI.create("http://127.0.0.1:" + port + "/api/v1/filings");
  }

  static byte[] casesFiling(String uscc, String caseNo) {
    return """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[
          {"caseNo":"%s","receivedAt":"2026-10-08T09:30:00+08:00","channel":"PHONE",
           "businessCategory":"CREDIT_CARD","reason":"FEES","demand":"REFUND","region":"440300",
           "narrative":"客户称信用卡年费未经告知即被扣收，要求退还年费。","status":"RECEIVED"}]}
        """
        .formatted(uscc, caseNo)
        .getBytes(StandardCharsets.UTF_8);
  }
}

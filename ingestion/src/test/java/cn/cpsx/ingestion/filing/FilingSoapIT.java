package cn.cpsx.ingestion.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cpsx.ingestion.soap.generated.FilingFault_Exception;
import cn.cpsx.ingestion.soap.generated.FilingPort;
import cn.cpsx.ingestion.soap.generated.FilingService;
import cn.cpsx.ingestion.soap.generated.FilingStatusRequest;
import cn.cpsx.ingestion.soap.generated.Receipt;
import cn.cpsx.ingestion.soap.generated.SubmitFiling;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Element;

/** The SOAP channel with a JAX-WS client built from the WSDL the running app publishes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class FilingSoapIT {

  static final String BANK = FilingRestIT.BANK;
  static final String OTHER_BANK = FilingRestIT.OTHER_BANK;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void wsdlIsPublishedWithoutAToken() throws Exception {
    HttpResponse<String> wsdl =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(address() + "?wsdl")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(wsdl.statusCode()).isEqualTo(200);
    assertThat(wsdl.body())
        .contains("SubmitFiling")
        .contains("GetFilingStatus")
        .contains("FilingFault");
  }

  @Test
  void submittedXmlFilingGetsAReceiptAndItsStatusIsReadable() throws Exception {
    FilingPort port = client(KeycloakTokens.forInstitution(BANK));
    SubmitFiling request = new SubmitFiling();
    request.setAny(casesXml(BANK, "SOAP-" + UUID.randomUUID()));

    Receipt receipt = port.submitFiling(request);

    assertThat(receipt.getStatus()).isEqualTo("RECEIVED");
    assertThat(receipt.getSha256()).hasSize(64);
    Map<String, Object> row =
        jdbc.sql("SELECT channel, format, filing_type FROM filing WHERE filing_id = ?")
            .param(receipt.getFilingId())
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("channel", "SOAP")
        .containsEntry("format", "XML")
        .containsEntry("filing_type", "CASES");
    FilingStatusRequest status = new FilingStatusRequest();
    status.setFilingId(receipt.getFilingId());
    assertThat(port.getFilingStatus(status).getSha256()).isEqualTo(receipt.getSha256());
  }

  @Test
  void filingForAnotherInstitutionIsAFaultNamingF005InBothLanguages() throws Exception {
    FilingPort port = client(KeycloakTokens.forInstitution(BANK));
    SubmitFiling request = new SubmitFiling();
    request.setAny(casesXml(OTHER_BANK, "SOAP-" + UUID.randomUUID()));

    assertThatThrownBy(() -> port.submitFiling(request))
        .isInstanceOfSatisfying(
            FilingFault_Exception.class,
            fault -> {
              assertThat(fault.getFaultInfo().getRule()).isEqualTo("F005");
              assertThat(fault.getFaultInfo().getMessageZh()).contains("不一致");
              assertThat(fault.getFaultInfo().getMessageEn()).contains(OTHER_BANK);
            });
  }

  @Test
  void aCallWithoutATokenIsA401SoapFaultNotJson() throws Exception {
    FilingPort port = client(null);
    SubmitFiling request = new SubmitFiling();
    request.setAny(casesXml(BANK, "SOAP-" + UUID.randomUUID()));

    assertThatThrownBy(() -> port.submitFiling(request))
        .isInstanceOfSatisfying(
            FilingFault_Exception.class,
            fault -> {
              assertThat(fault.getFaultInfo().getRule()).isNull();
              assertThat(fault.getFaultInfo().getMessageZh()).contains("访问令牌");
              assertThat(fault.getFaultInfo().getMessageEn()).contains("bearer token");
            });
    HttpResponse<String> raw = postRaw(null, "text/xml;charset=UTF-8", new byte[0]);
    // SOAP 1.1 sends every fault with 500; a 401 would reach SOAP clients as a transport error
    assertThat(raw.statusCode()).isEqualTo(500);
    assertThat(raw.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(raw.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
  }

  @Test
  void aTokenThatMayNotFileIsA403SoapFaultNotJson() throws Exception {
    long filingsBefore = filingsOf(BANK);
    FilingPort port = client(KeycloakTokens.forUser("analyst"));
    FilingStatusRequest request = new FilingStatusRequest();
    request.setFilingId(UUID.randomUUID().toString());

    assertThatThrownBy(() -> port.getFilingStatus(request))
        .isInstanceOfSatisfying(
            FilingFault_Exception.class,
            fault -> {
              assertThat(fault.getFaultInfo().getRule()).isNull();
              assertThat(fault.getFaultInfo().getMessageZh()).contains("无权报送");
              assertThat(fault.getFaultInfo().getMessageEn()).contains("INSTITUTION role");
            });
    HttpResponse<String> raw =
        postRaw(KeycloakTokens.forUser("analyst"), "text/xml;charset=UTF-8", new byte[0]);
    assertThat(raw.statusCode()).isEqualTo(500);
    assertThat(raw.body()).contains("<FilingFault").doesNotContain("{");
    assertThat(filingsOf(BANK)).isEqualTo(filingsBefore);
  }

  @Test
  void anotherInstitutionsFilingIdIsAFaultLikeAnUnknownOne() throws Exception {
    SubmitFiling request = new SubmitFiling();
    request.setAny(casesXml(BANK, "SOAP-" + UUID.randomUUID()));
    String filingId =
        client(KeycloakTokens.forInstitution(BANK)).submitFiling(request).getFilingId();
    FilingStatusRequest status = new FilingStatusRequest();
    status.setFilingId(filingId);

    assertThatThrownBy(
            () -> client(KeycloakTokens.forInstitution(OTHER_BANK)).getFilingStatus(status))
        .isInstanceOf(FilingFault_Exception.class)
        .hasMessageContaining("has no filing");
  }

  @Test
  void bodyOverTwentyMebibytesIs413WithAnF003Fault() throws Exception {
    byte[] huge = new byte[20 * 1024 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) ' ');

    HttpResponse<String> response = postRaw("text/xml; charset=UTF-8", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("<rule>F003</rule>").contains("messageZh");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
      })
  void externalEntitiesAndEntityExpansionAreAFaultNamingF001AndNothingIsStored(String doctype)
      throws Exception {
    long before = filingsOf(BANK);
    String envelope =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + doctype
            + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<SubmitFiling xmlns=\"https://cpsx.cn/schemas/filing/v1/service\">"
            + "<filing xmlns=\"https://cpsx.cn/schemas/filing/v1\"><specVersion>1</specVersion>"
            + "<filingType>CASES</filingType><institution>"
            + BANK
            + "</institution><mode>LIVE</mode><cases><case><caseNo>X</caseNo>"
            + "<narrative>"
            + (doctype.contains("xxe") ? "&xxe;" : "&d;")
            + "</narrative>"
            + "</case></cases></filing></SubmitFiling></soap:Body></soap:Envelope>";

    HttpResponse<String> response =
        postRaw("text/xml; charset=UTF-8", envelope.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .contains("<rule>F001</rule>", "DOCTYPE", "文档类型声明")
        .doesNotContain("root:");
    assertThat(filingsOf(BANK)).isEqualTo(before);
  }

  @Test
  void aBodyThatIsNotXmlByItsContentTypeIs415WithAnF001Fault() throws Exception {
    HttpResponse<String> response =
        postRaw("application/json", "{\"specVersion\":\"1\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("<rule>F001</rule>", "text/xml", "SOAP 调用");
  }

  @Test
  void xmlNestedBeyondCxfsLimitIsAFaultNamingF001InBothLanguages() throws Exception {
    String deep = "<x>".repeat(150) + "</x>".repeat(150);

    HttpResponse<String> response = postRaw("text/xml; charset=UTF-8", envelope(deep));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .contains("<rule>F001</rule>", "<messageZh>无法读取 SOAP 消息", "<messageEn>")
        .containsIgnoringCase("depth");
  }

  @Test
  void aSoapBodyThatIsNotUtf8IsAFaultNamingF001AndWhere() throws Exception {
    byte[] latin1 =
        new String(envelope("<narrative>Caf\u00e9 au lait</narrative>"), StandardCharsets.UTF_8)
            .getBytes(StandardCharsets.ISO_8859_1);

    HttpResponse<String> response = postRaw("text/xml; charset=UTF-8", latin1);

    assertThat(response.body()).contains("<rule>F001</rule>", "<messageZh>", "<messageEn>");
    assertThat(response.body()).containsPattern("(?i)(byte|row|line|col)");
  }

  @Test
  void anEmptySubmitFilingIsAFaultNamingF001() throws Exception {
    String call =
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<SubmitFiling xmlns=\"https://cpsx.cn/schemas/filing/v1/service\"/>"
            + "</soap:Body></soap:Envelope>";

    HttpResponse<String> response =
        postRaw("text/xml; charset=UTF-8", call.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("<rule>F001</rule>", "empty document", "格式不正确");
  }

  @Test
  void xIncludeIsReceiptedAndReportedAsF001NamingXInclude() throws Exception {
    String filing =
        "<specVersion>1</specVersion><filingType>CASES</filingType><institution>"
            + BANK
            + "</institution><mode>LIVE</mode><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\""
            + " href=\"file:///etc/passwd\" parse=\"text\"/><!-- "
            + UUID.randomUUID()
            + " -->";

    HttpResponse<String> response = postRaw("text/xml; charset=UTF-8", envelope(filing));

    assertThat(response.statusCode()).isEqualTo(200);
    String filingId = response.body().replaceAll("(?s).*<filingId>([^<]+)</filingId>.*", "$1");
    byte[] stored =
        jdbc.sql("SELECT raw FROM filing WHERE filing_id = ?")
            .param(filingId)
            .query(byte[].class)
            .single();
    var report =
        new cn.cpsx.schemas.FilingValidator()
            .validateXml(
                stored,
                new cn.cpsx.schemas.FilingContext(
                    BANK,
                    java.time.Instant.now(),
                    u -> true,
                    cn.cpsx.schemas.FilingHistory.none()));
    assertThat(report.findings().getFirst().rule()).isEqualTo(cn.cpsx.schemas.Rule.F001);
    assertThat(report.findings().getFirst().messageEn()).contains("XInclude");
    assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("root:");
  }

  /** A SubmitFiling envelope whose filing element holds {@code content}. */
  private static byte[] envelope(String content) {
    return ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<SubmitFiling xmlns=\"https://cpsx.cn/schemas/filing/v1/service\">"
            + "<filing xmlns=\"https://cpsx.cn/schemas/filing/v1\">"
            + content
            + "</filing></SubmitFiling></soap:Body></soap:Envelope>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A SubmitFiling call as bytes on the wire, with the bank's token: for what clients won't send.
   */
  private HttpResponse<String> postRaw(String contentType, byte[] body) throws Exception {
    return postRaw(KeycloakTokens.forInstitution(BANK), contentType, body);
  }

  /** The same with this token, or none when null. */
  private HttpResponse<String> postRaw(String token, String contentType, byte[] body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient()
        .send(
            request
                .header("Content-Type", contentType)
                .header("SOAPAction", "\"https://cpsx.cn/schemas/filing/v1/service/SubmitFiling\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private long filingsOf(String uscc) {
    return jdbc.sql("SELECT count(*) FROM filing WHERE institution_uscc = ?")
        .param(uscc)
        .query(Long.class)
        .single();
  }

  private FilingPort client(String token) throws Exception {
    FilingPort port = new FilingService(URI.create(address() + "?wsdl").toURL()).getFilingPort();
    Map<String, Object> context = ((BindingProvider) port).getRequestContext();
    context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address());
    if (token != null) {
      context.put(
          MessageContext.HTTP_REQUEST_HEADERS, Map.of("Authorization", List.of("Bearer " + token)));
    }
    return port;
  }

  private String address() {
    return "http://127.0.0.1:" + port + "/services/filing";
  }

  static Element casesXml(String uscc, String caseNo) throws Exception {
    String xml =
        """
        <filing xmlns="https://cpsx.cn/schemas/filing/v1">
          <specVersion>1</specVersion><filingType>CASES</filingType>
          <institution>%s</institution><mode>LIVE</mode>
          <cases><case>
            <caseNo>%s</caseNo><receivedAt>2026-10-08T09:30:00+08:00</receivedAt>
            <channel>LETTER</channel><businessCategory>INSURANCE_LIFE</businessCategory>
            <reason>CLAIMS</reason><demand>COMPENSATION</demand><region>510107</region>
            <narrative>客户重疾险理赔申请被拒，保险公司以未如实告知为由拒赔。</narrative>
            <status>RECEIVED</status>
          </case></cases>
        </filing>
        """
            .formatted(uscc, caseNo);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
  }
}

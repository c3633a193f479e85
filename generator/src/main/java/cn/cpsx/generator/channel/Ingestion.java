package cn.cpsx.generator.channel;

import cn.cpsx.generator.filing.Filing;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** Ingestion's REST and SOAP endpoints, as an institution's software calls them. */
public final class Ingestion {

  private static final String SERVICE_NS = "https://cpsx.cn/schemas/filing/v1/service";

  private final Http http = new Http();
  private final String baseUrl;
  private final KeycloakTokens tokens;

  /**
   * @param baseUrl e.g. {@code http://127.0.0.1:8081}
   */
  public Ingestion(String baseUrl, KeycloakTokens tokens) {
    this.baseUrl = baseUrl;
    this.tokens = tokens;
  }

  /** POST /api/v1/filings with the JSON bytes; the receipt's filing id. */
  public String postJson(Filing filing) {
    HttpResponse<String> response =
        http.send(
            Http.request(baseUrl + "/api/v1/filings", tokens.institution(filing.uscc()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(filing.bytes()))
                .build());
    return Http.json(response, 202).get("filingId").asString();
  }

  /** SubmitFiling with the XML filing element in the SOAP body; the receipt's filing id. */
  public String submitSoap(Filing filing) {
    String xml = new String(filing.bytes(), StandardCharsets.UTF_8);
    if (xml.startsWith("<?xml")) {
      xml = xml.substring(xml.indexOf("?>") + 2).strip();
    }
    String envelope =
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<SubmitFiling xmlns=\""
            + SERVICE_NS
            + "\">"
            + xml
            + "</SubmitFiling></soap:Body></soap:Envelope>";
    HttpResponse<String> response =
        http.send(
            Http.request(baseUrl + "/services/filing", tokens.institution(filing.uscc()))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + SERVICE_NS + "/SubmitFiling\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build());
    Http.expect(response, 200);
    return element(response.body(), "filingId")
        .orElseThrow(
            () -> new IllegalStateException("no filingId in the SOAP answer: " + response.body()));
  }

  /** GET /api/v1/filings/{id}: status and report. */
  public JsonNode status(String uscc, String filingId) {
    return http.getJson(baseUrl + "/api/v1/filings/" + filingId, tokens.institution(uscc));
  }

  /** Filing id → status of the institution's newest filings (GET /api/v1/filings). */
  public Map<String, String> statuses(String uscc) {
    Map<String, String> statuses = new HashMap<>();
    for (JsonNode item :
        http.getJson(baseUrl + "/api/v1/filings?limit=1000", tokens.institution(uscc))) {
      statuses.put(item.get("filingId").asString(), item.path("status").asString("RECEIVED"));
    }
    return statuses;
  }

  /**
   * The periods ({@code TYPE period}, e.g. {@code STATS_Q 2025-Q1}) for which the institution has
   * an accepted live filing, from one list of its filings.
   */
  public Set<String> acceptedPeriods(String uscc) {
    Set<String> periods = new HashSet<>();
    for (JsonNode item :
        http.getJson(baseUrl + "/api/v1/filings?limit=1000", tokens.institution(uscc))) {
      boolean accepted = item.path("status").asString("").startsWith("ACCEPTED");
      if (accepted && "LIVE".equals(item.path("mode").asString()) && item.hasNonNull("period")) {
        periods.add(item.get("filingType").asString() + " " + item.get("period").asString());
      }
    }
    return periods;
  }

  private static Optional<String> element(String xml, String localName) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList nodes =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
              .getElementsByTagNameNS("*", localName);
      return nodes.getLength() == 0
          ? Optional.empty()
          : Optional.of(nodes.item(0).getTextContent());
    } catch (Exception e) {
      throw new IllegalStateException("unreadable SOAP answer: " + xml, e);
    }
  }
}

package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published XSD (xsd/filing-v1.xsd) and the validator agree: every valid sample, written as the
 * spec's XML, conforms to the XSD and is accepted by {@link FilingValidator#validateXml}; shapes
 * the XSD refuses are refused.
 */
class FilingXsdTest {

  static final String NS = "https://cpsx.cn/schemas/filing/v1";

  static Schema xsd() throws SAXException {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newSchema(FilingXsdTest.class.getResource("/xsd/filing-v1.xsd"));
  }

  static void validate(String xml) throws Exception {
    xsd()
        .newValidator()
        .validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "valid/cases-live.json, 2026-10-16T02:00:00Z",
    "valid/stats-q-live.json, 2026-10-10T02:00:00Z",
    "valid/self-assessment-live.json, 2026-03-01T02:00:00Z"
  })
  void everyValidSampleAsXmlConformsAndIsAccepted(String sample, String filedAt) throws Exception {
    String xml =
        toXml(JsonMapper.shared().readTree(Files.readAllBytes(Path.of("samples", sample))));

    validate(xml);
    FilingValidation result =
        new FilingValidator().validateXml(xml.getBytes(StandardCharsets.UTF_8), context(filedAt));
    assertThat(result.findings()).isEmpty();
    assertThat(result.outcome()).isEqualTo(FilingOutcome.ACCEPTED);
  }

  @org.junit.jupiter.api.Test
  void thePublishedXmlSampleConforms() throws Exception {
    validate(Files.readString(Path.of("samples/valid/91110000770914530P_STATS_Q_2026-Q3_1.xml")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<fax>1</fax>", // an element the spec does not have
        "<narrative>short</narrative><narrative>twice</narrative>",
        "<amountInvolved>12.345</amountInvolved>", // three places
        "<receivedAt>2026-10-08 09:30</receivedAt>", // no T, no offset
        "<extended>yes</extended>"
      })
  void shapesTheSpecDoesNotAllowAreRefused(String badPart) {
    assertThatThrownBy(() -> validate(oneCase(badPart))).isInstanceOf(SAXException.class);
  }

  @org.junit.jupiter.api.Test
  void theFilingThoseShapesAreAddedToConformsOnItsOwn() throws Exception {
    validate(oneCase(""));
  }

  /** A one-case filing that conforms, with {@code part} added inside its case. */
  private static String oneCase(String part) {
    return """
        <filing xmlns="%s"><specVersion>1</specVersion><filingType>CASES</filingType>
        <institution>91110000770914530P</institution><mode>LIVE</mode><cases><case>
        <caseNo>X-1</caseNo><receivedAt>2026-10-08T09:30:00+08:00</receivedAt><channel>PHONE</channel>
        <businessCategory>CREDIT_CARD</businessCategory><reason>FEES</reason><demand>REFUND</demand>
        <region>440300</region><status>RECEIVED</status>%s%s</case></cases></filing>
        """
        .formatted(
            NS, part.contains("narrative") ? "" : "<narrative>客户称年费被扣收，要求退还。</narrative>", part);
  }

  private static FilingContext context(String filedAt) {
    FilingHistory history =
        new FilingHistory() {
          @Override
          public Optional<String> currentFiling(String u, String t, String p) {
            return Optional.empty();
          }

          @Override
          public long casesReceivedBetween(String u, Instant from, Instant to) {
            return 120; // the STATS_Q sample's received
          }
        };
    return new FilingContext("91110000770914530P", Instant.parse(filedAt), u -> true, history);
  }

  /** The spec's XML form of a JSON filing (§9 "Shapes"): same names, list items named per list. */
  static String toXml(JsonNode filing) {
    StringBuilder xml = new StringBuilder("<filing xmlns=\"" + NS + "\">");
    children(filing, xml);
    return xml.append("</filing>").toString();
  }

  private static void children(JsonNode object, StringBuilder xml) {
    for (var field : object.properties()) {
      element(field.getKey(), field.getValue(), xml);
    }
  }

  private static void element(String name, JsonNode value, StringBuilder xml) {
    xml.append('<').append(name).append('>');
    if (value.isObject()) {
      children(value, xml);
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        element(FilingXml.LIST_ITEMS.get(name), item, xml);
      }
    } else {
      xml.append(value.asString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }
    xml.append("</").append(name).append('>');
  }
}

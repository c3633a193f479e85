package cn.cpsx.schemas;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an XML filing (REPORTING-SPEC §3, §9 "Shapes") into the JSON shape of §3, so the one {@link
 * FilingValidator} judges it: root {@code filing} in namespace {@value #NAMESPACE}, the same
 * element names as the JSON fields, list items {@code case}, {@code row}, {@code selfScore} and
 * {@code explanation}. Hardened: a DOCTYPE (and so any entity) is refused, external entities are
 * never resolved, and nesting deeper than {@value #MAX_DEPTH} is refused; each is F001.
 */
public final class FilingXml {

  public static final String NAMESPACE = "https://cpsx.cn/schemas/filing/v1";
  static final String XINCLUDE = "http://www.w3.org/2001/XInclude";

  /** An {@code xi:include}: refused with a message that names XInclude (F001), never resolved. */
  private static final class XIncludeFound extends IllegalStateException {
    XIncludeFound() {
      super("XInclude");
    }
  }

  static final int MAX_DEPTH = 12;

  /** The element of each list's items (§9 "Shapes"; {@code explanation} is our choice). */
  static final Map<String, String> LIST_ITEMS =
      Map.of(
          "cases", "case",
          "byCategoryReason", "row",
          "byChannel", "row",
          "byProvince", "row",
          "selfScores", "selfScore",
          "explanations", "explanation");

  /** Elements (and JSON fields) that hold whole numbers. */
  static final Set<String> INTEGERS =
      Set.of(
          "received",
          "closed",
          "closedWithin15Days",
          "overdueOpen",
          "upheld",
          "satisfiedOrBasically",
          "surveyed",
          "count",
          "retailCustomers",
          "boardReviews",
          "cpStaff",
          "productsReviewed",
          "educationCampaigns",
          "peopleReached",
          "infoSecurityIncidents",
          "partnersAudited");

  private static final Set<String> NUMBERS = Set.of("score", "staffTrainedPct");
  private static final Set<String> BOOLEANS = Set.of("extended", "dedicatedDepartment");

  /** The filing in JSON shape, or the finding that rejects it (F001). */
  public sealed interface Result permits Parsed, Refused {}

  public record Parsed(ObjectNode filing) implements Result {}

  public record Refused(Finding finding) implements Result {}

  private FilingXml() {}

  public static Result read(byte[] body) {
    try {
      byte[] bytes = Utf8.withoutBom(Utf8.requireUtf8(body));
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
      factory.setProperty(XMLInputFactory.IS_COALESCING, true);
      XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes), "UTF-8");
      try {
        return new Parsed(document(xml));
      } finally {
        xml.close();
      }
    } catch (XIncludeFound e) {
      return new Refused(Finding.variant(Rule.F001, "xinclude", null, null));
    } catch (Utf8.NotUtf8Exception e) {
      return refused(e.getMessage());
    } catch (XMLStreamException | IllegalStateException e) {
      return refused(e.getMessage());
    }
  }

  private static ObjectNode document(XMLStreamReader xml) throws XMLStreamException {
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        throw new IllegalStateException("a DOCTYPE is not accepted");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (XINCLUDE.equals(xml.getNamespaceURI())) {
          throw new XIncludeFound();
        }
        if (!"filing".equals(xml.getLocalName()) || !NAMESPACE.equals(xml.getNamespaceURI())) {
          throw new IllegalStateException(
              "the root element must be {"
                  + NAMESPACE
                  + "}filing, not {"
                  + xml.getNamespaceURI()
                  + "}"
                  + xml.getLocalName());
        }
        ObjectNode filing = (ObjectNode) element(xml, "filing", 1);
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.DTD) {
            throw new IllegalStateException("a DOCTYPE is not accepted");
          }
        }
        return filing;
      }
    }
    throw new IllegalStateException("no root element");
  }

  /** The element the reader stands on, as an object, array or value; leaves it on its end tag. */
  private static JsonNode element(XMLStreamReader xml, String name, int depth)
      throws XMLStreamException {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("nested deeper than " + MAX_DEPTH + " elements");
    }
    JsonNodeFactory json = JsonNodeFactory.instance;
    String item = LIST_ITEMS.get(name);
    ObjectNode object = null;
    ArrayNode array = null;
    StringBuilder text = new StringBuilder();
    while (xml.hasNext()) {
      int event = xml.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          String child = xml.getLocalName();
          if (XINCLUDE.equals(xml.getNamespaceURI())) {
            throw new XIncludeFound();
          }
          if (!NAMESPACE.equals(xml.getNamespaceURI())) {
            throw new IllegalStateException(
                "element " + child + " is outside the filing namespace");
          }
          JsonNode value = element(xml, child, depth + 1);
          if (item != null) {
            if (!child.equals(item)) {
              throw new IllegalStateException(name + " holds " + item + " elements, not " + child);
            }
            array = array == null ? json.arrayNode() : array;
            array.add(value);
          } else {
            object = object == null ? json.objectNode() : object;
            if (object.has(child)) {
              throw new IllegalStateException("element " + child + " appears twice in " + name);
            }
            object.set(child, value);
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new IllegalStateException("entity references are not accepted");
        case XMLStreamConstants.END_ELEMENT -> {
          if (item != null) {
            return array == null ? json.arrayNode() : array;
          }
          if (object != null) {
            return object;
          }
          return value(name, text.toString().strip());
        }
        default -> {} // comments and processing instructions carry no data
      }
    }
    throw new IllegalStateException("unexpected end of document in " + name);
  }

  /** Typed as the JSON Schema expects; text that is not the type stays text (then F002). */
  private static JsonNode value(String name, String text) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    try {
      if (INTEGERS.contains(name)) {
        return json.numberNode(Long.parseLong(text));
      }
      if (NUMBERS.contains(name)) {
        return json.numberNode(new BigDecimal(text));
      }
    } catch (NumberFormatException e) {
      return json.stringNode(text);
    }
    if (BOOLEANS.contains(name) && (text.equals("true") || text.equals("false"))) {
      return json.booleanNode(Boolean.parseBoolean(text));
    }
    return json.stringNode(text);
  }

  private static Result refused(String why) {
    return new Refused(Finding.of(Rule.F001, null, null, "XML", why));
  }
}

package cn.cpsx.generator.filing;

import cn.cpsx.schemas.CaseFields;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** Writes a filing's JSON tree as JSON, XML or (for CASES) CSV bytes, UTF-8. */
public final class FilingFormats {

  public static final String NAMESPACE = "https://cpsx.cn/schemas/filing/v1";

  /** §9 and schemas/README: the element name of a list's items, by the list's name. */
  private static final Map<String, String> ITEMS =
      Map.of(
          "cases", "case",
          "byCategoryReason", "row",
          "byChannel", "row",
          "byProvince", "row",
          "selfScores", "selfScore",
          "explanations", "explanation");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final CsvMapper CSV = CsvMapper.builder().build();

  private FilingFormats() {}

  public static byte[] write(ObjectNode filing, Format format) {
    return switch (format) {
      case JSON -> JSON.writeValueAsBytes(filing);
      case XML -> xml(filing, true);
      case CSV -> csv(filing);
    };
  }

  /**
   * The XML document; without the declaration it is the {@code filing} element a SOAP body carries.
   */
  public static byte[] xml(ObjectNode filing, boolean declaration) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml =
          XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      if (declaration) {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
      }
      xml.setDefaultNamespace(NAMESPACE);
      xml.writeStartElement(NAMESPACE, "filing");
      xml.writeDefaultNamespace(NAMESPACE);
      children(xml, filing);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
    return out.toByteArray();
  }

  private static void children(XMLStreamWriter xml, JsonNode node) throws XMLStreamException {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      element(xml, field.getKey(), field.getValue());
    }
  }

  private static void element(XMLStreamWriter xml, String name, JsonNode value)
      throws XMLStreamException {
    xml.writeStartElement(NAMESPACE, name);
    if (value.isObject()) {
      children(xml, value);
    } else if (value.isArray()) {
      String item = ITEMS.getOrDefault(name, "item");
      for (JsonNode element : value) {
        element(xml, item, element);
      }
    } else {
      xml.writeCharacters(value.asString());
    }
    xml.writeEndElement();
  }

  /** A CASES filing as CSV: one column per field of §2.1 (CaseFields' order), a header row. */
  public static byte[] csv(ObjectNode filing) {
    if (!"CASES".equals(filing.path("filingType").asString())) {
      throw new IllegalArgumentException("CSV is only for CASES (§3)");
    }
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    CaseFields.ALL.forEach(schema::addColumn);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SequenceWriter rows = CSV.writer(schema.build()).writeValues(out)) {
      for (JsonNode record : filing.get("cases")) {
        String[] cells = new String[CaseFields.ALL.size()];
        for (int i = 0; i < cells.length; i++) {
          String field = CaseFields.ALL.get(i);
          JsonNode value =
              field.startsWith("complainant.")
                  ? record.path("complainant").path(field.substring("complainant.".length()))
                  : record.path(field);
          cells[i] = value.isMissingNode() || value.isNull() ? "" : value.asString();
        }
        rows.write(cells);
      }
    }
    return out.toByteArray();
  }
}

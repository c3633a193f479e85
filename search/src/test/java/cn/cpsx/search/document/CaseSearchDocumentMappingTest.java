package cn.cpsx.search.document;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case document as the apps' Elasticsearch client sends it (Spring Boot gives the client a
 * {@link Jackson3JsonpMapper}) has exactly the fields of the index template's mapping, each with a
 * JSON value its mapped type accepts. A field added to the record but not to the mapping (the index
 * is {@code dynamic: strict} and would refuse every document), or to the mapping but not to the
 * record, fails here.
 */
class CaseSearchDocumentMappingTest {

  private static final String TEMPLATE = "/elasticsearch/_index_templates/cpsx-cases.json";
  private static final JsonMapper JSON = JsonMapper.shared();

  private final JsonpMapper client = new Jackson3JsonpMapper();

  /** A case with every optional field filled, so that every field of the record is written. */
  private static CaseSearchDocument everyField() {
    JsonNode record =
        JSON.readTree(
            """
            {"caseNo":"TS-1","receivedAt":"2026-10-01T10:00:00+08:00","channel":"PHONE",
             "businessCategory":"CREDIT_CARD","reason":"FEES","demand":"REFUND",
             "amountInvolved":"1200.50","region":"440305",
             "complainant":{"name":"张某某","idNumber":"11010519491231002X","phone":"13800138000",
                            "ageBand":"60_PLUS"},
             "narrative":"客户称信用卡年费未经告知即被扣收。","status":"RESOLVED",
             "resolvedAt":"2026-10-09T16:30:00+08:00","outcome":"UPHELD","redressAmount":300,
             "satisfaction":"SATISFIED","extended":true}
            """);
    return CaseSearchDocument.of(
        new CaseSearchDocument.Source("91110000770914530P", "某银行", "BANK", "F1", 7),
        record,
        Instant.parse("2026-10-16T02:00:03.123Z"));
  }

  @Test
  void everyFieldOfTheDocumentIsMappedAndEveryMappedFieldIsWritten() {
    Map<String, JsonNode> written = leaves(written(everyField()), "");
    Map<String, String> mapped = mappedTypes();

    assertThat(new TreeSet<>(written.keySet()))
        .as("fields written by the client's mapper vs. the mapping's properties")
        .isEqualTo(new TreeSet<>(mapped.keySet()));
  }

  @Test
  void everyComponentOfTheRecordsIsWrittenUnderItsOwnName() {
    Map<String, JsonNode> written = leaves(written(everyField()), "");
    var expected = new TreeSet<String>();
    for (RecordComponent c : CaseSearchDocument.class.getRecordComponents()) {
      if (c.getType() != CaseSearchDocument.Complainant.class) {
        expected.add(c.getName());
      }
    }
    for (RecordComponent c : CaseSearchDocument.Complainant.class.getRecordComponents()) {
      expected.add("complainant." + c.getName());
    }

    assertThat(new TreeSet<>(written.keySet())).isEqualTo(expected);
  }

  @Test
  void everyValueHasTheJsonTypeItsMappingAccepts() {
    Map<String, JsonNode> written = leaves(written(everyField()), "");
    mappedTypes()
        .forEach(
            (field, type) -> {
              JsonNode value = written.get(field);
              assertThat(value).as(field).isNotNull();
              switch (type) {
                case "keyword", "text" ->
                    assertThat(value.isString()).as(field + " " + value).isTrue();
                case "long" ->
                    assertThat(value.isIntegralNumber()).as(field + " " + value).isTrue();
                case "double" -> assertThat(value.isNumber()).as(field + " " + value).isTrue();
                case "boolean" -> assertThat(value.isBoolean()).as(field + " " + value).isTrue();
                case "date" ->
                    assertThat(value.isString() && isoDateTime(value.asString()))
                        .as(field + " " + value)
                        .isTrue();
                default -> throw new AssertionError(field + ": unexpected mapped type " + type);
              }
            });
  }

  @Test
  void theValuesAreTheMaskedRecordsAndWhatIsDerivedFromIt() {
    JsonNode doc = written(everyField());

    assertThat(doc.get("receivedAt").asString()).startsWith("2026-10-01T10:00").endsWith("+08:00");
    assertThat(OffsetDateTime.parse(doc.get("deadline").asString()))
        .isEqualTo(OffsetDateTime.parse("2026-10-31T10:00:00+08:00"));
    assertThat(doc.get("indexedAt").asString()).isEqualTo("2026-10-16T02:00:03.123Z");
    assertThat(doc.get("amountInvolved").decimalValue()).isEqualByComparingTo("1200.50");
    assertThat(doc.get("redressAmount").decimalValue()).isEqualByComparingTo("300");
    assertThat(doc.get("province").asString()).isEqualTo("440000");
    assertThat(doc.at("/complainant/name").asString()).isEqualTo("张**");
    assertThat(doc.at("/complainant/phone").asString()).isEqualTo("138****8000");
    assertThat(doc.get("narrativeWords").asString()).contains("信用卡");
  }

  @Test
  void absentOptionalFieldsAreLeftOutNotWrittenAsNull() {
    JsonNode record =
        JSON.readTree(
            """
            {"caseNo":"TS-2","receivedAt":"2026-10-01T10:00:00+08:00","channel":"PHONE",
             "businessCategory":"CREDIT_CARD","reason":"FEES","demand":"REFUND","region":"440305",
             "narrative":"年费被扣。","status":"IN_PROGRESS"}
            """);
    var doc =
        CaseSearchDocument.of(
            new CaseSearchDocument.Source("U", "N", "BANK", "F2", 1), record, Instant.now());

    JsonNode written = written(doc);

    assertThat(written.has("resolvedAt")).isFalse();
    assertThat(written.has("complainant")).isFalse();
    assertThat(written.has("amountInvolved")).isFalse();
    assertThat(written.get("extended").asBoolean()).isFalse();
    assertThat(written.toString()).doesNotContain("null");
  }

  @Test
  void aHitReadBackIsTheDocumentThatWasSentOffsetsIncluded() {
    CaseSearchDocument sent = everyField();
    String json = JsonpUtils.toJsonString(sent, client);

    CaseSearchDocument read =
        client.deserialize(
            client.jsonProvider().createParser(new StringReader(json)), CaseSearchDocument.class);

    assertThat(read).isEqualTo(sent);
    assertThat(read.receivedAt().getOffset().getId()).isEqualTo("+08:00");
  }

  private JsonNode written(CaseSearchDocument doc) {
    return JSON.readTree(JsonpUtils.toJsonString(doc, client));
  }

  private static boolean isoDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** Leaf fields by dotted path, objects walked into. */
  private static Map<String, JsonNode> leaves(JsonNode object, String prefix) {
    Map<String, JsonNode> leaves = new TreeMap<>();
    for (var field : object.properties()) {
      if (field.getValue().isObject()) {
        leaves.putAll(leaves(field.getValue(), prefix + field.getKey() + "."));
      } else {
        leaves.put(prefix + field.getKey(), field.getValue());
      }
    }
    return leaves;
  }

  /** The mapping's leaf properties by dotted path, with their type (sub-fields are not fields). */
  private static Map<String, String> mappedTypes() {
    try (InputStream template = CaseSearchDocumentMappingTest.class.getResourceAsStream(TEMPLATE)) {
      assertThat(template).as(TEMPLATE).isNotNull();
      JsonNode mappings = JSON.readTree(template).at("/template/mappings");
      assertThat(mappings.get("dynamic").asString()).isEqualTo("strict");
      return mappedTypes(mappings.get("properties"), "");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, String> mappedTypes(JsonNode properties, String prefix) {
    Map<String, String> types = new TreeMap<>();
    for (var property : properties.properties()) {
      JsonNode mapping = property.getValue();
      if (mapping.has("properties")) {
        types.putAll(mappedTypes(mapping.get("properties"), prefix + property.getKey() + "."));
      } else {
        types.put(prefix + property.getKey(), mapping.get("type").asString());
      }
    }
    return types;
  }
}

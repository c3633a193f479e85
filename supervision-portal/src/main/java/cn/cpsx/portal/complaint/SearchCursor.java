package cn.cpsx.portal.complaint;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The sort values of the last hit of a page, as an opaque URL-safe token: the next page asks for
 * what comes after them ({@code search_after}), so paging reaches any depth at the same cost and
 * does not skip or repeat cases when new ones arrive meanwhile.
 */
final class SearchCursor {

  private static final JsonMapper JSON = JsonMapper.shared();

  private SearchCursor() {}

  static String encode(List<FieldValue> sortValues) {
    ArrayNode array = JSON.createArrayNode();
    for (FieldValue value : sortValues) {
      switch (value._kind()) {
        case Long -> array.add(value.longValue());
        case Double -> array.add(value.doubleValue());
        case Boolean -> array.add(value.booleanValue());
        case String -> array.add(value.stringValue());
        default -> array.addNull();
      }
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(array));
  }

  /**
   * @throws InvalidCursorException when the token was not made by {@link #encode}
   */
  static List<FieldValue> decode(String cursor) {
    try {
      JsonNode array = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
      if (!array.isArray() || array.isEmpty()) {
        throw new InvalidCursorException();
      }
      List<FieldValue> values = new ArrayList<>();
      for (JsonNode node : array) {
        if (node.isIntegralNumber()) {
          values.add(FieldValue.of(node.asLong()));
        } else if (node.isNumber()) {
          values.add(FieldValue.of(node.asDouble()));
        } else if (node.isBoolean()) {
          values.add(FieldValue.of(node.asBoolean()));
        } else if (node.isString()) {
          values.add(FieldValue.of(node.asString()));
        } else {
          values.add(FieldValue.NULL);
        }
      }
      return values;
    } catch (IllegalArgumentException | JacksonException e) {
      throw new InvalidCursorException();
    }
  }

  /** A cursor that was altered or comes from another kind of sort. */
  static final class InvalidCursorException extends RuntimeException {
    InvalidCursorException() {
      super("the page cursor 'after' is not valid; start again from the first page");
    }
  }
}

package cn.cpsx.schemas;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a filing may hold so that the regulator can store and compute with it, checked on the JSON
 * shape of every format before the schema: no U+0000 and no unpaired surrogate in any text or field
 * name (F001: PostgreSQL cannot store either, and neither can be written in UTF-8 or XML), and no
 * number outside 18 digits before and 100 after the decimal point outside {@code cases} (F002: the
 * case-record schema bounds every number of a case already). Counts written with a fraction of zero
 * ({@code 52.0}, which JSON Schema takes as an integer) are stored as plain integers.
 */
final class StorableValues {

  static final int MAX_INTEGER_DIGITS = 18;
  static final int MAX_DECIMALS = 100;

  private StorableValues() {}

  /** The finding that rejects the filing, if any; normalises integral counts in place. */
  static Optional<Finding> check(JsonNode root) {
    Deque<Map.Entry<String, JsonNode>> todo = new ArrayDeque<>();
    todo.push(Map.entry("$", root));
    while (!todo.isEmpty()) {
      Map.Entry<String, JsonNode> next = todo.pop();
      String path = next.getKey();
      JsonNode node = next.getValue();
      if (node.isString()) {
        String bad = badCharacter(node.asString());
        if (bad != null) {
          return Optional.of(Finding.variant(Rule.F001, "character", null, path, bad));
        }
      } else if (node.isNumber() && !path.startsWith("$.cases")) {
        BigDecimal number = node.decimalValue();
        if (number.precision() - number.scale() > MAX_INTEGER_DIGITS
            || number.scale() > MAX_DECIMALS) {
          return Optional.of(Finding.variant(Rule.F002, "number", null, path, number.toString()));
        }
      } else if (node instanceof ObjectNode object) {
        for (String name : object.propertyNames()) {
          String bad = badCharacter(name);
          if (bad != null) {
            return Optional.of(Finding.variant(Rule.F001, "character", null, path, bad));
          }
          JsonNode child = object.get(name);
          if (child.isNumber()
              && FilingXml.INTEGERS.contains(name)
              && !child.isIntegralNumber()
              && fitsLong(child.decimalValue())) {
            object.set(
                name, JsonNodeFactory.instance.numberNode(child.decimalValue().longValueExact()));
          }
          todo.push(Map.entry(path + "." + name, object.get(name)));
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          todo.push(Map.entry(path + "[" + i + "]", node.get(i)));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean fitsLong(BigDecimal value) {
    try {
      value.longValueExact();
      return true;
    } catch (ArithmeticException notIntegral) {
      return false;
    }
  }

  /** U+0000 or an unpaired surrogate, named; null when the text is clean. */
  static String badCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "U+0000 (NUL)";
      }
      if (Character.isHighSurrogate(c)
          && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
        return "an unpaired surrogate U+" + Integer.toHexString(c).toUpperCase();
      }
      if (Character.isLowSurrogate(c)
          && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
        return "an unpaired surrogate U+" + Integer.toHexString(c).toUpperCase();
      }
    }
    return null;
  }
}

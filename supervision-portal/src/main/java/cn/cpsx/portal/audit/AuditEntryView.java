package cn.cpsx.portal.audit;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit line as people read it: the action's name comes from the messages ({@code
 * audit.action.<ACTION>}), what it concerns is a link to that case, rating, search or page, and the
 * detail is a list of labelled fields ({@code audit.field.<key>}), never the stored JSON.
 *
 * @param subject what the line concerns, as shown; {@code href} null when there is nothing to open
 */
public record AuditEntryView(AuditLog.Entry entry, Link subject, List<Field> fields) {

  public record Link(String text, String href) {}

  /** One detail: its key (label from the messages, else the key), its value, maybe a link. */
  public record Field(String key, String value, String href) {}

  private static final Pattern RECORD_DUMP = Pattern.compile("^\\w+\\[(.*)]$", Pattern.DOTALL);
  private static final Pattern NEXT_COMPONENT = Pattern.compile(", (?=\\w+=)");

  static AuditEntryView of(AuditLog.Entry entry) {
    JsonNode detail = JsonMapper.shared().readTree(entry.detail());
    List<Field> fields = new ArrayList<>();
    String search = null;
    for (Map.Entry<String, JsonNode> property : detail.properties()) {
      String key = property.getKey();
      JsonNode value = property.getValue();
      if (value.isNull()) {
        continue;
      }
      if (key.equals("query") && entry.action().equals(AuditLog.EXPORT_CASES)) {
        Map<String, List<String>> params = searchParameters(value.asString());
        search = queryString(params);
        fields.add(new Field("query", describe(params), null));
      } else if (key.equals("filingId")) {
        fields.add(
            new Field(key, value.asString(), "/regulator/filings/" + segment(value.asString())));
      } else {
        fields.add(new Field(key, text(value), null));
      }
    }
    return new AuditEntryView(entry, subject(entry, search), fields);
  }

  private static Link subject(AuditLog.Entry entry, String search) {
    String subject = entry.subject();
    return switch (entry.action()) {
      case AuditLog.REVEAL_PERSONAL_DATA -> {
        int colon = subject == null ? -1 : subject.indexOf(':');
        yield colon < 0
            ? new Link(subject, null)
            : new Link(
                subject.substring(colon + 1) + " · " + subject.substring(0, colon),
                "/regulator/cases/"
                    + segment(subject.substring(0, colon))
                    + "/"
                    + segment(subject.substring(colon + 1)));
      }
      case AuditLog.EXPORT_CASES ->
          new Link(null, search == null ? null : "/regulator/cases?" + search);
      case "PUBLISH_RATING",
          "SEND_BACK_RATING",
          "ADJUST_SELF_ASSESSMENT",
          "OBJECT_TO_RATING",
          "ACCEPT_RATING" ->
          new Link("#" + subject, "/regulator/ratings/" + segment(subject));
      case "REQUEST_RATING_RUN" -> new Link(subject, "/regulator/ratings");
      case "ENTER_ENFORCEMENT_ACTION", "PUBLISH_ENFORCEMENT_ACTION" ->
          new Link("#" + subject, "/regulator/enforcement");
      case AuditLog.DISMISS_HOT_SPOT -> new Link("#" + subject, "/regulator/hotspots");
      default -> new Link(subject, null);
    };
  }

  /**
   * An export's search as parameters: stored as a query string; lines written before that hold the
   * Java record's text ({@code CaseQuery[q=…, reason=[A, B], …]}), read back here.
   */
  static Map<String, List<String>> searchParameters(String stored) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    var dump = RECORD_DUMP.matcher(stored.strip());
    if (dump.matches()) {
      for (String component : NEXT_COMPONENT.split(dump.group(1))) {
        int eq = component.indexOf('=');
        String name = component.substring(0, eq);
        String value = component.substring(eq + 1);
        if (value.equals("null")
            || value.equals("[]")
            || value.equals("false")
            || List.of("after", "page", "size").contains(name)) {
          continue;
        }
        if (value.startsWith("[") && value.endsWith("]")) {
          params.put(name, List.of(value.substring(1, value.length() - 1).split(", ")));
        } else {
          params.put(name, List.of(value));
        }
      }
      return params;
    }
    for (String pair : stored.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String describe(Map<String, List<String>> params) {
    List<String> parts = new ArrayList<>();
    params.forEach((name, values) -> parts.add(name + ": " + String.join(", ", values)));
    return parts.isEmpty() ? "—" : String.join(" · ", parts);
  }

  private static String queryString(Map<String, List<String>> params) {
    List<String> pairs = new ArrayList<>();
    params.forEach(
        (name, values) ->
            values.forEach(
                v ->
                    pairs.add(
                        URLEncoder.encode(name, StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(v, StandardCharsets.UTF_8))));
    return String.join("&", pairs);
  }

  private static String text(JsonNode value) {
    if (value.isIntegralNumber()) {
      return String.format("%,d", value.asLong());
    }
    if (value.isValueNode()) {
      return value.asString();
    }
    List<String> parts = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(v -> parts.add(text(v)));
      return String.join(", ", parts);
    }
    for (Map.Entry<String, JsonNode> p : value.properties()) {
      if (!p.getValue().isNull()) {
        parts.add(p.getKey() + ": " + text(p.getValue()));
      }
    }
    return String.join("; ", parts);
  }

  private static String segment(String value) {
    return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
  }
}

package cn.cpsx.ingestion.filing;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * The envelope fields intake needs (who files, what, for which period), read by streaming a JSON
 * document. The values are read only from a document that is well-formed throughout and has no
 * duplicate key anywhere (§9: such a document is ambiguous, F001): otherwise every field stays null
 * and nothing is decided at the door on values the validation job will reject as F001.
 */
public record FilingEnvelope(String institution, String filingType, String mode, String period) {

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final FilingEnvelope UNREAD = new FilingEnvelope(null, null, null, null);

  public static FilingEnvelope probeJson(byte[] body) {
    String institution = null;
    String filingType = null;
    String mode = null;
    String period = null;
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return UNREAD;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          switch (name) {
            case "institution" -> institution = parser.getString();
            case "filingType" -> filingType = parser.getString();
            case "mode" -> mode = parser.getString();
            case "period" -> period = parser.getString();
            default -> {}
          }
        } else {
          // Read through, not skipped: a duplicate key or a syntax error inside counts too.
          readThrough(parser);
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return UNREAD;
      }
    } catch (JacksonException malformed) {
      return UNREAD;
    }
    return new FilingEnvelope(institution, filingType, mode, period);
  }

  private static void readThrough(JsonParser parser) {
    if (!parser.currentToken().isStructStart()) {
      return;
    }
    int depth = 1;
    while (depth > 0) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new StreamReadException(parser, "document ends inside a value");
      }
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
    }
  }
}

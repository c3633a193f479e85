package cn.cpsx.ingestion.filing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The envelope fields intake needs (who files, what, for which period), read by streaming the top
 * level of a JSON document. Anything it cannot read stays null: judging the filing is the
 * validation job's work (F001/F002), not intake's.
 */
public record FilingEnvelope(String institution, String filingType, String mode, String period) {

  private static final JsonFactory JSON = new JsonFactory();

  public static FilingEnvelope probeJson(byte[] body) {
    String institution = null;
    String filingType = null;
    String mode = null;
    String period = null;
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return new FilingEnvelope(null, null, null, null);
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          switch (name) {
            case "institution" -> institution = parser.getText();
            case "filingType" -> filingType = parser.getText();
            case "mode" -> mode = parser.getText();
            case "period" -> period = parser.getText();
            default -> {}
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException malformed) {
      // What was read before the problem is kept; the validation job reports the problem (F001).
    }
    return new FilingEnvelope(institution, filingType, mode, period);
  }
}

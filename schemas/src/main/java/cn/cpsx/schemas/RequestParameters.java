package cn.cpsx.schemas;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Request parameters the apps can read and store: they decode (the bytes are UTF-8), and no name or
 * value holds U+0000 or an unpaired surrogate, which PostgreSQL cannot store (the characters rule
 * F001 refuses in a filing, {@link StorableValues#badCharacter}). Ingestion's REST API and the
 * portal answer 400 for any other request before a route or controller sees it; what else they
 * refuse is each one's {@link Refusing}.
 */
public final class RequestParameters {

  /** What an app refuses beyond undecodable parameters. */
  public enum Refusing {
    /** U+0000 and unpaired surrogates only: line breaks and tabs stay (forms hold text areas). */
    UNSTORABLE,
    /** Also every other control character: the parameters are identifiers and codes. */
    CONTROL_CHARACTERS;

    boolean refuses(String text) {
      if (this == CONTROL_CHARACTERS && text.chars().anyMatch(Character::isISOControl)) {
        return true;
      }
      return StorableValues.badCharacter(text) != null;
    }
  }

  private RequestParameters() {}

  /**
   * Whether every parameter name and value of a request is readable, decoding them as UTF-8 unless
   * the request names its charset. Parameters are decoded once, and the apps' filters run before
   * Spring's CharacterEncodingFilter: a form posted without a charset (what browsers send) would
   * otherwise be read as ISO-8859-1 for good, and every Chinese value in it garbled.
   *
   * @param encoding the request's character encoding, null when it names none
   * @param decodeAs sets the encoding to decode the parameters with
   * @param decode the request's parameters, decoded; a runtime exception means they do not decode
   */
  public static boolean readable(
      Supplier<String> encoding,
      Consumer<Charset> decodeAs,
      Supplier<Map<String, String[]>> decode,
      Refusing refusing) {
    Map<String, String[]> parameters;
    try {
      if (encoding.get() == null) {
        decodeAs.accept(StandardCharsets.UTF_8);
      }
      parameters = decode.get();
    } catch (RuntimeException undecodable) {
      return false;
    }
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      if (refusing.refuses(parameter.getKey())) {
        return false;
      }
      for (String value : parameter.getValue()) {
        if (refusing.refuses(value)) {
          return false;
        }
      }
    }
    return true;
  }
}

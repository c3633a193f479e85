package cn.cpsx.schemas;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The encoding rules of §9: UTF-8 only, a leading BOM skipped. */
public final class Utf8 {

  /** Raised for bytes that are not UTF-8 (rule F001). */
  public static final class NotUtf8Exception extends RuntimeException {
    NotUtf8Exception(String message) {
      super(message);
    }
  }

  private Utf8() {}

  public static byte[] requireUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new NotUtf8Exception("not valid UTF-8 (" + e.getMessage() + ")");
    }
    if (bytes.length >= 2 && bytes[0] == 0 || bytes.length >= 2 && bytes[1] == 0) {
      throw new NotUtf8Exception("looks like UTF-16/32, which is not accepted");
    }
    return bytes;
  }

  public static byte[] withoutBom(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return Arrays.copyOfRange(bytes, 3, bytes.length);
    }
    return bytes;
  }
}

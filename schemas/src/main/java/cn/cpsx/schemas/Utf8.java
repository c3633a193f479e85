package cn.cpsx.schemas;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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

  /**
   * The bytes, if they are UTF-8; otherwise the exception says where the first bad byte is (byte
   * offset from the start, 0-based, and its line, 1-based), so the filer can find it.
   */
  public static byte[] requireUtf8(byte[] bytes) {
    if (bytes.length >= 2 && bytes[0] == 0 || bytes.length >= 2 && bytes[1] == 0) {
      throw new NotUtf8Exception(
          "looks like UTF-16/32, which is not accepted (a zero byte at byte offset "
              + (bytes[0] == 0 ? 0 : 1)
              + ", line 1)");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        int offset = in.position();
        throw new NotUtf8Exception(
            "not valid UTF-8 at byte offset "
                + offset
                + " (line "
                + lineAt(bytes, offset)
                + "): byte 0x"
                + String.format("%02X", bytes[offset] & 0xFF));
      }
      if (!result.isOverflow()) {
        return bytes; // underflow with endOfInput: every byte decoded
      }
      out.clear();
    }
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
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

package cn.cpsx.batch.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash that seals one audit entry, computed here independently of the database's {@code
 * audit_entry_hash} (migration V9), so the verification does not trust the code it checks: the
 * lower-case hex SHA-256 of the UTF-8 bytes of {@code ["cpsx-audit-v1", seq, id, at, actor, action,
 * subject, detail, prev_hash]} as PostgreSQL's jsonb prints it.
 */
final class AuditEntryHash {

  static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter UTC_MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

  private AuditEntryHash() {}

  /**
   * @param detail the entry's detail exactly as PostgreSQL prints the jsonb ({@code detail::text})
   */
  static String of(
      String prevHash,
      long seq,
      long id,
      OffsetDateTime at,
      String actor,
      String action,
      String subject,
      String detail) {
    String canonical =
        "["
            + String.join(
                ", ",
                string("cpsx-audit-v1"),
                Long.toString(seq),
                Long.toString(id),
                string(at.withOffsetSameInstant(ZoneOffset.UTC).format(UTC_MICROS)),
                string(actor),
                string(action),
                string(subject),
                detail,
                string(prevHash))
            + "]";
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** A JSON string as jsonb prints it: only '"', '\' and control characters are escaped. */
  static String string(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder json = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}

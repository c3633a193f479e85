package cn.cpsx.batch.filing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts a filing into the inbox as ingestion does (the row only, no wake-up notice). */
public final class TestInbox {

  private TestInbox() {}

  public static String put(JdbcClient jdbc, String uscc, String filingType, String body) {
    return put(jdbc, uscc, filingType, body.getBytes(StandardCharsets.UTF_8));
  }

  static String put(JdbcClient jdbc, String uscc, String filingType, byte[] raw) {
    return put(jdbc, uscc, filingType, "REST", "JSON", raw);
  }

  /** As the SOAP channel stores it: the XML filing document. */
  static String putSoapXml(JdbcClient jdbc, String uscc, String filingType, String xml) {
    return put(jdbc, uscc, filingType, "SOAP", "XML", xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String put(
      JdbcClient jdbc, String uscc, String filingType, String channel, String format, byte[] raw) {
    String filingId = "FIT-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                received_at, sha256, size_bytes, raw)
            VALUES (?, ?, ?, ?, ?, 'LIVE', now(), ?, ?, ?)
            """)
        .params(filingId, uscc, filingType, format, channel, sha256(raw), raw.length, raw)
        .update();
    return filingId;
  }

  public static String statusOf(JdbcClient jdbc, String filingId) {
    return jdbc.sql("SELECT status FROM filing WHERE filing_id = ?")
        .param(filingId)
        .query(String.class)
        .single();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

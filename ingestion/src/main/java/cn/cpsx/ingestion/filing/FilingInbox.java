package cn.cpsx.ingestion.filing;

import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.schemas.database.FilingQueue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes every channel's filing to the PostgreSQL inbox, exactly once per institution and bytes.
 * The insert and the wake-up notice for batch-jobs share one transaction, so the notice is sent
 * only when the filing is committed; a missed notice is caught by batch-jobs' sweep.
 */
@Component
public class FilingInbox {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final char[] ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  FilingInbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public FilingReceipt receive(IncomingFiling filing) {
    String sha256 = sha256(filing.raw());
    OffsetDateTime now = OffsetDateTime.now(clock.withZone(ReportingTime.ZONE));
    String filingId = newFilingId(now);
    int inserted =
        jdbc.sql(
                """
                INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                    period, original_name, received_at, sha256, size_bytes, raw)
                VALUES (:id, :uscc, :type, :format, :channel, :mode, :period, :name, :at, :sha,
                        :size, :raw)
                ON CONFLICT ON CONSTRAINT filing_same_bytes_once DO NOTHING
                """)
            .param("id", filingId)
            .param("uscc", filing.institutionUscc())
            .param(
                "type",
                filing.envelope().filingType() == null ? "UNKNOWN" : filing.envelope().filingType())
            .param("format", filing.format().name())
            .param("channel", filing.channel().name())
            .param("mode", filing.envelope().mode())
            .param("period", filing.envelope().period())
            .param("name", filing.originalName())
            .param("at", now)
            .param("sha", sha256)
            .param("size", filing.raw().length)
            .param("raw", filing.raw())
            .update();
    if (inserted == 1) {
      jdbc.sql("SELECT pg_notify(:channel, :id)")
          .param("channel", FilingQueue.CHANNEL)
          .param("id", filingId)
          .query()
          .singleValue();
    }
    return jdbc.sql(
            """
            SELECT filing_id, received_at, sha256, status FROM filing
             WHERE institution_uscc = :uscc AND sha256 = :sha
            """)
        .param("uscc", filing.institutionUscc())
        .param("sha", sha256)
        .query(
            (rs, i) ->
                new FilingReceipt(
                    rs.getString("filing_id"),
                    rs.getObject("received_at", OffsetDateTime.class)
                        .atZoneSameInstant(ReportingTime.ZONE)
                        .toOffsetDateTime(),
                    rs.getString("sha256"),
                    rs.getString("status")))
        .single();
  }

  private String newFilingId(OffsetDateTime now) {
    StringBuilder id = new StringBuilder("F").append(DAY.format(now)).append('-');
    for (int i = 0; i < 16; i++) {
      id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
    }
    return id.toString();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

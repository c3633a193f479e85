package cn.cpsx.batch.indexing;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.RowMapper;

/** One accepted case version as PostgreSQL holds it, with what the index adds about its filer. */
public record StoredCase(
    String institution,
    String institutionName,
    String institutionType,
    String caseNo,
    String filingId,
    long filingSeq,
    OffsetDateTime filedAt,
    String recordJson) {

  /**
   * Maps the columns every case reader selects, in this order: USCC, institution short name,
   * institution type, caseNo, filing id, filing seq, filing received_at, record (as text).
   */
  public static final RowMapper<StoredCase> ROWS =
      (rs, i) ->
          new StoredCase(
              rs.getString(1).trim(),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getLong(6),
              rs.getObject(7, OffsetDateTime.class),
              rs.getString(8));
}

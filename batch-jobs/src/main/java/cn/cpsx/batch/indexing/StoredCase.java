package cn.cpsx.batch.indexing;

import java.time.OffsetDateTime;

/** One accepted case version as PostgreSQL holds it, with what the index adds about its filer. */
public record StoredCase(
    String institution,
    String institutionName,
    String institutionType,
    String caseNo,
    String filingId,
    long filingSeq,
    OffsetDateTime filedAt,
    String recordJson) {}

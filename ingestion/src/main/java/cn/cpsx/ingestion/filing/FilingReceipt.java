package cn.cpsx.ingestion.filing;

import java.time.OffsetDateTime;

/**
 * The receipt of REPORTING-SPEC §4, sent only after the filing is committed.
 *
 * @param status RECEIVED for a new filing; the current status when the same bytes came before
 */
public record FilingReceipt(
    String filingId, OffsetDateTime receivedAt, String sha256, String status) {}

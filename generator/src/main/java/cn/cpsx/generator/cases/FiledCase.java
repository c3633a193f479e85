package cn.cpsx.generator.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A case record as an institution files it on a given day (§2.1): its status and, once closed,
 * resolution fields as they stand then. Optional fields are null when absent.
 */
public record FiledCase(
    String caseNo,
    OffsetDateTime receivedAt,
    String channel,
    String businessCategory,
    String reason,
    String demand,
    BigDecimal amountInvolved,
    String region,
    Complainant complainant,
    String narrative,
    String status,
    OffsetDateTime resolvedAt,
    String outcome,
    BigDecimal redressAmount,
    String satisfaction,
    boolean extended) {

  public boolean closed() {
    return resolvedAt != null;
  }
}

package cn.cpsx.generator.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One complaint from receipt to its end, drawn once: {@link #asOf} gives the record as the
 * institution would file it at any instant.
 *
 * @param resolvedAt when it is closed, or null if it stays open past the world's horizon
 * @param escalatesAfter when it goes to the regulator while still open (status ESCALATED), or null
 */
public record CaseLife(
    String uscc,
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
    OffsetDateTime resolvedAt,
    String closedStatus,
    String outcome,
    BigDecimal redressAmount,
    String satisfaction,
    boolean extended,
    Duration escalatesAfter) {

  private static final Duration ACKNOWLEDGED_AFTER = Duration.ofHours(20);

  public boolean receivedBy(Instant t) {
    return !receivedAt.toInstant().isAfter(t);
  }

  public boolean closedBy(Instant t) {
    return resolvedAt != null && !resolvedAt.toInstant().isAfter(t);
  }

  /** The deadline of §2.1: 15 days, 30 when extended. */
  public OffsetDateTime deadline() {
    return receivedAt.plusDays(extended ? 30 : 15);
  }

  /** Open at {@code t} and past its deadline. */
  public boolean overdueAt(Instant t) {
    return receivedBy(t) && !closedBy(t) && deadline().toInstant().isBefore(t);
  }

  /** Whether the deadline of §2.1 was met, for a closed case. */
  public boolean closedWithin15Days() {
    return resolvedAt != null && !resolvedAt.isAfter(receivedAt.plusDays(15));
  }

  /** The record as filed at {@code t} (the case must have been received by then). */
  public FiledCase asOf(Instant t) {
    if (closedBy(t)) {
      return new FiledCase(
          caseNo,
          receivedAt,
          channel,
          businessCategory,
          reason,
          demand,
          amountInvolved,
          region,
          complainant,
          narrative,
          closedStatus,
          resolvedAt,
          outcome,
          redressAmount,
          satisfaction,
          extended);
    }
    Duration open = Duration.between(receivedAt.toInstant(), t);
    String status =
        escalatesAfter != null && open.compareTo(escalatesAfter) >= 0
            ? "ESCALATED"
            : open.compareTo(ACKNOWLEDGED_AFTER) < 0 ? "RECEIVED" : "IN_PROGRESS";
    return new FiledCase(
        caseNo,
        receivedAt,
        channel,
        businessCategory,
        reason,
        demand,
        amountInvolved,
        region,
        complainant,
        narrative,
        status,
        null,
        null,
        null,
        null,
        extended);
  }
}

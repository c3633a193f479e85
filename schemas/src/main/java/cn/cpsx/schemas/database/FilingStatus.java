package cn.cpsx.schemas.database;

import cn.cpsx.schemas.FilingOutcome;

/**
 * A filing's status, column {@code filing.status}: RECEIVED from the receipt (ingestion) until
 * batch-jobs has validated it, then the outcome of §5 ({@link FilingOutcome}). The column's CHECK
 * constraint (migration V13) holds these values and no others; the states VALIDATING and INDEXING
 * that V1 foresaw were never written and are gone.
 */
public enum FilingStatus {
  RECEIVED,
  ACCEPTED,
  ACCEPTED_WITH_WARNINGS,
  PARTIALLY_ACCEPTED,
  REJECTED;

  /** The status a validated filing ends in. */
  public static FilingStatus of(FilingOutcome outcome) {
    return valueOf(outcome.name());
  }

  public boolean validated() {
    return this != RECEIVED;
  }

  /** Validated, with records (all or some) that count: everything but RECEIVED and REJECTED. */
  public boolean accepted() {
    return validated() && this != REJECTED;
  }
}

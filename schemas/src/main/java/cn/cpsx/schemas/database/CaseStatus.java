package cn.cpsx.schemas.database;

/**
 * A complaint case's status as filed (REPORTING-SPEC §2.1, code list {@code case-status}), column
 * {@code complaint_case.status} and the record's {@code status}. The column's CHECK constraint
 * (migration V13) holds these values; the code list and this enum are kept equal by a test.
 */
public enum CaseStatus {
  RECEIVED,
  IN_PROGRESS,
  RESOLVED,
  CLOSED_UNRESOLVED,
  ESCALATED;

  /** Closed, resolved or not: it counts for resolution times and has no deadline left. */
  public boolean closed() {
    return this == RESOLVED || this == CLOSED_UNRESOLVED;
  }
}

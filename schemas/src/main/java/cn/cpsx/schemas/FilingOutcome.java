package cn.cpsx.schemas;

/** How a validated filing ends (REPORTING-SPEC §5). */
public enum FilingOutcome {
  ACCEPTED,
  ACCEPTED_WITH_WARNINGS,
  PARTIALLY_ACCEPTED,
  REJECTED;

  /**
   * The CASES rule of §5/§9: rejected records are dropped; more than 20% of them rejects the
   * filing.
   */
  public static FilingOutcome ofRecords(int total, int rejected, boolean warnings) {
    if (total == 0 || rejected * 5 > total) {
      return REJECTED;
    }
    if (rejected > 0) {
      return PARTIALLY_ACCEPTED;
    }
    return warnings ? ACCEPTED_WITH_WARNINGS : ACCEPTED;
  }

  public boolean countsAsAccepted() {
    return this != REJECTED;
  }
}

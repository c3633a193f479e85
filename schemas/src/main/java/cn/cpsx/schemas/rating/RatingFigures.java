package cn.cpsx.schemas.rating;

import java.math.BigDecimal;

/**
 * One institution's counts for one period, exactly as REPORTING-SPEC §10 defines them, before any
 * share, rank or point is derived.
 *
 * @param complaints cases received in the period (accepted LIVE records, newest version)
 * @param retailCustomers from the newest accepted SELF_ASSESSMENT of the period's year, else the
 *     registry
 * @param closed cases of the period that are RESOLVED or CLOSED_UNRESOLVED
 * @param closedWithinDeadline of those, resolved by their deadline (15 days, 30 when extended)
 * @param surveyed cases with a satisfaction other than NOT_SURVEYED
 * @param satisfied SATISFIED or BASICALLY_SATISFIED
 * @param escalated channel REGULATOR or status ESCALATED
 * @param due filings whose due day falls in the period (and has passed at the data cut-off)
 * @param goodFilings of those, an accepted LIVE filing received by its due day
 * @param selfScoreSum sum of the six self-scores of the self-assessment that counts; null: none
 * @param supervisorAdjustment points a supervisor took off the self-assessment factor (≥ 0)
 * @param adjustmentReason why; required when the adjustment is above 0
 */
public record RatingFigures(
    String uscc,
    String institutionType,
    long complaints,
    long retailCustomers,
    long closed,
    long closedWithinDeadline,
    long surveyed,
    long satisfied,
    long escalated,
    int due,
    int goodFilings,
    BigDecimal selfScoreSum,
    BigDecimal supervisorAdjustment,
    String adjustmentReason,
    int minor,
    int serious,
    int major) {

  public RatingFigures {
    if (supervisorAdjustment == null) {
      supervisorAdjustment = BigDecimal.ZERO;
    }
    if (supervisorAdjustment.signum() < 0) {
      throw new IllegalArgumentException("a supervisor adjustment lowers the points: it is >= 0");
    }
    if (supervisorAdjustment.signum() > 0
        && (adjustmentReason == null || adjustmentReason.isBlank())) {
      throw new IllegalArgumentException("a supervisor adjustment needs a recorded reason");
    }
  }

  /** The same figures with a supervisor's adjustment of the self-assessment factor. */
  public RatingFigures withAdjustment(BigDecimal adjustment, String reason) {
    return new RatingFigures(
        uscc,
        institutionType,
        complaints,
        retailCustomers,
        closed,
        closedWithinDeadline,
        surveyed,
        satisfied,
        escalated,
        due,
        goodFilings,
        selfScoreSum,
        adjustment,
        reason,
        minor,
        serious,
        major);
  }
}

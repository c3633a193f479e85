package cn.cpsx.portal.opendata;

import java.math.BigDecimal;

/**
 * A published enforcement action (§11) as the open data give it.
 *
 * @param id the action's public number; corrections name it
 * @param corrects the id of the published action this one corrects, or null
 * @param correctedBy the id of the published action that corrects this one, or null: when set, this
 *     action stands corrected and the reader should read the correction
 */
public record EnforcementItem(
    long id,
    String uscc,
    String name,
    String decisionNo,
    String decisionDate,
    String severity,
    String measure,
    BigDecimal fineCny,
    String legalBasis,
    String summaryZh,
    String summaryEn,
    Long corrects,
    Long correctedBy,
    String publishedAt) {

  public boolean corrected() {
    return correctedBy != null;
  }
}

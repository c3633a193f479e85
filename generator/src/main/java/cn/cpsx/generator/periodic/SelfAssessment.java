package cn.cpsx.generator.periodic;

import java.math.BigDecimal;
import java.util.List;

/** A SELF_ASSESSMENT filing's content (§2.3). */
public record SelfAssessment(
    String uscc,
    String period,
    long retailCustomers,
    int boardReviews,
    boolean dedicatedDepartment,
    int cpStaff,
    BigDecimal staffTrainedPct,
    int productsReviewed,
    int educationCampaigns,
    long peopleReached,
    int infoSecurityIncidents,
    int partnersAudited,
    List<SelfScore> selfScores,
    Submission submission) {

  /** {@code evidence} null when the institution gave none (A002 warns above 80). */
  public record SelfScore(String dimension, int score, String evidence) {}
}

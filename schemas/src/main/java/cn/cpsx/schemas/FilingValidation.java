package cn.cpsx.schemas;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of checking a filing: every finding, and what of it counts.
 *
 * @param institution the USCC named in the filing, or null when the envelope could not be read
 * @param filingType CASES, STATS_Q or SELF_ASSESSMENT, or null when unreadable
 * @param mode LIVE or TEST, or null when unreadable
 * @param period the period of a STATS_Q or SELF_ASSESSMENT filing, else null
 * @param supersedes the filing an amendment replaces, or null
 * @param totalRecords CASES: how many records the filing holds; other types: 1
 * @param rejectedRecords CASES: how many records have an ERROR finding
 * @param acceptedCases CASES: the records that count; empty when the filing is rejected
 * @param document STATS_Q: {@code statistics}; SELF_ASSESSMENT: {@code assessment}; null when
 *     rejected
 * @param explanations the envelope's answers to earlier warnings
 */
public record FilingValidation(
    String institution,
    String filingType,
    String mode,
    String period,
    String supersedes,
    int totalRecords,
    int rejectedRecords,
    List<Finding> findings,
    List<AcceptedCase> acceptedCases,
    ObjectNode document,
    List<Explanation> explanations,
    FilingOutcome outcome) {

  /** A record that passed, with its 0-based position in the filing. */
  public record AcceptedCase(int index, String caseNo, ObjectNode record) {}

  /** An institution's answer to a WARNING finding (§4.1). */
  public record Explanation(String rule, String record, String text) {}

  public boolean isLive() {
    return "LIVE".equals(mode);
  }
}

package cn.cpsx.schemas;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of checking a CASES filing: every finding, and the records that count.
 *
 * @param institution the USCC named in the filing, or null when the envelope could not be read
 * @param mode LIVE or TEST, or null when the envelope could not be read
 * @param totalRecords how many records the filing holds
 * @param rejectedRecords how many records have an ERROR finding
 * @param acceptedCases the records that count: empty when the filing as a whole is rejected
 */
public record CasesValidation(
    String institution,
    String mode,
    int totalRecords,
    int rejectedRecords,
    List<Finding> findings,
    List<AcceptedCase> acceptedCases,
    FilingOutcome outcome) {

  /** A record that passed, with its 0-based position in the filing. */
  public record AcceptedCase(int index, String caseNo, ObjectNode record) {}
}

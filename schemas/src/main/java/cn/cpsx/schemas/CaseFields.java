package cn.cpsx.schemas;

import java.util.List;
import java.util.Map;

/**
 * The fields of a case record (REPORTING-SPEC §2.1) in the spec's order, nested ones written as
 * {@code complainant.name} (the CSV header spelling), and the code list of each coded field. The
 * CSV reader, the portal's case detail and its export all take their columns from here.
 */
public final class CaseFields {

  public static final List<String> ALL =
      List.of(
          "caseNo",
          "receivedAt",
          "channel",
          "businessCategory",
          "reason",
          "demand",
          "amountInvolved",
          "region",
          "complainant.name",
          "complainant.idNumber",
          "complainant.phone",
          "complainant.ageBand",
          "narrative",
          "status",
          "resolvedAt",
          "outcome",
          "redressAmount",
          "satisfaction",
          "extended");

  /** Coded field → its code list (see {@link CodeLists}). */
  public static final Map<String, String> CODE_LISTS =
      Map.of(
          "channel", CodeLists.CHANNEL,
          "businessCategory", CodeLists.BUSINESS_CATEGORY,
          "reason", CodeLists.REASON,
          "demand", CodeLists.DEMAND,
          "complainant.ageBand", CodeLists.AGE_BAND,
          "status", CodeLists.CASE_STATUS,
          "outcome", CodeLists.OUTCOME,
          "satisfaction", CodeLists.SATISFACTION);

  private CaseFields() {}
}

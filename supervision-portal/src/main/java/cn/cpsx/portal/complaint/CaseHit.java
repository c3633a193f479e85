package cn.cpsx.portal.complaint;

import java.util.List;
import java.util.Map;

/**
 * One case in a result list, masked as the index holds it.
 *
 * @param overdue open and past its handling deadline at the time of the search
 * @param highlights narrative fragments, HTML-escaped with the matches in {@code <em>}
 */
public record CaseHit(
    String institution,
    String institutionName,
    String caseNo,
    String receivedAt,
    String deadline,
    String businessCategory,
    String reason,
    String channel,
    String demand,
    String province,
    String status,
    String outcome,
    Double amountInvolved,
    boolean overdue,
    String narrative,
    List<String> highlights) {

  /** The fields of the indexed document a hit is made of (the search fetches only these). */
  static final List<String> SOURCE_FIELDS =
      List.of(
          "institution",
          "institutionName",
          "caseNo",
          "receivedAt",
          "deadline",
          "businessCategory",
          "reason",
          "channel",
          "demand",
          "province",
          "status",
          "outcome",
          "amountInvolved",
          "narrative");

  static CaseHit of(Map<?, ?> source, List<String> highlights, java.time.Instant now) {
    String status = str(source, "status");
    String deadline = str(source, "deadline");
    boolean overdue =
        deadline != null
            && !CaseFilters.CLOSED_STATUSES.contains(status)
            && java.time.OffsetDateTime.parse(deadline).toInstant().isBefore(now);
    Object amount = source.get("amountInvolved");
    return new CaseHit(
        str(source, "institution"),
        str(source, "institutionName"),
        str(source, "caseNo"),
        str(source, "receivedAt"),
        deadline,
        str(source, "businessCategory"),
        str(source, "reason"),
        str(source, "channel"),
        str(source, "demand"),
        str(source, "province"),
        status,
        str(source, "outcome"),
        amount instanceof Number n ? n.doubleValue() : null,
        overdue,
        str(source, "narrative"),
        highlights);
  }

  /** The path of the case detail page. */
  public String detailPath() {
    return "/regulator/cases/" + institution + "/" + caseNo;
  }

  private static String str(Map<?, ?> source, String key) {
    Object value = source.get(key);
    return value == null ? null : value.toString();
  }
}

package cn.cpsx.portal.complaint;

import cn.cpsx.search.document.CaseSearchDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

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

  /**
   * The fields of the indexed document a hit is made of (the search fetches only these; the
   * record's two primitives are fetched too, so that reading a partial source never meets a missing
   * primitive).
   */
  static final List<String> SOURCE_FIELDS =
      List.of(
          "institution",
          "institutionName",
          "caseNo",
          "filingSeq",
          "receivedAt",
          "deadline",
          "extended",
          "businessCategory",
          "reason",
          "channel",
          "demand",
          "province",
          "status",
          "outcome",
          "amountInvolved",
          "narrative");

  static CaseHit of(CaseSearchDocument source, List<String> highlights, Instant now) {
    OffsetDateTime deadline = source.deadline();
    boolean overdue =
        deadline != null
            && !CaseFilters.CLOSED_STATUSES.contains(source.status())
            && deadline.toInstant().isBefore(now);
    BigDecimal amount = source.amountInvolved();
    return new CaseHit(
        source.institution(),
        source.institutionName(),
        source.caseNo(),
        text(source.receivedAt()),
        text(deadline),
        source.businessCategory(),
        source.reason(),
        source.channel(),
        source.demand(),
        source.province(),
        source.status(),
        source.outcome(),
        amount == null ? null : amount.doubleValue(),
        overdue,
        source.narrative(),
        highlights);
  }

  /** The path of the case detail page. */
  public String detailPath() {
    return "/regulator/cases/" + institution + "/" + caseNo;
  }

  /** A date-time as filed (its offset kept), the text the pages cut the date from. */
  private static String text(OffsetDateTime time) {
    return time == null ? null : time.toString();
  }
}

package cn.cpsx.portal.complaint;

import java.util.List;

/**
 * One case in a result list, masked as the index holds it.
 *
 * @param highlights narrative fragments, HTML-escaped with the matches in {@code <em>}
 */
public record CaseHit(
    String institution,
    String institutionName,
    String caseNo,
    String receivedAt,
    String businessCategory,
    String reason,
    String channel,
    String status,
    String narrative,
    List<String> highlights) {}

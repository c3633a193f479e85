package cn.cpsx.batch.indexing;

import java.util.Map;

/**
 * A search document with its deterministic id {@code {USCC}:{caseNo}} and its version: the receipt
 * sequence of the filing it came from, so the newest version wins in any order.
 */
public record CaseDocument(String id, long version, Map<String, Object> source) {}

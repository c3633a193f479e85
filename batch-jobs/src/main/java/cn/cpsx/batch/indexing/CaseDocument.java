package cn.cpsx.batch.indexing;

import cn.cpsx.search.document.CaseSearchDocument;

/**
 * A search document with its deterministic id {@code {USCC}:{caseNo}} and its version: the receipt
 * sequence of the filing it came from, so the newest version wins in any order.
 */
public record CaseDocument(String id, long version, CaseSearchDocument source) {}

package cn.cpsx.generator.faults;

import cn.cpsx.generator.filing.Channel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the filers hold: every receipt they were given (filing id → the cases it carried), and the
 * filings they gave up on. The checker compares this, the client's side, with the system of record.
 */
final class Ledger {

  /** A receipt in the filer's hands. */
  record Receipt(String filingId, String uscc, Channel channel, List<String> caseNos) {}

  private final Map<String, Receipt> receipts = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> givenUp = new ConcurrentLinkedQueue<>();
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> answers =
      new java.util.concurrent.ConcurrentSkipListMap<>();

  void receipt(String filingId, String uscc, Channel channel, List<String> caseNos) {
    receipts.putIfAbsent(filingId, new Receipt(filingId, uscc, channel, caseNos));
  }

  /** A filing never answered with a receipt (refused, or retried past the deadline). */
  void gaveUp(String what) {
    givenUp.add(what);
  }

  /** An answer other than a receipt (each retried or given up). */
  void answered(String what) {
    answers
        .computeIfAbsent(what, k -> new java.util.concurrent.atomic.AtomicInteger())
        .incrementAndGet();
  }

  /** Answers other than a receipt, by kind, so far. */
  Map<String, Integer> answers() {
    Map<String, Integer> copy = new java.util.TreeMap<>();
    answers.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  Map<String, Receipt> receipts() {
    return Map.copyOf(receipts);
  }

  List<String> givenUp() {
    return List.copyOf(givenUp);
  }

  int size() {
    return receipts.size();
  }
}

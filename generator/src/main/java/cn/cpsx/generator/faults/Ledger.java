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

  void receipt(String filingId, String uscc, Channel channel, List<String> caseNos) {
    receipts.putIfAbsent(filingId, new Receipt(filingId, uscc, channel, caseNos));
  }

  /** A filing never answered with a receipt (refused, or retried past the deadline). */
  void gaveUp(String what) {
    givenUp.add(what);
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

package cn.cpsx.schemas;

import java.time.Instant;
import java.util.Optional;

/**
 * What the rules need to know about earlier filings (F009, S003). The regulator's batch job answers
 * from its database; tests and institutions' own tools may answer from memory.
 */
public interface FilingHistory {

  /** The accepted live filing that currently counts for the period, if any (F009). */
  Optional<String> currentFiling(String uscc, String filingType, String period);

  /** Accepted live CASES records of the institution whose receivedAt lies in [from, to) (S003). */
  long casesReceivedBetween(String uscc, Instant from, Instant to);

  /** No earlier filings at all. */
  static FilingHistory none() {
    return new FilingHistory() {
      @Override
      public Optional<String> currentFiling(String uscc, String filingType, String period) {
        return Optional.empty();
      }

      @Override
      public long casesReceivedBetween(String uscc, Instant from, Instant to) {
        return 0;
      }
    };
  }
}

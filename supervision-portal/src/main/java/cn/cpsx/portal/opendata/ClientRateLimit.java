package cn.cpsx.portal.opendata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * A token bucket per client address (Bucket4j): {@code perMinute} requests, refilled greedily over
 * the minute, so a client that waits a second gets a request back rather than waiting for the
 * minute to turn. Bucket4j's local buckets are lock-free and exact under concurrent use, and
 * Caffeine's {@code get(key, loader)} makes one bucket per address even when its first requests
 * arrive together, so the limit holds however many threads serve one address.
 *
 * <p>The map is bounded: at most {@code trackedAddresses} entries, each forgotten two minutes after
 * its last request (by then its bucket is full again, so forgetting it changes nothing). A flood of
 * addresses evicts the least recently seen ones; the cost to memory stays fixed.
 */
public final class ClientRateLimit {

  private final int perMinute;
  private final Cache<String, Bucket> buckets;

  public ClientRateLimit(int perMinute, int trackedAddresses) {
    this.perMinute = perMinute;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(trackedAddresses)
            .expireAfterAccess(Duration.ofMinutes(2))
            .build();
  }

  /** What one request was told. */
  public record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}

  public Decision consume(String address) {
    Bucket bucket = buckets.get(address, a -> newBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return new Decision(true, probe.getRemainingTokens(), 0);
    }
    long nanos = probe.getNanosToWaitForRefill();
    long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    return new Decision(false, 0, seconds);
  }

  public int perMinute() {
    return perMinute;
  }

  /** Addresses currently remembered (approximate, for tests and metrics). */
  long trackedAddresses() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build())
        .build();
  }
}

package cn.cpsx.ingestion.filing;

import cn.cpsx.ingestion.IntakeError;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most {@link IntakeLimits#filingsPerMinute()} filings a minute per institution over REST and
 * SOAP: a Bucket4j token bucket per institution, refilled greedily (one filing back every 60/n
 * seconds), so a client that paces itself never meets the limit and one that floods is told when to
 * come back ({@code 429} and {@code Retry-After}) instead of slowing everyone else down. Only
 * authenticated institutions have buckets, so the map is bounded by the registry. SFTP files are
 * not limited here: its poller takes them at its own pace, and a waiting file costs nothing.
 */
@Component
class IntakeRateLimit {

  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  IntakeRateLimit(IntakeLimits limits) {
    this.perMinute = limits.filingsPerMinute();
  }

  /** Takes one filing from the institution's allowance, or refuses it with when to try again. */
  void take(IncomingFiling filing) {
    if (filing.channel() == IncomingFiling.Channel.SFTP) {
      return;
    }
    ConsumptionProbe probe =
        buckets
            .computeIfAbsent(filing.institutionUscc(), uscc -> newBucket())
            .tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return;
    }
    long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    throw new FilingRejection(
        429,
        new IntakeError(
            null,
            "报送过于频繁：每个机构每分钟最多 %d 份，请 %d 秒后重试；本份未接收。".formatted(perMinute, seconds),
            "Too many filings: at most %d a minute per institution; try again in %d s. This filing was not received."
                .formatted(perMinute, seconds)),
        seconds);
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

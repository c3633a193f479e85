package cn.cpsx.portal.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientRateLimitTest {

  @Test
  void manyThreadsOnOneAddressNeverGetMoreThanTheAllowance() throws Exception {
    ClientRateLimit limit = new ClientRateLimit(100, 1_000);
    AtomicInteger allowed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 32; t++) {
      work.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                  if (limit.consume("203.0.113.7").allowed()) {
                    allowed.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    // 1,600 attempts within well under a second: the refill (100 a minute) adds at most one or two
    assertThat(allowed.get()).isBetween(100, 102);
  }

  @Test
  void overTheLimitTheAnswerSaysWhenToRetry() {
    ClientRateLimit limit = new ClientRateLimit(2, 10);
    assertThat(limit.consume("a").allowed()).isTrue();
    assertThat(limit.consume("a").remaining()).isZero();
    ClientRateLimit.Decision refused = limit.consume("a");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 30L);
    assertThat(limit.consume("b").allowed()).as("each address has its own bucket").isTrue();
  }

  @Test
  void aFloodOfAddressesCannotGrowTheMapPastItsBound() {
    ClientRateLimit limit = new ClientRateLimit(60, 1_000);
    for (int i = 0; i < 50_000; i++) {
      limit.consume("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
    }
    assertThat(limit.trackedAddresses()).isLessThanOrEqualTo(1_000);
  }
}

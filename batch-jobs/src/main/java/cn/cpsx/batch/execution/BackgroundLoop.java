package cn.cpsx.batch.execution;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task repeated on a daemon thread of its own, for a bean's {@code SmartLifecycle}: the lease
 * renewers of filings and job executions and the look for interrupted runs. Started and stopped
 * with the application context, so a stopped node renews nothing.
 */
public final class BackgroundLoop {

  private final String threadName;
  private ScheduledExecutorService executor;

  public BackgroundLoop(String threadName) {
    this.threadName = threadName;
  }

  /** Runs {@code task} after {@code firstDelay}, then {@code every} after each run ends. */
  public synchronized void start(Runnable task, Duration firstDelay, Duration every) {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name(threadName).daemon().factory());
    executor.scheduleWithFixedDelay(
        task, firstDelay.toMillis(), Math.max(1, every.toMillis()), TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  public synchronized boolean isRunning() {
    return executor != null;
  }
}

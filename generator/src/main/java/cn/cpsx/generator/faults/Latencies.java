package cn.cpsx.generator.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Every attempt of every operation (a REST filing, a search…): its time and whether it worked. */
final class Latencies {

  /** One operation's figures over a window. */
  record Figures(String operation, int attempts, int errors, long p50Ms, long p99Ms, long maxMs) {

    double errorRate() {
      return attempts == 0 ? 0 : (double) errors / attempts;
    }
  }

  private final Map<String, List<long[]>> byOperation = new ConcurrentHashMap<>();

  void record(String operation, long millis, boolean ok) {
    List<long[]> list = byOperation.computeIfAbsent(operation, o -> new ArrayList<>());
    synchronized (list) {
      list.add(new long[] {System.currentTimeMillis(), millis, ok ? 1 : 0});
    }
  }

  /** Figures of the attempts that ended at or after {@code sinceEpochMs}. */
  Map<String, Figures> since(long sinceEpochMs) {
    Map<String, Figures> figures = new TreeMap<>();
    byOperation.forEach(
        (operation, list) -> {
          List<Long> times = new ArrayList<>();
          int errors = 0;
          synchronized (list) {
            for (long[] a : list) {
              if (a[0] >= sinceEpochMs) {
                times.add(a[1]);
                errors += a[2] == 1 ? 0 : 1;
              }
            }
          }
          times.sort(null);
          figures.put(
              operation,
              new Figures(
                  operation,
                  times.size(),
                  errors,
                  percentile(times, 0.50),
                  percentile(times, 0.99),
                  times.isEmpty() ? 0 : times.getLast()));
        });
    return figures;
  }

  /** Nearest-rank percentile of sorted values; 0 for none. */
  static long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}

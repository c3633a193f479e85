package cn.cpsx.batch.hotspot;

/**
 * When a week's complaint count of one institution × business category is a hot spot.
 *
 * <p>Complaints arrive as independent events, so a pair's weekly count behaves like a Poisson count
 * whose variance equals its mean. Against the pair's own baseline λ (mean of the 8 weeks before),
 * the week's count x scores {@code (x − λ) / √max(λ, 1)}; a score of {@value #MIN_SCORE} or more
 * happens by chance about once in a thousand pair-weeks. A jump must also reach {@value #MIN_COUNT}
 * cases and at least double the baseline, so that small pairs (1 → 4) and large ones with a modest
 * rise do not flood the analysts. Each institution is its own baseline, so a big bank's normal
 * volume is not a hot spot and a small platform's sudden one is.
 */
public record HotSpotRule(int week, double baseline) {

  public static final int BASELINE_WEEKS = 8;
  public static final double MIN_SCORE = 3.0;
  public static final int MIN_COUNT = 10;
  public static final double MIN_RATIO = 2.0;

  /** From the week's count and the total of the {@link #BASELINE_WEEKS} weeks before it. */
  public static HotSpotRule of(int weekCount, int baselineTotal) {
    return new HotSpotRule(weekCount, (double) baselineTotal / BASELINE_WEEKS);
  }

  public double score() {
    return (week - baseline) / Math.sqrt(Math.max(baseline, 1.0));
  }

  public boolean isHotSpot() {
    return week >= MIN_COUNT && week >= MIN_RATIO * baseline && score() >= MIN_SCORE;
  }
}

package cn.cpsx.schemas.rating;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact non-negative fraction. Shares, {@code per10k} and percentile ranks are kept exact (§10
 * "Rounding": computed from the counts, never from rounded figures); only points are rounded, once.
 */
public record Ratio(BigInteger numerator, BigInteger denominator) implements Comparable<Ratio> {

  /** Decimals with which shares, {@code per10k} and ranks are published (§10: at least 4). */
  public static final int PUBLISHED_SCALE = 10;

  public Ratio {
    if (denominator.signum() <= 0 || numerator.signum() < 0) {
      throw new IllegalArgumentException(numerator + "/" + denominator);
    }
  }

  public static Ratio of(long numerator, long denominator) {
    return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  /** {@code numerator / denominator}, or null for an empty denominator (§10). */
  public static Ratio orNull(long numerator, long denominator) {
    return denominator == 0 ? null : of(numerator, denominator);
  }

  /** {@code max × this}, rounded half-up to 2 decimals: a factor's points. */
  public BigDecimal times(int max) {
    return new BigDecimal(numerator.multiply(BigInteger.valueOf(max)))
        .divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP);
  }

  /** {@code max × (1 − this)}, rounded half-up to 2 decimals: points where lower is better. */
  public BigDecimal complementTimes(int max) {
    return new Ratio(denominator.subtract(numerator), denominator).times(max);
  }

  /** The published figure: half-up to {@link #PUBLISHED_SCALE} decimals. */
  public BigDecimal published() {
    return new BigDecimal(numerator)
        .divide(new BigDecimal(denominator), PUBLISHED_SCALE, RoundingMode.HALF_UP);
  }

  @Override
  public int compareTo(Ratio other) {
    return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
  }

  /** Equal values, whatever the spelling (2/4 and 1/2). */
  public boolean sameValueAs(Ratio other) {
    return compareTo(other) == 0;
  }
}

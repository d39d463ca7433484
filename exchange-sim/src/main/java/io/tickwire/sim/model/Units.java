package io.tickwire.sim.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point decimals: a price or quantity is a {@code long} count of units of {@code
 * 10^-decimals}. The model never uses floating point for prices or quantities, so every string it
 * writes adds up exactly (book levels, trade quantities, candle volumes).
 */
public final class Units {

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private Units() {}

  public static long pow10(int n) {
    return POW10[n];
  }

  /**
   * Renders {@code units * 10^-decimals} with exactly {@code outDecimals} decimals ({@code
   * outDecimals >= decimals}); {@code outDecimals == 0} gives no decimal point.
   */
  public static String format(long units, int decimals, int outDecimals) {
    StringBuilder b = new StringBuilder(24);
    append(b, units, decimals, outDecimals);
    return b.toString();
  }

  public static void append(StringBuilder b, long units, int decimals, int outDecimals) {
    if (outDecimals < decimals) {
      throw new IllegalArgumentException(
          "cannot show " + decimals + " decimals with " + outDecimals);
    }
    if (units < 0) {
      b.append('-');
      units = -units;
    }
    long scale = POW10[decimals];
    b.append(units / scale);
    if (outDecimals == 0) {
      return;
    }
    b.append('.');
    long frac = units % scale;
    String digits = decimals == 0 ? "" : Long.toString(frac);
    for (int i = digits.length(); i < decimals; i++) {
      b.append('0');
    }
    b.append(digits);
    for (int i = decimals; i < outDecimals; i++) {
      b.append('0');
    }
  }

  /**
   * The shortest plain rendering ({@code 100473000}, {@code 0.0309}): how Upbit-style numbers look.
   */
  public static String plain(long units, int decimals) {
    return toDecimal(units, decimals).stripTrailingZeros().toPlainString();
  }

  public static BigDecimal toDecimal(long units, int decimals) {
    return BigDecimal.valueOf(units, decimals);
  }

  /**
   * Parses an exact decimal into units.
   *
   * @throws IllegalArgumentException when the value has more decimals than the units hold
   */
  public static long parse(String value, int decimals) {
    return parse(new BigDecimal(value.trim()), decimals);
  }

  public static long parse(BigDecimal value, int decimals) {
    try {
      return value.setScale(decimals, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          value.toPlainString() + " has more than " + decimals + " decimals", e);
    }
  }

  /**
   * Number of decimals a step such as {@code 0.001} or {@code 1000} needs (0 for whole numbers).
   */
  public static int decimalsOf(BigDecimal step) {
    return Math.max(0, step.stripTrailingZeros().scale());
  }
}

package io.tickwire.jobs;

import java.math.BigDecimal;

/** How the jobs write the decimals they compute. */
public final class Decimals {

  private Decimals() {}

  /** Plain notation without trailing zeros: {@code 100.1}, {@code 100}, never {@code 1E+2}. */
  public static String plain(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }
}

package io.tickwire.connector.upbit;

import java.math.BigDecimal;

/**
 * Upbit sends prices and volumes as JSON numbers (doubles such as {@code 2.2855E7}). The contract
 * wants decimal strings exactly as the venue sent them, so the number's own text is kept and only
 * rewritten without exponent ({@code BigDecimal(text).toPlainString()}): never through a double, so
 * nothing is rounded.
 */
final class UpbitDecimals {

  private UpbitDecimals() {}

  /**
   * The plain decimal form of a number's text.
   *
   * @throws IllegalArgumentException naming the field when it is missing or not a number
   */
  static String plain(String field, String text) {
    if (text == null) {
      throw new IllegalArgumentException("missing number '" + field + "'");
    }
    if (alreadyPlain(text)) {
      return text;
    }
    try {
      return new BigDecimal(text).toPlainString();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + field + "' is not a number: " + text);
    }
  }

  /** Like {@link #plain} for a field the venue may leave out. */
  static String plainOrNull(String field, String text) {
    return text == null ? null : plain(field, text);
  }

  /**
   * True for unsigned digits with an optional fraction and no superfluous leading zero: the text
   * BigDecimal would give back unchanged, so the common case allocates nothing.
   */
  static boolean alreadyPlain(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == 0 || (i > 1 && s.charAt(0) == '0')) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (s.charAt(i) != '.' || i == n - 1) {
      return false;
    }
    for (int j = i + 1; j < n; j++) {
      if (!Character.isDigit(s.charAt(j))) {
        return false;
      }
    }
    return true;
  }

  /** A rate (0.0123) as a percentage (1.23), exactly. */
  static String percent(String field, String rate) {
    return new BigDecimal(plain(field, rate)).movePointRight(2).toPlainString();
  }
}

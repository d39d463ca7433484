package io.tickwire.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One tradable instrument on one venue. The canonical symbol is {@code BASE-QUOTE} upper case on
 * every venue; the native symbol is what the venue itself calls it ({@code BTCUSDT}, {@code
 * KRW-BTC}). {@link #key()} is the Kafka key of every normalized market topic, so all events of one
 * instrument stay ordered in one partition.
 */
public record Instrument(String venue, String symbol, String nativeSymbol) {

  private static final Pattern CANONICAL = Pattern.compile("[A-Z0-9]+-[A-Z0-9]+");

  public Instrument {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(nativeSymbol, "nativeSymbol");
    requireCanonical(symbol);
  }

  /** The Kafka key: {@code <venue>:<SYMBOL>}, e.g. {@code binance-spot:BTC-USDT}. */
  public String key() {
    return key(venue, symbol);
  }

  public static String key(String venue, String symbol) {
    return venue + ':' + symbol;
  }

  public static String requireCanonical(String symbol) {
    if (symbol == null || !CANONICAL.matcher(symbol).matches()) {
      throw new IllegalArgumentException(
          "symbol '"
              + symbol
              + "' is not canonical, expected BASE-QUOTE upper case such as BTC-USDT");
    }
    return symbol;
  }

  public String base() {
    return symbol.substring(0, symbol.indexOf('-'));
  }

  public String quote() {
    return symbol.substring(symbol.indexOf('-') + 1);
  }
}

package io.tickwire.sim;

import io.tickwire.model.BinanceSymbols;
import io.tickwire.model.Venue;
import io.tickwire.sim.model.Units;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One simulated instrument: where it trades, its native symbol ({@code BTCUSDT}, {@code KRW-BTC}),
 * base and quote assets, the price it starts at, and its tick and lot sizes (as the venue's
 * exchangeInfo filters would state them).
 *
 * @param venue the venue it trades on
 * @param symbol the native symbol in upper case
 * @param base base asset ({@code BTC})
 * @param quote quote asset ({@code USDT}, {@code KRW})
 * @param initialPrice the starting price, a decimal string
 * @param tickSize the price step ({@code 0.01}; Upbit KRW steps may be {@code 1000} or {@code 50})
 * @param stepSize the quantity step ({@code 0.00001})
 */
public record InstrumentSpec(
    Venue venue,
    String symbol,
    String base,
    String quote,
    String initialPrice,
    String tickSize,
    String stepSize) {

  public InstrumentSpec {
    Objects.requireNonNull(venue, "venue");
    symbol = symbol.toUpperCase(Locale.ROOT);
    base = base.toUpperCase(Locale.ROOT);
    quote = quote.toUpperCase(Locale.ROOT);
    BigDecimal tick = positive(tickSize, "tickSize");
    BigDecimal step = positive(stepSize, "stepSize");
    BigDecimal price = positive(initialPrice, "initialPrice");
    if (price.remainder(tick).signum() != 0) {
      throw new IllegalArgumentException(
          symbol + ": initialPrice " + initialPrice + " is not a multiple of tickSize " + tickSize);
    }
    if (step.scale() > 12 || tick.scale() > 12) {
      throw new IllegalArgumentException(symbol + ": at most 12 decimals for tick and step sizes");
    }
    String expected = venue == Venue.UPBIT ? quote + "-" + base : base + quote;
    if (!symbol.equals(expected)) {
      throw new IllegalArgumentException(
          "symbol "
              + symbol
              + " does not match base "
              + base
              + " and quote "
              + quote
              + " on "
              + venue
              + " (expected "
              + expected
              + ")");
    }
  }

  private static BigDecimal positive(String value, String name) {
    BigDecimal d;
    try {
      d = new BigDecimal(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not a decimal number");
    }
    if (d.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return d;
  }

  /** A Binance spot or USD-M instrument; base and quote are split off the symbol by its quote. */
  public static InstrumentSpec binance(
      Venue venue, String symbol, String initialPrice, String tickSize, String stepSize) {
    String canonical = BinanceSymbols.withDefaultQuotes().toCanonical(symbol);
    int dash = canonical.indexOf('-');
    return new InstrumentSpec(
        venue,
        symbol,
        canonical.substring(0, dash),
        canonical.substring(dash + 1),
        initialPrice,
        tickSize,
        stepSize);
  }

  /** An Upbit market such as {@code KRW-BTC} (quote first). */
  public static InstrumentSpec upbit(
      String market, String initialPrice, String tickSize, String stepSize) {
    int dash = market.indexOf('-');
    if (dash <= 0) {
      throw new IllegalArgumentException("Upbit market '" + market + "' is not like KRW-BTC");
    }
    return new InstrumentSpec(
        Venue.UPBIT,
        market,
        market.substring(dash + 1),
        market.substring(0, dash),
        initialPrice,
        tickSize,
        stepSize);
  }

  /** Decimals of one price unit: prices are held as whole units of {@code 10^-priceDecimals}. */
  public int priceDecimals() {
    return Units.decimalsOf(new BigDecimal(tickSize));
  }

  /** The tick size in price units ({@code 1} for 0.01 at 2 decimals, {@code 50} for 50 KRW). */
  public long tickUnits() {
    return Units.parse(tickSize, priceDecimals());
  }

  public int qtyDecimals() {
    return Units.decimalsOf(new BigDecimal(stepSize));
  }

  public long stepUnits() {
    return Units.parse(stepSize, qtyDecimals());
  }

  public long initialPriceUnits() {
    return Units.parse(initialPrice, priceDecimals());
  }

  /** {@code binance-spot:BTCUSDT}: the instrument's key inside the simulator. */
  public String key() {
    return venue.id() + ":" + symbol;
  }
}

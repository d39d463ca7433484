package io.tickwire.sim.binance;

import io.tickwire.model.Venue;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.model.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How one instrument's numbers are written: spot pads prices and quantities to 8 decimals ({@code
 * "25.35190000"}), USD-M writes them at the symbol's own precision ({@code "64123.10"}).
 */
final class BinanceFormat {

  private final int pd;
  private final int qd;
  private final int priceOut;
  private final int qtyOut;

  BinanceFormat(SimInstrument instrument) {
    this.pd = instrument.priceDecimals();
    this.qd = instrument.qtyDecimals();
    boolean spot = instrument.venue() == Venue.BINANCE_SPOT;
    this.priceOut = spot ? 8 : pd;
    this.qtyOut = spot ? 8 : qd;
  }

  String price(long units) {
    return Units.format(units, pd, priceOut);
  }

  String qty(long units) {
    return Units.format(units, qd, qtyOut);
  }

  /** A quote-asset amount: 8 decimals on spot, the exact value on USD-M. */
  String quote(BigDecimal value) {
    return priceOut == 8
        ? value.setScale(8, RoundingMode.DOWN).toPlainString()
        : value.toPlainString();
  }

  /** Units of 10^-8 as 8 decimals. */
  static String scaled8(long value) {
    return Units.format(value, 8, 8);
  }

  /** Percent change from {@code from} to {@code to}, 3 decimals. */
  static String percent(long from, long to) {
    if (from == 0) {
      return "0.000";
    }
    return BigDecimal.valueOf(to - from)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(from), 3, RoundingMode.HALF_UP)
        .toPlainString();
  }

  /** Signed price difference at the instrument's precision. */
  String change(long from, long to) {
    return Units.format(to - from, pd, priceOut);
  }

  /** Volume-weighted average price, or the last price when nothing traded. */
  String weightedAverage(BigDecimal quote, long volume, long last) {
    if (volume == 0) {
      return price(last);
    }
    return quote
        .divide(Units.toDecimal(volume, qd), priceOut, RoundingMode.HALF_UP)
        .toPlainString();
  }
}

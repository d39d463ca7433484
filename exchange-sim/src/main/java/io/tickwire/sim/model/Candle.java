package io.tickwire.sim.model;

import java.math.BigDecimal;

/**
 * One candle under construction or closed. Mutable and owned by the market thread; publishers copy
 * what they render on that thread.
 */
public final class Candle {

  public final Interval interval;
  public final long openTime;

  /** Last millisecond of the candle ({@code T} in Binance klines). */
  public final long closeTime;

  public long open;
  public long high;
  public long low;
  public long close;

  /** Base volume in quantity units. */
  public long volume;

  public BigDecimal quoteVolume = BigDecimal.ZERO;
  public long takerBuyVolume;
  public BigDecimal takerBuyQuote = BigDecimal.ZERO;
  public long firstTradeId = -1;
  public long lastTradeId = -1;
  public long trades;

  /** Time of the last trade in the candle, or the open time when it has none. */
  public long lastTradeTime;

  public boolean closed;

  /** Whether a trade changed it since it was last pushed (Upbit pushes only changed candles). */
  public boolean dirty;

  Candle(Interval interval, long openTime, long previousClose) {
    this.interval = interval;
    this.openTime = openTime;
    this.closeTime = interval.nextOpen(openTime) - 1;
    this.open = previousClose;
    this.high = previousClose;
    this.low = previousClose;
    this.close = previousClose;
    this.lastTradeTime = openTime;
  }

  void add(Fill fill, long firstId, long lastId, int count) {
    if (trades == 0) {
      open = fill.price();
      high = fill.price();
      low = fill.price();
      firstTradeId = firstId;
    }
    high = Math.max(high, fill.price());
    low = Math.min(low, fill.price());
    close = fill.price();
    volume += fill.qty();
    quoteVolume = quoteVolume.add(fill.quote());
    if (!fill.buyerMaker()) {
      takerBuyVolume += fill.qty();
      takerBuyQuote = takerBuyQuote.add(fill.quote());
    }
    lastTradeId = lastId;
    trades += count;
    lastTradeTime = fill.time();
    dirty = true;
  }
}

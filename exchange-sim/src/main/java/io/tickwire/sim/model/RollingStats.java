package io.tickwire.sim.model;

import java.math.BigDecimal;
import java.util.ArrayDeque;

/**
 * 24-hour rolling trade statistics, kept in one-minute buckets (Binance computes its rolling window
 * tickers at about that granularity too). Only buckets with trades are held.
 */
public final class RollingStats {

  private static final class Bucket {
    final long minute;
    long open;
    long high;
    long low;
    long close;
    long volume;
    BigDecimal quote = BigDecimal.ZERO;
    long count;
    long firstId;
    long lastId;

    Bucket(long minute) {
      this.minute = minute;
    }
  }

  /** A computed window. Prices in price units, volume in quantity units; ids -1 when empty. */
  public record Window(
      long openTime,
      long closeTime,
      long open,
      long high,
      long low,
      long last,
      long volume,
      BigDecimal quote,
      long count,
      long firstId,
      long lastId,
      long priceBefore) {}

  private final long windowMillis;
  private final ArrayDeque<Bucket> buckets = new ArrayDeque<>();

  /** Price of the last trade that left the window (Binance {@code x}); the start price before. */
  private long priceBefore;

  private long lastPrice;

  public RollingStats(long windowMillis, long initialPrice) {
    this.windowMillis = windowMillis;
    this.priceBefore = initialPrice;
    this.lastPrice = initialPrice;
  }

  void add(Fill fill, long firstId, long lastId, int count) {
    long minute = Math.floorDiv(fill.time(), Interval.MINUTE);
    Bucket b = buckets.peekLast();
    if (b == null || b.minute != minute) {
      b = new Bucket(minute);
      b.open = fill.price();
      b.high = fill.price();
      b.low = fill.price();
      b.firstId = firstId;
      buckets.addLast(b);
    }
    b.high = Math.max(b.high, fill.price());
    b.low = Math.min(b.low, fill.price());
    b.close = fill.price();
    b.volume += fill.qty();
    b.quote = b.quote.add(fill.quote());
    b.count += count;
    b.lastId = lastId;
    lastPrice = fill.price();
  }

  /** The window ending at {@code now}. */
  public Window window(long now) {
    long startMinute = Math.floorDiv(now - windowMillis, Interval.MINUTE);
    while (!buckets.isEmpty() && buckets.peekFirst().minute <= startMinute) {
      priceBefore = buckets.removeFirst().close;
    }
    if (buckets.isEmpty()) {
      return new Window(
          now - windowMillis,
          now,
          lastPrice,
          lastPrice,
          lastPrice,
          lastPrice,
          0,
          BigDecimal.ZERO,
          0,
          -1,
          -1,
          priceBefore);
    }
    long high = Long.MIN_VALUE;
    long low = Long.MAX_VALUE;
    long volume = 0;
    long count = 0;
    BigDecimal quote = BigDecimal.ZERO;
    for (Bucket b : buckets) {
      high = Math.max(high, b.high);
      low = Math.min(low, b.low);
      volume += b.volume;
      quote = quote.add(b.quote);
      count += b.count;
    }
    return new Window(
        now - windowMillis,
        now,
        buckets.peekFirst().open,
        high,
        low,
        lastPrice,
        volume,
        quote,
        count,
        buckets.peekFirst().firstId,
        buckets.peekLast().lastId,
        priceBefore);
  }
}

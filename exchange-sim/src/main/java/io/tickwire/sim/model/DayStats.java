package io.tickwire.sim.model;

import java.math.BigDecimal;

/**
 * Statistics of the current UTC day, as Upbit's ticker reports them (opening price, accumulated
 * volume and value, bid and ask volume, the previous day's close), plus the running 52-week
 * extremes (here: since the simulation started).
 */
public final class DayStats {

  public long day;
  public long open;
  public long high;
  public long low;
  public long prevClose;
  public long volume;
  public BigDecimal value = BigDecimal.ZERO;
  public long askVolume;
  public long bidVolume;
  public long highest;
  public long highestTime;
  public long lowest;
  public long lowestTime;
  public long last;

  DayStats(long time, long price) {
    day = Math.floorDiv(time, Interval.DAY);
    open = high = low = prevClose = last = price;
    highest = lowest = price;
    highestTime = lowestTime = time;
  }

  void add(Fill fill) {
    roll(fill.time());
    if (volume == 0) {
      open = high = low = fill.price();
    }
    high = Math.max(high, fill.price());
    low = Math.min(low, fill.price());
    last = fill.price();
    volume += fill.qty();
    value = value.add(fill.quote());
    if (fill.buyerMaker()) {
      askVolume += fill.qty();
    } else {
      bidVolume += fill.qty();
    }
    if (fill.price() > highest) {
      highest = fill.price();
      highestTime = fill.time();
    }
    if (fill.price() < lowest) {
      lowest = fill.price();
      lowestTime = fill.time();
    }
  }

  /** Starts a new day when {@code time} is past the current one. */
  void roll(long time) {
    long today = Math.floorDiv(time, Interval.DAY);
    if (today != day) {
      day = today;
      prevClose = last;
      open = high = low = last;
      volume = 0;
      value = BigDecimal.ZERO;
      askVolume = 0;
      bidVolume = 0;
    }
  }
}

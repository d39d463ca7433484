package io.tickwire.sim.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The candles of one instrument for one interval: the open candle, and the recently closed ones
 * (kept for REST kline queries).
 */
public final class CandleSeries {

  private final Interval interval;
  private final Deque<Candle> history = new ArrayDeque<>();
  private final int historySize;
  private Candle current;

  CandleSeries(Interval interval, long time, long price, int history) {
    this.interval = interval;
    this.historySize = history;
    this.current = new Candle(interval, interval.openTime(time), price);
  }

  public Interval interval() {
    return interval;
  }

  public Candle current() {
    return current;
  }

  /** Recently closed candles, oldest first. */
  public List<Candle> history() {
    return new ArrayList<>(history);
  }

  /**
   * Closes the current candle when {@code time} is past it and opens the next one (empty, at the
   * last close). Returns the candle just closed, or null.
   */
  Candle roll(long time) {
    if (time <= current.closeTime) {
      return null;
    }
    Candle closed = current;
    closed.closed = true;
    history.addLast(closed);
    if (history.size() > historySize) {
      history.removeFirst();
    }
    current = new Candle(interval, interval.openTime(time), closed.close);
    return closed;
  }

  void add(Fill fill, long firstId, long lastId, int count) {
    current.add(fill, firstId, lastId, count);
  }
}

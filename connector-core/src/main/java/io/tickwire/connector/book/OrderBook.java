package io.tickwire.connector.book;

import io.tickwire.model.BookEvent;
import io.tickwire.model.Level;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A local price-level order book: levels keyed by price (compared as decimals, so "0.10" and "0.1"
 * are one level) holding the venue's own strings, a quantity of zero removing the level. Not
 * thread-safe: its {@link SyncedBookHandler} serializes access.
 */
public final class OrderBook {

  private final NavigableMap<BigDecimal, Level> bids = new TreeMap<>(Collections.reverseOrder());
  private final NavigableMap<BigDecimal, Level> asks = new TreeMap<>();
  private long lastUpdateId;

  /** A book holding a snapshot's levels. */
  public static OrderBook of(BookEvent snapshot) {
    OrderBook book = new OrderBook();
    book.reset(snapshot.bids(), snapshot.asks(), snapshot.lastUpdateId());
    return book;
  }

  public void reset(List<Level> bidLevels, List<Level> askLevels, long updateId) {
    bids.clear();
    asks.clear();
    apply(bidLevels, askLevels, updateId);
  }

  /** Sets each level's quantity (removing zero quantities) and the last update id. */
  public void apply(List<Level> bidLevels, List<Level> askLevels, long updateId) {
    set(bids, bidLevels);
    set(asks, askLevels);
    lastUpdateId = updateId;
  }

  /** Applies a delta event's levels and takes its last update id. */
  public void apply(BookEvent delta) {
    apply(delta.bids(), delta.asks(), delta.lastUpdateId());
  }

  private static void set(Map<BigDecimal, Level> side, List<Level> levels) {
    for (Level level : levels) {
      BigDecimal price = new BigDecimal(level.price());
      if (new BigDecimal(level.quantity()).signum() == 0) {
        side.remove(price);
      } else {
        side.put(price, level);
      }
    }
  }

  public long lastUpdateId() {
    return lastUpdateId;
  }

  /** Best first. */
  public List<Level> bids(int max) {
    return top(bids, max);
  }

  /** Best first. */
  public List<Level> asks(int max) {
    return top(asks, max);
  }

  public List<Level> bids() {
    return List.copyOf(bids.values());
  }

  public List<Level> asks() {
    return List.copyOf(asks.values());
  }

  public int bidCount() {
    return bids.size();
  }

  public int askCount() {
    return asks.size();
  }

  private static List<Level> top(NavigableMap<BigDecimal, Level> side, int max) {
    List<Level> levels = new ArrayList<>(Math.min(max, side.size()));
    Iterator<Level> it = side.values().iterator();
    while (it.hasNext() && levels.size() < max) {
      levels.add(it.next());
    }
    return levels;
  }

  public OrderBook copy() {
    OrderBook copy = new OrderBook();
    copy.bids.putAll(bids);
    copy.asks.putAll(asks);
    copy.lastUpdateId = lastUpdateId;
    return copy;
  }

  /**
   * The first difference between the top {@code depth} levels of each side of the two books (prices
   * and quantities compared as decimals), or empty when they agree.
   */
  public Optional<String> firstDifference(OrderBook other, int depth) {
    Optional<String> bid = firstDifference("bid", bids, other.bids, depth);
    return bid.isPresent() ? bid : firstDifference("ask", asks, other.asks, depth);
  }

  private static Optional<String> firstDifference(
      String side,
      NavigableMap<BigDecimal, Level> mine,
      NavigableMap<BigDecimal, Level> theirs,
      int depth) {
    Iterator<Map.Entry<BigDecimal, Level>> a = mine.entrySet().iterator();
    Iterator<Map.Entry<BigDecimal, Level>> b = theirs.entrySet().iterator();
    for (int i = 0; i < depth; i++) {
      Map.Entry<BigDecimal, Level> x = a.hasNext() ? a.next() : null;
      Map.Entry<BigDecimal, Level> y = b.hasNext() ? b.next() : null;
      if (x == null && y == null) {
        return Optional.empty();
      }
      if (x == null || y == null || x.getKey().compareTo(y.getKey()) != 0) {
        return Optional.of(
            side + " level " + (i + 1) + ": local " + show(x) + ", venue " + show(y));
      }
      if (new BigDecimal(x.getValue().quantity()).compareTo(new BigDecimal(y.getValue().quantity()))
          != 0) {
        return Optional.of(
            side + " level " + (i + 1) + ": local " + show(x) + ", venue " + show(y));
      }
    }
    return Optional.empty();
  }

  private static String show(Map.Entry<BigDecimal, Level> e) {
    return e == null ? "none" : e.getValue().quantity() + " @ " + e.getValue().price();
  }
}

package io.tickwire.sim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Collects the levels that changed since the last diff-depth event of one cadence (100 ms, 250 ms,
 * ...). Every cadence has its own accumulator because each stream speed reports its own [U, u]
 * ranges and, on USD-M, its own {@code pu} chain.
 */
public final class DepthAccumulator {

  /** One diff event: first and last update id, the previous event's last id, changed levels. */
  public record Diff(
      long firstId,
      long lastId,
      long previousLastId,
      List<OrderBook.Level> bids,
      List<OrderBook.Level> asks) {}

  private final long cadence;
  private final TreeSet<Long> bids = new TreeSet<>(Collections.reverseOrder());
  private final TreeSet<Long> asks = new TreeSet<>();
  private long firstId;
  private long lastId;
  private long previousLastId;

  DepthAccumulator(long cadence, long currentUpdateId) {
    this.cadence = cadence;
    this.previousLastId = currentUpdateId;
  }

  public long cadence() {
    return cadence;
  }

  void changed(boolean bid, long price, long updateId) {
    if (firstId == 0) {
      firstId = updateId;
    }
    lastId = updateId;
    (bid ? bids : asks).add(price);
  }

  /** Whether {@code time} is one of this cadence's push instants. */
  public boolean due(long time, long stepMillis) {
    return Math.floorDiv(time, cadence) != Math.floorDiv(time - stepMillis, cadence);
  }

  /** The accumulated diff with current quantities, or null when nothing changed; then resets. */
  Diff take(OrderBook book) {
    if (firstId == 0) {
      return null;
    }
    List<OrderBook.Level> b = new ArrayList<>(bids.size());
    for (long p : bids) {
      b.add(new OrderBook.Level(p, book.qty(true, p)));
    }
    List<OrderBook.Level> a = new ArrayList<>(asks.size());
    for (long p : asks) {
      a.add(new OrderBook.Level(p, book.qty(false, p)));
    }
    Diff diff = new Diff(firstId, lastId, previousLastId, b, a);
    previousLastId = lastId;
    firstId = 0;
    bids.clear();
    asks.clear();
    return diff;
  }
}

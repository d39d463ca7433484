package io.tickwire.sim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One instrument's order book: price level to total quantity per side, with a strictly increasing
 * update id bumped by every level change. Depth accumulators observe each change so diff-depth
 * events carry exactly the levels that changed between two update ids, which is what makes a REST
 * snapshot agree with the deltas around it.
 */
public final class OrderBook {

  /** A price level: price and quantity units. */
  public record Level(long price, long qty) {}

  private final TreeMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
  private final TreeMap<Long, Long> asks = new TreeMap<>();
  private final List<DepthAccumulator> accumulators = new ArrayList<>();
  private long updateId;
  private long skipNext;

  OrderBook(long firstUpdateId) {
    this.updateId = firstUpdateId;
  }

  DepthAccumulator accumulator(long cadenceMillis) {
    DepthAccumulator a = new DepthAccumulator(cadenceMillis, updateId);
    accumulators.add(a);
    return a;
  }

  /** Sets a level's quantity ({@code 0} removes it) and returns the update id of the change. */
  long set(boolean bid, long price, long qty) {
    updateId += 1 + skipNext;
    skipNext = 0;
    TreeMap<Long, Long> side = bid ? bids : asks;
    if (qty == 0) {
      side.remove(price);
    } else {
      side.put(price, qty);
    }
    for (DepthAccumulator a : accumulators) {
      a.changed(bid, price, updateId);
    }
    return updateId;
  }

  /** Makes the next change jump {@code count} update ids (the venue skipped them). */
  void skipIds(long count) {
    skipNext += count;
  }

  public long updateId() {
    return updateId;
  }

  public long qty(boolean bid, long price) {
    return (bid ? bids : asks).getOrDefault(price, 0L);
  }

  /** Best price of a side, or {@code null} when it is empty. */
  public Long best(boolean bid) {
    TreeMap<Long, Long> side = bid ? bids : asks;
    return side.isEmpty() ? null : side.firstKey();
  }

  public int size(boolean bid) {
    return (bid ? bids : asks).size();
  }

  /** The side in book order (bids high to low, asks low to high); read-only. */
  public NavigableMap<Long, Long> side(boolean bid) {
    return Collections.unmodifiableNavigableMap(bid ? bids : asks);
  }

  /** The best {@code n} levels of a side, best first. */
  public List<Level> top(boolean bid, int n) {
    List<Level> out = new ArrayList<>(Math.min(n, size(bid)));
    for (Map.Entry<Long, Long> e : (bid ? bids : asks).entrySet()) {
      if (out.size() == n) {
        break;
      }
      out.add(new Level(e.getKey(), e.getValue()));
    }
    return out;
  }
}

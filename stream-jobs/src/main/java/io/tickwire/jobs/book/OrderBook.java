package io.tickwire.jobs.book;

import static io.tickwire.jobs.Decimals.plain;

import io.tickwire.model.BookEvent;
import io.tickwire.model.BookTop;
import io.tickwire.model.Level;
import io.tickwire.model.StatusMarker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * One instrument's book as book-aggregator keeps it, with the rules that keep it honest.
 *
 * <p>A snapshot replaces the book. A delta is applied only if it continues the update-id chain:
 * Binance spot's rule ({@code u <= id}: old, ignored; {@code U > id + 1}: a gap), or, for futures
 * deltas carrying {@code pu}, the first delta after a snapshot must straddle it ({@code U <= id <=
 * u}, or start right after it: {@code pu == id}) and every later one must have {@code pu} equal to
 * the previous {@code u}. A gap, or a connector's gap marker raised after the current snapshot was
 * taken, breaks the book: its levels are dropped and it stays broken, saying why, until the next
 * snapshot. Deltas before any snapshot leave it broken likewise.
 */
final class OrderBook {

  enum Outcome {
    APPLIED,
    IGNORED,
    BROKE
  }

  static final String NO_SNAPSHOT = "no snapshot yet; waiting for one";
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

  private final String venue;
  private final String symbol;
  private final String nativeSymbol;
  private final NavigableMap<BigDecimal, Level> bids = new TreeMap<>(Comparator.reverseOrder());
  private final NavigableMap<BigDecimal, Level> asks = new TreeMap<>();
  private boolean broken = true;
  private String reason = NO_SNAPSHOT;
  private long updateId;
  private boolean afterSnapshot;
  private long snapshotReceivedAt;
  private long sourceTime;
  private boolean unpublished = true;
  private final List<Change> changes = new ArrayList<>();

  OrderBook(String venue, String symbol, String nativeSymbol) {
    this.venue = venue;
    this.symbol = symbol;
    this.nativeSymbol = nativeSymbol;
  }

  /** Applies a snapshot or delta whose levels were parsed (and so validated) beforehand. */
  Outcome apply(BookEvent event, List<PriceLevel> newBids, List<PriceLevel> newAsks) {
    Outcome outcome =
        event.kind() == BookEvent.Kind.SNAPSHOT
            ? applySnapshot(event, newBids, newAsks)
            : applyDelta(event, newBids, newAsks);
    if (outcome != Outcome.IGNORED) {
      unpublished = true;
    }
    return outcome;
  }

  private Outcome applySnapshot(
      BookEvent event, List<PriceLevel> newBids, List<PriceLevel> newAsks) {
    if (!broken && event.lastUpdateId() < updateId) {
      return Outcome.IGNORED; // older than the book: a replay or a late copy
    }
    replace(true, newBids);
    replace(false, newAsks);
    broken = false;
    reason = null;
    updateId = event.lastUpdateId();
    afterSnapshot = true;
    snapshotReceivedAt = event.receivedAt();
    sourceTime = sourceTime(event);
    return Outcome.APPLIED;
  }

  private Outcome applyDelta(BookEvent event, List<PriceLevel> newBids, List<PriceLevel> newAsks) {
    if (broken) {
      return Outcome.IGNORED;
    }
    long first = event.firstUpdateId() == null ? event.lastUpdateId() : event.firstUpdateId();
    long last = event.lastUpdateId();
    Long previous = event.prevUpdateId();
    if (previous == null) {
      if (last <= updateId) {
        return Outcome.IGNORED;
      }
      if (first > updateId + 1) {
        return breakOnGap(
            "update-id gap: expected an update starting at or before "
                + (updateId + 1)
                + ", got "
                + first
                + "-"
                + last);
      }
    } else if (afterSnapshot) {
      if (last < updateId) {
        return Outcome.IGNORED;
      }
      if (first > updateId && previous != updateId) {
        return breakOnGap(
            "update-id gap: the first update after snapshot "
                + updateId
                + " must span it or follow it, got "
                + first
                + "-"
                + last
                + " (pu "
                + previous
                + ")");
      }
    } else {
      if (last <= updateId) {
        return Outcome.IGNORED;
      }
      if (previous != updateId) {
        return breakOnGap(
            "update-id gap: expected pu "
                + updateId
                + ", got pu "
                + previous
                + " (u "
                + last
                + ")");
      }
    }
    set(true, newBids);
    set(false, newAsks);
    updateId = last;
    afterSnapshot = false;
    sourceTime = Math.max(sourceTime, sourceTime(event));
    return Outcome.APPLIED;
  }

  /**
   * A connector's gap or dropped marker breaks the book unless the book's snapshot was received
   * after the marker was raised: markers and book events travel on different topics, so a resync
   * snapshot may be processed before the marker that announced it.
   */
  boolean breakOn(StatusMarker marker) {
    if (broken || snapshotReceivedAt > marker.time() * 1000) {
      return false;
    }
    breakOnGap(
        (marker.status() == StatusMarker.Status.DROPPED
                ? "the connector dropped events"
                : "gap detected by the connector")
            + (marker.detail() == null ? "" : " (" + marker.detail() + ")"));
    unpublished = true;
    return true;
  }

  /**
   * An event that had to be dropped (it could not be read) is a hole in the chain if it was a delta
   * the book still needed; a dropped snapshot changes nothing the deltas cannot continue.
   */
  boolean skip(BookEvent event, String why) {
    if (broken || event.kind() != BookEvent.Kind.DELTA || event.lastUpdateId() <= updateId) {
      return false;
    }
    breakOnGap("update " + event.lastUpdateId() + " could not be applied (" + why + ")");
    unpublished = true;
    return true;
  }

  private Outcome breakOnGap(String why) {
    broken = true;
    reason = why + "; waiting for a snapshot";
    replace(true, List.of());
    replace(false, List.of());
    return Outcome.BROKE;
  }

  private void set(boolean bid, List<PriceLevel> levels) {
    NavigableMap<BigDecimal, Level> side = bid ? bids : asks;
    for (PriceLevel level : levels) {
      if (level.quantity().signum() == 0) {
        if (side.remove(level.price()) != null) {
          changes.add(new Change(bid, level.price(), null));
        }
      } else {
        side.put(level.price(), level.level());
        changes.add(new Change(bid, level.price(), level.level()));
      }
    }
  }

  /** A whole side anew: what the new levels do not set again is removed. */
  private void replace(boolean bid, List<PriceLevel> levels) {
    NavigableMap<BigDecimal, Level> side = bid ? bids : asks;
    Set<BigDecimal> kept = new HashSet<>();
    for (PriceLevel level : levels) {
      if (level.quantity().signum() != 0) {
        kept.add(level.price());
      }
    }
    for (Iterator<BigDecimal> prices = side.keySet().iterator(); prices.hasNext(); ) {
      BigDecimal price = prices.next();
      if (!kept.contains(price)) {
        prices.remove();
        changes.add(new Change(bid, price, null));
      }
    }
    set(bid, levels);
  }

  /**
   * The levels written ({@code level} set) or removed ({@code level} null) since the last call, in
   * order, so the store can follow the book level by level instead of rewriting all of it.
   */
  List<Change> drainChanges() {
    if (changes.isEmpty()) {
      return List.of();
    }
    List<Change> drained = List.copyOf(changes);
    changes.clear();
    return drained;
  }

  /** One level of one side, as changed by an event. */
  record Change(boolean bid, BigDecimal price, Level level) {}

  private static long sourceTime(BookEvent event) {
    if (event.eventTime() != null) {
      return event.eventTime();
    }
    if (event.transactionTime() != null) {
      return event.transactionTime();
    }
    return event.receivedAt() / 1000; // REST and partial-depth snapshots carry no venue time
  }

  /** Whether something changed since {@link #published()} was last called. */
  boolean unpublished() {
    return unpublished;
  }

  void published() {
    unpublished = false;
  }

  /** The aggregated view at {@code time}: top {@code depth} levels and the derived figures. */
  BookTop top(int depth, List<Integer> bandsBps, long time) {
    if (broken) {
      return new BookTop(
          venue,
          symbol,
          nativeSymbol,
          BookTop.Status.BROKEN,
          depth,
          List.of(),
          List.of(),
          null,
          null,
          null,
          null,
          null,
          null,
          List.of(),
          updateId,
          sourceTime,
          time,
          reason);
    }
    List<Level> topBids = first(bids, depth);
    List<Level> topAsks = first(asks, depth);
    String bestBid = topBids.isEmpty() ? null : topBids.get(0).price();
    String bestAsk = topAsks.isEmpty() ? null : topAsks.get(0).price();
    String mid = null;
    String spread = null;
    String spreadBps = null;
    List<BookTop.DepthBand> bands = List.of();
    if (bestBid != null && bestAsk != null) {
      BigDecimal bid = bids.firstKey();
      BigDecimal ask = asks.firstKey();
      BigDecimal midValue = bid.add(ask).divide(TWO);
      BigDecimal spreadValue = ask.subtract(bid);
      mid = plain(midValue);
      spread = plain(spreadValue);
      spreadBps = plain(spreadValue.multiply(BPS).divide(midValue, 4, RoundingMode.HALF_EVEN));
      bands = bands(midValue, bandsBps);
    }
    return new BookTop(
        venue,
        symbol,
        nativeSymbol,
        BookTop.Status.OK,
        depth,
        topBids,
        topAsks,
        bestBid,
        bestAsk,
        mid,
        spread,
        spreadBps,
        imbalance(topBids, topAsks),
        bands,
        updateId,
        sourceTime,
        time,
        null);
  }

  private static List<Level> first(NavigableMap<BigDecimal, Level> side, int depth) {
    List<Level> levels = new ArrayList<>(Math.min(depth, side.size()));
    for (Level level : side.values()) {
      if (levels.size() == depth) {
        break;
      }
      levels.add(level);
    }
    return levels;
  }

  /** (bid quantity - ask quantity) / (bid quantity + ask quantity) over the top levels. */
  private static String imbalance(List<Level> topBids, List<Level> topAsks) {
    BigDecimal bid = total(topBids);
    BigDecimal ask = total(topAsks);
    BigDecimal sum = bid.add(ask);
    if (sum.signum() == 0) {
      return null;
    }
    return plain(bid.subtract(ask).divide(sum, 4, RoundingMode.HALF_EVEN));
  }

  private static BigDecimal total(List<Level> levels) {
    BigDecimal total = BigDecimal.ZERO;
    for (Level level : levels) {
      total = total.add(new BigDecimal(level.quantity()));
    }
    return total;
  }

  private List<BookTop.DepthBand> bands(BigDecimal mid, List<Integer> bandsBps) {
    BigDecimal[] bidSums = new BigDecimal[bandsBps.size()];
    BigDecimal[] askSums = new BigDecimal[bandsBps.size()];
    within(bids, mid, bandsBps, -1, bidSums);
    within(asks, mid, bandsBps, 1, askSums);
    List<BookTop.DepthBand> bands = new ArrayList<>(bandsBps.size());
    for (int i = 0; i < bandsBps.size(); i++) {
      bands.add(new BookTop.DepthBand(bandsBps.get(i), plain(bidSums[i]), plain(askSums[i])));
    }
    return Collections.unmodifiableList(bands);
  }

  /**
   * Cumulative quantity from the best level outwards while the price lies within each band (bands
   * ascending, so each includes the ones before it): one walk over the side for all bands.
   */
  private static void within(
      NavigableMap<BigDecimal, Level> side,
      BigDecimal mid,
      List<Integer> bandsBps,
      int direction,
      BigDecimal[] sums) {
    BigDecimal running = BigDecimal.ZERO;
    int band = 0;
    for (Map.Entry<BigDecimal, Level> level : side.entrySet()) {
      while (band < sums.length && !inside(level.getKey(), mid, bandsBps.get(band), direction)) {
        sums[band++] = running;
      }
      if (band == sums.length) {
        return;
      }
      running = running.add(new BigDecimal(level.getValue().quantity()));
    }
    while (band < sums.length) {
      sums[band++] = running;
    }
  }

  private static boolean inside(BigDecimal price, BigDecimal mid, int bps, int direction) {
    BigDecimal bound =
        mid.multiply(BigDecimal.valueOf(10_000L + (long) direction * bps)).movePointLeft(4);
    return direction < 0 ? price.compareTo(bound) >= 0 : price.compareTo(bound) <= 0;
  }

  // ---- state for the serde -----------------------------------------------------------------

  String venue() {
    return venue;
  }

  String symbol() {
    return symbol;
  }

  String nativeSymbol() {
    return nativeSymbol;
  }

  boolean broken() {
    return broken;
  }

  String reason() {
    return reason;
  }

  long updateId() {
    return updateId;
  }

  boolean afterSnapshot() {
    return afterSnapshot;
  }

  long snapshotReceivedAt() {
    return snapshotReceivedAt;
  }

  long sourceTime() {
    return sourceTime;
  }

  NavigableMap<BigDecimal, Level> bids() {
    return bids;
  }

  NavigableMap<BigDecimal, Level> asks() {
    return asks;
  }

  /** Puts back a level read from the store. */
  void restore(boolean bid, Level level) {
    (bid ? bids : asks).put(new BigDecimal(level.price()), level);
  }

  /** Restores the scalar state written by {@link BookHeaderSerde}. */
  void restore(
      boolean broken,
      String reason,
      long updateId,
      boolean afterSnapshot,
      long snapshotReceivedAt,
      long sourceTime,
      boolean unpublished) {
    this.broken = broken;
    this.reason = reason;
    this.updateId = updateId;
    this.afterSnapshot = afterSnapshot;
    this.snapshotReceivedAt = snapshotReceivedAt;
    this.sourceTime = sourceTime;
    this.unpublished = unpublished;
  }
}

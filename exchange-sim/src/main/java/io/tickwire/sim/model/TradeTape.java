package io.tickwire.sim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The recent trade history of one instrument, for REST backfill ({@code aggTrades?fromId=}, Upbit
 * {@code trades/ticks?cursor=}). Entries have contiguous ids (Binance aggregate trade ids, Upbit
 * sequential ids) so a client can page without holes. Stored in primitive arrays that grow up to a
 * capacity and then act as a ring: the oldest entries are forgotten.
 */
public final class TradeTape {

  /** One stored trade. */
  public record Entry(
      long id,
      long price,
      long qty,
      long time,
      long firstTradeId,
      long lastTradeId,
      boolean buyerMaker,
      long reference) {}

  private final int capacity;
  private long[] price = new long[0];
  private long[] qty = new long[0];
  private long[] time = new long[0];
  private long[] firstTradeId = new long[0];
  private long[] lastTradeId = new long[0];
  private long[] reference = new long[0];
  private boolean[] buyerMaker = new boolean[0];

  /** Id the first entry ever written has; ids are contiguous from it. */
  private final long firstId;

  private long count;

  public TradeTape(long firstId, int capacity) {
    this.firstId = firstId;
    this.capacity = capacity;
  }

  /** Stores the next entry and returns its id. */
  public long add(
      long price, long qty, long time, long firstTrade, long lastTrade, boolean bm, long ref) {
    int slot = (int) (count % capacity);
    if (slot >= this.price.length) {
      grow();
    }
    this.price[slot] = price;
    this.qty[slot] = qty;
    this.time[slot] = time;
    this.firstTradeId[slot] = firstTrade;
    this.lastTradeId[slot] = lastTrade;
    this.buyerMaker[slot] = bm;
    this.reference[slot] = ref;
    return firstId + count++;
  }

  private void grow() {
    int size = Math.min(capacity, Math.max(1024, price.length * 2));
    price = Arrays.copyOf(price, size);
    qty = Arrays.copyOf(qty, size);
    time = Arrays.copyOf(time, size);
    firstTradeId = Arrays.copyOf(firstTradeId, size);
    lastTradeId = Arrays.copyOf(lastTradeId, size);
    buyerMaker = Arrays.copyOf(buyerMaker, size);
    reference = Arrays.copyOf(reference, size);
  }

  /** The id of the newest entry, or {@code firstId - 1} when there is none. */
  public long lastId() {
    return firstId + count - 1;
  }

  /** The id of the oldest entry still held. */
  public long oldestId() {
    return firstId + Math.max(0, count - capacity);
  }

  public boolean isEmpty() {
    return count == 0;
  }

  public Entry get(long id) {
    if (id < oldestId() || id > lastId()) {
      throw new IndexOutOfBoundsException("trade " + id + " is not held");
    }
    int slot = (int) ((id - firstId) % capacity);
    return new Entry(
        id,
        price[slot],
        qty[slot],
        time[slot],
        firstTradeId[slot],
        lastTradeId[slot],
        buyerMaker[slot],
        reference[slot]);
  }

  /** Up to {@code limit} entries from {@code fromId} (inclusive) on, oldest first. */
  public List<Entry> from(long fromId, int limit) {
    List<Entry> out = new ArrayList<>();
    for (long id = Math.max(fromId, oldestId()); id <= lastId() && out.size() < limit; id++) {
      out.add(get(id));
    }
    return out;
  }

  /** The newest {@code limit} entries, oldest first. */
  public List<Entry> recent(int limit) {
    return from(Math.max(oldestId(), lastId() - limit + 1), limit);
  }

  /** Entries with {@code startTime <= time <= endTime}, oldest first, at most {@code limit}. */
  public List<Entry> between(long startTime, long endTime, int limit) {
    List<Entry> out = new ArrayList<>();
    for (long id = oldestId(); id <= lastId() && out.size() < limit; id++) {
      Entry e = get(id);
      if (e.time() >= startTime && e.time() <= endTime) {
        out.add(e);
      }
    }
    return out;
  }

  /** Up to {@code limit} entries whose first trade id is below {@code key}, newest first. */
  public List<Entry> beforeKey(long key, int limit) {
    List<Entry> out = new ArrayList<>();
    for (long id = lastId(); id >= oldestId() && out.size() < limit; id--) {
      Entry e = get(id);
      if (e.firstTradeId() < key) {
        out.add(e);
      }
    }
    return out;
  }
}

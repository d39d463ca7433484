package io.tickwire.connector;

/**
 * Where a message sits in its stream's order, as the venue numbers it: trade id, aggregate trade
 * id, order book update ids. The core drops a message whose {@code last} is not above the last one
 * published (the duplicate from a rotation's overlap) and, for {@code gapless} streams, reports a
 * gap when {@code first} is above the previous {@code last + 1} (and asks the {@link Backfiller}).
 *
 * <p>{@code first - 1} must be the {@code last} of the message this one continues, so the core can
 * tell when two connections' copies of a stream have joined: for Binance spot depth {@code first=U,
 * last=u}; for USD-M depth {@code first=pu+1, last=u}; for a trade {@code first=last=t}.
 */
public record Sequence(long first, long last, boolean gapless) {

  /** The message has no usable sequence (dedup and gap checks are skipped for it). */
  public static final Sequence NONE = new Sequence(Long.MIN_VALUE, Long.MIN_VALUE, false);

  /** Ids that count up by one with no holes (Binance trade and aggregate trade ids). */
  public static Sequence gapless(long id) {
    return new Sequence(id, id, true);
  }

  /** A range of ids that only increase (depth update ids); gaps are the handler's business. */
  public static Sequence range(long first, long last) {
    return new Sequence(first, last, false);
  }

  /** One increasing id that may skip values (bookTicker update id, event time). */
  public static Sequence increasing(long id) {
    return new Sequence(id, id, false);
  }

  public boolean present() {
    return this != NONE && last != Long.MIN_VALUE;
  }
}

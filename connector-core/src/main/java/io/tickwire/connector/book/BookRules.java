package io.tickwire.connector.book;

import io.tickwire.model.BookEvent;

/**
 * A venue's rules for keeping a local book from a snapshot and a stream of deltas, in terms of the
 * delta's {@code firstUpdateId} (U), {@code lastUpdateId} (u) and {@code prevUpdateId} (pu). For
 * Binance spot: covered {@code u <= id}, bridges {@code U <= id+1 <= u}, continues {@code U ==
 * last+1}. For Binance USD-M: covered {@code u < id}, bridges {@code U <= id <= u}, continues
 * {@code pu == last}.
 */
public interface BookRules {

  /** The delta is already in a snapshot (or book) at {@code updateId}: drop it. */
  boolean coveredBy(BookEvent delta, long updateId);

  /** The delta is the first to apply on top of a snapshot at {@code snapshotId}. */
  boolean bridges(BookEvent delta, long snapshotId);

  /** The delta directly follows a book whose last applied update is {@code lastId}. */
  boolean continues(BookEvent delta, long lastId);
}

package io.tickwire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An order book event on {@code md.book.v1}: a snapshot replaces the consumer's book, a delta sets
 * each listed level's quantity (quantity "0" removes the level). Deltas carry the venue's update
 * ids ({@code firstUpdateId}, {@code lastUpdateId}, and for futures {@code prevUpdateId}) so a
 * consumer can check the chain itself. {@code depth} is the number of levels a partial-depth
 * snapshot was asked for, absent for full books. {@code grouping} is the price unit the venue
 * summed levels by (Upbit's orderbook {@code level}, e.g. {@code 10000} KRW), absent when each
 * level is one of the venue's own price ticks: a grouped book is a different view of the market,
 * not a copy of the ungrouped one.
 */
public record BookEvent(
    String venue,
    String symbol,
    String nativeSymbol,
    Kind kind,
    Integer depth,
    Long firstUpdateId,
    long lastUpdateId,
    Long prevUpdateId,
    List<Level> bids,
    List<Level> asks,
    Long eventTime,
    Long transactionTime,
    long receivedAt,
    String grouping)
    implements MarketEvent {

  public enum Kind {
    @JsonProperty("snapshot")
    SNAPSHOT,
    @JsonProperty("delta")
    DELTA
  }

  public BookEvent {
    bids = List.copyOf(bids);
    asks = List.copyOf(asks);
  }

  /** An event whose levels are the venue's own price ticks (no grouping). */
  public BookEvent(
      String venue,
      String symbol,
      String nativeSymbol,
      Kind kind,
      Integer depth,
      Long firstUpdateId,
      long lastUpdateId,
      Long prevUpdateId,
      List<Level> bids,
      List<Level> asks,
      Long eventTime,
      Long transactionTime,
      long receivedAt) {
    this(
        venue,
        symbol,
        nativeSymbol,
        kind,
        depth,
        firstUpdateId,
        lastUpdateId,
        prevUpdateId,
        bids,
        asks,
        eventTime,
        transactionTime,
        receivedAt,
        null);
  }
}

package io.tickwire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An order book event on {@code md.book.v1}: a snapshot replaces the consumer's book, a delta sets
 * each listed level's quantity (quantity "0" removes the level). Deltas carry the venue's update
 * ids ({@code firstUpdateId}, {@code lastUpdateId}, and for futures {@code prevUpdateId}) so a
 * consumer can check the chain itself. {@code depth} is the number of levels a partial-depth
 * snapshot was asked for, absent for full books.
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
    long receivedAt)
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
}

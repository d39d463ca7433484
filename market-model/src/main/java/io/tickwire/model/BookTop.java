package io.tickwire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The aggregated book on {@code md.book.top.v1}, emitted at a fixed cadence: the top N levels and
 * figures derived from them. A book known to be broken (after a gap, before the next snapshot) is
 * published once with {@code status = broken}, no levels and a {@code reason}, never with stale
 * numbers. Computed decimals are plain decimal strings.
 */
public record BookTop(
    String venue,
    String symbol,
    String nativeSymbol,
    Status status,
    int depth,
    List<Level> bids,
    List<Level> asks,
    String bestBid,
    String bestAsk,
    String mid,
    String spread,
    String spreadBps,
    String imbalance,
    List<DepthBand> bands,
    long updateId,
    long sourceTime,
    long time,
    String reason)
    implements MarketEvent {

  public enum Status {
    @JsonProperty("ok")
    OK,
    @JsonProperty("broken")
    BROKEN
  }

  /** Cumulative bid and ask quantity within {@code bps} basis points of mid. */
  public record DepthBand(int bps, String bidQuantity, String askQuantity) {}

  public BookTop {
    bids = List.copyOf(bids);
    asks = List.copyOf(asks);
    bands = List.copyOf(bands);
  }

  /** A book top without a reason (every {@code ok} one). */
  public BookTop(
      String venue,
      String symbol,
      String nativeSymbol,
      Status status,
      int depth,
      List<Level> bids,
      List<Level> asks,
      String bestBid,
      String bestAsk,
      String mid,
      String spread,
      String spreadBps,
      String imbalance,
      List<DepthBand> bands,
      long updateId,
      long sourceTime,
      long time) {
    this(
        venue,
        symbol,
        nativeSymbol,
        status,
        depth,
        bids,
        asks,
        bestBid,
        bestAsk,
        mid,
        spread,
        spreadBps,
        imbalance,
        bands,
        updateId,
        sourceTime,
        time,
        null);
  }
}

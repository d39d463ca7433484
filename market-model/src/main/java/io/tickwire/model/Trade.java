package io.tickwire.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One trade on {@code md.trades.v1}. {@link #kind()} says whether it is a single trade or a Binance
 * aggregate trade (which covers {@code firstTradeId..lastTradeId}), so nobody counts the same
 * volume twice when both streams are subscribed. {@code backfilled} marks trades fetched over REST
 * after a reconnect.
 */
public record Trade(
    String venue,
    String symbol,
    String nativeSymbol,
    Kind kind,
    long tradeId,
    Long firstTradeId,
    Long lastTradeId,
    String price,
    String quantity,
    Side takerSide,
    long tradeTime,
    long eventTime,
    long receivedAt,
    boolean backfilled)
    implements MarketEvent {

  public enum Kind {
    @JsonProperty("trade")
    TRADE,
    @JsonProperty("aggTrade")
    AGG_TRADE
  }

  /** The same trade flagged as recovered by a REST backfill. */
  public Trade asBackfilled() {
    return new Trade(
        venue,
        symbol,
        nativeSymbol,
        kind,
        tradeId,
        firstTradeId,
        lastTradeId,
        price,
        quantity,
        takerSide,
        tradeTime,
        eventTime,
        receivedAt,
        true);
  }
}

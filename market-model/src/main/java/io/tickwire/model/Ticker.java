package io.tickwire.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Rolling 24 h statistics on {@code md.tickers.v1}, plus the best bid and ask where the venue sends
 * them. {@code changePercent} is in percent (1.5 means +1.5 %).
 */
public record Ticker(
    String venue,
    String symbol,
    String nativeSymbol,
    Kind kind,
    String open,
    String high,
    String low,
    String last,
    String lastQuantity,
    String prevClose,
    String change,
    String changePercent,
    String weightedAvgPrice,
    String baseVolume,
    String quoteVolume,
    String bestBid,
    String bestBidQuantity,
    String bestAsk,
    String bestAskQuantity,
    Long tradeCount,
    Long openTime,
    Long closeTime,
    long eventTime,
    long receivedAt)
    implements MarketEvent {

  /** Full statistics, or Binance's mini ticker (no change, no best bid/ask). */
  public enum Kind {
    @JsonProperty("full")
    FULL,
    @JsonProperty("mini")
    MINI
  }
}

package io.tickwire.model;

/**
 * A candle. Every update goes to {@code md.klines.v1}; the final one ({@code closed = true}) of
 * each (instrument, interval, openTime) also goes, exactly once, to {@code md.klines.closed.v1}.
 * {@code interval} uses Binance's notation ({@code 1s 1m 3m 5m 15m 30m 1h ... 1M}); Upbit's {@code
 * 60m} and {@code 240m} become {@code 1h} and {@code 4h}.
 */
public record Kline(
    String venue,
    String symbol,
    String nativeSymbol,
    String interval,
    long openTime,
    long closeTime,
    String open,
    String high,
    String low,
    String close,
    String volume,
    String quoteVolume,
    String takerBuyVolume,
    String takerBuyQuoteVolume,
    Long tradeCount,
    boolean closed,
    long eventTime,
    long receivedAt)
    implements MarketEvent {

  /** The id of this candle: {@code <venue>:<SYMBOL>:<interval>:<openTime>}. */
  public String candleId() {
    return instrumentKey() + ':' + interval + ':' + openTime;
  }
}

package io.tickwire.connector.binance;

/**
 * The public stream types, with what the connector needs to know about each: its USD-M route since
 * the 2026-04 split (a stream on the wrong route connects and stays silent, so the route is decided
 * here, by type, and nowhere else) and whether the venue pushes it on a fixed cadence (then silence
 * means a broken stream, not a quiet market).
 */
public enum BinanceChannel {
  TRADE("trade", Route.MARKET, false),
  AGG_TRADE("aggTrade", Route.MARKET, false),
  KLINE("kline", Route.MARKET, true),
  TICKER("ticker", Route.MARKET, true),
  MINI_TICKER("miniTicker", Route.MARKET, true),
  BOOK_TICKER("bookTicker", Route.PUBLIC, false),
  /** Partial depth {@code @depth<5|10|20>[@speed]}: a top-N snapshot per message. */
  PARTIAL_DEPTH("depth", Route.PUBLIC, true),
  /** Diff depth {@code @depth[@speed]}: deltas for a maintained local book. */
  DEPTH("depth", Route.PUBLIC, true),
  MARK_PRICE("markPrice", Route.MARKET, true),
  FORCE_ORDER("forceOrder", Route.MARKET, false);

  /** USD-M WebSocket routes; spot has one unnamed route. */
  public enum Route {
    PUBLIC("public"),
    MARKET("market");

    private final String path;

    Route(String path) {
      this.path = path;
    }

    /** The path segment: {@code wss://fstream.binance.com/<path>/stream?streams=...}. */
    public String path() {
      return path;
    }
  }

  private final String channel;
  private final Route usdmRoute;
  private final boolean regularUpdates;

  BinanceChannel(String channel, Route usdmRoute, boolean regularUpdates) {
    this.channel = channel;
    this.usdmRoute = usdmRoute;
    this.regularUpdates = regularUpdates;
  }

  /** The channel name in subscription requests ({@code StreamNames}). */
  public String channel() {
    return channel;
  }

  /**
   * The USD-M route of the channel; {@code trade}'s route is not documented, so it is the given
   * setting.
   */
  public Route usdmRoute(Route tradeRoute) {
    return this == TRADE ? tradeRoute : usdmRoute;
  }

  /** True when the venue pushes the stream on a cadence whatever the market does. */
  public boolean regularUpdates() {
    return regularUpdates;
  }
}

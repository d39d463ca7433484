package io.tickwire.connector.binance;

import io.tickwire.connector.book.BookRules;
import io.tickwire.model.BookEvent;
import io.tickwire.model.StreamNames;
import io.tickwire.model.Venue;
import java.util.List;
import java.util.Set;

/**
 * What differs between Binance spot and USD-M futures public market data: REST paths and their
 * request weights, which streams and options exist, whether connections are routed, and the order
 * book rules (spot chains {@code U}/{@code u}, USD-M chains {@code pu}).
 */
public enum BinanceMarket {
  SPOT(
      Venue.BINANCE_SPOT,
      "BINANCE_SPOT",
      "/api/v3",
      false,
      StreamNames.BINANCE_INTERVALS,
      Set.of("100ms", "1000ms"),
      Set.of(
          BinanceChannel.TRADE,
          BinanceChannel.AGG_TRADE,
          BinanceChannel.KLINE,
          BinanceChannel.TICKER,
          BinanceChannel.MINI_TICKER,
          BinanceChannel.BOOK_TICKER,
          BinanceChannel.PARTIAL_DEPTH,
          BinanceChannel.DEPTH),
      4,
      20,
      5000,
      new BookRules() {
        @Override
        public boolean coveredBy(BookEvent delta, long updateId) {
          return delta.lastUpdateId() <= updateId;
        }

        @Override
        public boolean bridges(BookEvent delta, long snapshotId) {
          return delta.firstUpdateId() <= snapshotId + 1 && snapshotId + 1 <= delta.lastUpdateId();
        }

        @Override
        public boolean continues(BookEvent delta, long lastId) {
          // the official rule: a gap only when U > last + 1; an overlapping event still applies
          return delta.firstUpdateId() <= lastId + 1 && delta.lastUpdateId() > lastId;
        }
      }),
  USDM(
      Venue.BINANCE_USDM,
      "BINANCE_USDM",
      "/fapi/v1",
      true,
      StreamNames.BINANCE_INTERVALS.subList(1, StreamNames.BINANCE_INTERVALS.size()),
      Set.of("100ms", "250ms", "500ms"),
      Set.of(BinanceChannel.values()),
      20,
      1,
      1000,
      new BookRules() {
        @Override
        public boolean coveredBy(BookEvent delta, long updateId) {
          return delta.lastUpdateId() < updateId;
        }

        @Override
        public boolean bridges(BookEvent delta, long snapshotId) {
          return delta.firstUpdateId() <= snapshotId && snapshotId <= delta.lastUpdateId();
        }

        @Override
        public boolean continues(BookEvent delta, long lastId) {
          return delta.prevUpdateId() != null && delta.prevUpdateId() == lastId;
        }
      });

  private final Venue venue;
  private final String settingsPrefix;
  private final String restPrefix;
  private final boolean routed;
  private final List<String> intervals;
  private final Set<String> depthSpeeds;
  private final Set<BinanceChannel> channels;
  private final int aggTradesWeight;
  private final int exchangeInfoWeight;
  private final int maxDepthLimit;
  private final BookRules bookRules;

  BinanceMarket(
      Venue venue,
      String settingsPrefix,
      String restPrefix,
      boolean routed,
      List<String> intervals,
      Set<String> depthSpeeds,
      Set<BinanceChannel> channels,
      int aggTradesWeight,
      int exchangeInfoWeight,
      int maxDepthLimit,
      BookRules bookRules) {
    this.venue = venue;
    this.settingsPrefix = settingsPrefix;
    this.restPrefix = restPrefix;
    this.routed = routed;
    this.intervals = List.copyOf(intervals);
    this.depthSpeeds = depthSpeeds;
    this.channels = channels;
    this.aggTradesWeight = aggTradesWeight;
    this.exchangeInfoWeight = exchangeInfoWeight;
    this.maxDepthLimit = maxDepthLimit;
    this.bookRules = bookRules;
  }

  public Venue venue() {
    return venue;
  }

  /** {@code BINANCE_SPOT} or {@code BINANCE_USDM}: the prefix of the venue's settings. */
  public String settingsPrefix() {
    return settingsPrefix;
  }

  /**
   * True when connections are routed by stream type (USD-M {@code /public} and {@code /market}).
   */
  public boolean routed() {
    return routed;
  }

  public List<String> intervals() {
    return intervals;
  }

  public Set<String> depthSpeeds() {
    return depthSpeeds;
  }

  public boolean serves(BinanceChannel channel) {
    return channels.contains(channel);
  }

  public BookRules bookRules() {
    return bookRules;
  }

  /** {@code GET .../depth?symbol=X&limit=N}. */
  public String depthPath(String nativeSymbol, int limit) {
    return restPrefix + "/depth?symbol=" + nativeSymbol + "&limit=" + limit;
  }

  /** The request weight of a depth snapshot of {@code limit} levels. */
  public int depthWeight(int limit) {
    if (this == SPOT) {
      return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
    }
    return limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20;
  }

  /** The largest depth snapshot the venue serves. */
  public int maxDepthLimit() {
    return maxDepthLimit;
  }

  /** {@code GET .../aggTrades?symbol=X&fromId=N&limit=L}. */
  public String aggTradesPath(String nativeSymbol, long fromId, int limit) {
    return restPrefix
        + "/aggTrades?symbol="
        + nativeSymbol
        + "&fromId="
        + fromId
        + "&limit="
        + limit;
  }

  public int aggTradesWeight() {
    return aggTradesWeight;
  }

  public String exchangeInfoPath() {
    return restPrefix + "/exchangeInfo";
  }

  public int exchangeInfoWeight() {
    return exchangeInfoWeight;
  }
}

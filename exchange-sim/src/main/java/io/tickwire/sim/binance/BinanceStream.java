package io.tickwire.sim.binance;

import io.tickwire.model.Venue;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.model.Interval;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Binance market stream name as the server understands it: {@code btcusdt@depth20@100ms}, {@code
 * btcusdt@kline_1m}, {@code !miniTicker@arr}. Names the venue would not serve parse to {@link
 * Channel#UNKNOWN}: Binance accepts a subscription to them and stays silent.
 *
 * @param name the name exactly as the client wrote it
 * @param symbol the lower-case symbol, or null for all-market streams
 * @param interval kline interval, or null
 * @param levels partial depth levels (5, 10, 20), or 0
 * @param speedMs update speed in ms, or 0 for the stream's default
 */
public record BinanceStream(
    String name, Channel channel, String symbol, String interval, int levels, int speedMs) {

  /** What a stream carries. */
  public enum Channel {
    TRADE,
    AGG_TRADE,
    KLINE,
    TICKER,
    MINI_TICKER,
    BOOK_TICKER,
    DEPTH,
    PARTIAL_DEPTH,
    MARK_PRICE,
    FORCE_ORDER,
    ALL_MINI_TICKER,
    ALL_TICKER,
    ALL_BOOK_TICKER,
    ALL_MARK_PRICE,
    ALL_FORCE_ORDER,
    UNKNOWN
  }

  private static final Pattern SYMBOL_STREAM =
      Pattern.compile(
          "([a-z0-9]+)@(trade|aggTrade|ticker|miniTicker|bookTicker|forceOrder|markPrice"
              + "|kline_([0-9]+[smhdwM])|depth(5|10|20)?)(?:@([0-9]+)(ms|s))?");

  /** Parses a name for a venue; never throws (unservable names are {@link Channel#UNKNOWN}). */
  public static BinanceStream parse(String name, Venue venue) {
    switch (name) {
      case "!miniTicker@arr":
        return all(name, Channel.ALL_MINI_TICKER, 0);
      case "!ticker@arr":
        // retired on spot (2026-03-26): subscriptions are accepted and stay silent
        return all(name, venue == Venue.BINANCE_USDM ? Channel.ALL_TICKER : Channel.UNKNOWN, 0);
      case "!bookTicker":
        return all(
            name, venue == Venue.BINANCE_USDM ? Channel.ALL_BOOK_TICKER : Channel.UNKNOWN, 0);
      case "!markPrice@arr":
        return all(
            name, venue == Venue.BINANCE_USDM ? Channel.ALL_MARK_PRICE : Channel.UNKNOWN, 3000);
      case "!markPrice@arr@1s":
        return all(
            name, venue == Venue.BINANCE_USDM ? Channel.ALL_MARK_PRICE : Channel.UNKNOWN, 1000);
      case "!forceOrder@arr":
        return all(
            name, venue == Venue.BINANCE_USDM ? Channel.ALL_FORCE_ORDER : Channel.UNKNOWN, 0);
      default:
        break;
    }
    Matcher m = SYMBOL_STREAM.matcher(name);
    if (!m.matches()) {
      return unknown(name);
    }
    String symbol = m.group(1);
    String channel = m.group(2);
    String interval = m.group(3);
    String levels = m.group(4);
    int speed = 0;
    if (m.group(5) != null) {
      speed = Integer.parseInt(m.group(5)) * (m.group(6).equals("s") ? 1000 : 1);
    }
    boolean usdm = venue == Venue.BINANCE_USDM;
    if (interval != null) {
      boolean known = (usdm ? Interval.BINANCE_USDM : Interval.BINANCE_SPOT).contains(interval);
      return known && speed == 0
          ? new BinanceStream(name, Channel.KLINE, symbol, interval, 0, 0)
          : unknown(name);
    }
    if (channel.startsWith("depth")) {
      boolean valid =
          usdm
              ? speed == 0 || speed == 100 || speed == 250 || speed == 500
              : speed == 0 || speed == 100 || speed == 1000;
      if (!valid) {
        return unknown(name);
      }
      int effective = speed != 0 ? speed : usdm ? 250 : 1000;
      return levels == null
          ? new BinanceStream(name, Channel.DEPTH, symbol, null, 0, effective)
          : new BinanceStream(
              name, Channel.PARTIAL_DEPTH, symbol, null, Integer.parseInt(levels), effective);
    }
    if (channel.equals("markPrice")) {
      if (!usdm || (speed != 0 && speed != 1000)) {
        return unknown(name);
      }
      return new BinanceStream(name, Channel.MARK_PRICE, symbol, null, 0, speed == 0 ? 3000 : 1000);
    }
    if (speed != 0) {
      return unknown(name);
    }
    Channel c =
        switch (channel) {
          case "trade" -> Channel.TRADE;
          case "aggTrade" -> Channel.AGG_TRADE;
          case "ticker" -> Channel.TICKER;
          case "miniTicker" -> Channel.MINI_TICKER;
          case "bookTicker" -> Channel.BOOK_TICKER;
          case "forceOrder" -> usdm ? Channel.FORCE_ORDER : Channel.UNKNOWN;
          default -> Channel.UNKNOWN;
        };
    return new BinanceStream(name, c, symbol, null, 0, 0);
  }

  private static BinanceStream all(String name, Channel channel, int speed) {
    return new BinanceStream(name, channel, null, null, 0, speed);
  }

  private static BinanceStream unknown(String name) {
    return new BinanceStream(name, Channel.UNKNOWN, null, null, 0, 0);
  }

  /**
   * The USD-M route that serves this stream since the 2026-04 split: high-frequency book streams on
   * {@code /public}, everything else on {@code /market}. {@code @trade} is not documented; its
   * route is a setting.
   */
  public UsdmRoute usdmRoute(SimConfig.Route tradeRoute) {
    return switch (channel) {
      case DEPTH, PARTIAL_DEPTH, BOOK_TICKER, ALL_BOOK_TICKER -> UsdmRoute.PUBLIC;
      case TRADE -> tradeRoute == SimConfig.Route.PUBLIC ? UsdmRoute.PUBLIC : UsdmRoute.MARKET;
      case UNKNOWN -> UsdmRoute.NONE;
      default -> UsdmRoute.MARKET;
    };
  }

  /** The three USD-M routes (NONE: served nowhere). */
  public enum UsdmRoute {
    PUBLIC,
    MARKET,
    PRIVATE,
    NONE
  }
}

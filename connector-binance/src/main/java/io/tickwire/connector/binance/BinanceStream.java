package io.tickwire.connector.binance;

import io.tickwire.model.StreamNames;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.SymbolMapper;
import java.util.Locale;

/**
 * One Binance stream as the connector understands it, parsed once from its name: {@code
 * btcusdt@depth20@100ms} is partial depth of 20 levels for BTC-USDT. Names are parsed with {@link
 * StreamNames} (the one mapping every writer of the control topic uses), then checked against what
 * the market serves, so a stream Binance would accept and leave silent is refused up front.
 *
 * @param levels partial-depth levels, 0 for other channels
 * @param interval kline interval, null for other channels
 */
public record BinanceStream(
    String name,
    BinanceChannel channel,
    String symbol,
    String nativeSymbol,
    String interval,
    int levels,
    String speed) {

  /**
   * Parses and checks a stream name.
   *
   * @throws IllegalArgumentException naming the stream and what is wrong with it
   */
  public static BinanceStream parse(BinanceMarket market, String name, SymbolMapper symbols) {
    SubscriptionRequest request =
        StreamNames.fromBinance(market.venue().id(), name, symbols, "parse", null, 0);
    return of(market, name, request, symbols);
  }

  /**
   * The stream of a subscription request.
   *
   * @throws IllegalArgumentException when the market does not serve it
   */
  public static BinanceStream of(
      BinanceMarket market, SubscriptionRequest request, SymbolMapper symbols) {
    return of(market, StreamNames.toBinance(request, symbols), request, symbols);
  }

  private static BinanceStream of(
      BinanceMarket market, String name, SubscriptionRequest request, SymbolMapper symbols) {
    String levelsParam = request.params().get(StreamNames.LEVELS);
    String speed = request.params().get(StreamNames.SPEED);
    String interval = request.params().get(StreamNames.INTERVAL);
    BinanceChannel channel = channel(request.channel(), levelsParam != null);
    String where = market == BinanceMarket.SPOT ? "Binance spot" : "Binance USD-M futures";
    if (!market.serves(channel)) {
      throw invalid(name, where + " has no " + request.channel() + " stream");
    }
    if (interval != null && !market.intervals().contains(interval)) {
      throw invalid(name, where + " klines have the intervals " + market.intervals());
    }
    if (channel == BinanceChannel.DEPTH || channel == BinanceChannel.PARTIAL_DEPTH) {
      if (speed != null && !market.depthSpeeds().contains(speed)) {
        throw invalid(
            name, where + " depth streams update at " + market.depthSpeeds() + " or the default");
      }
    }
    return new BinanceStream(
        name,
        channel,
        request.symbol(),
        symbols.toNative(request.symbol()).toUpperCase(Locale.ROOT),
        interval,
        levelsParam == null ? 0 : Integer.parseInt(levelsParam),
        speed);
  }

  private static BinanceChannel channel(String channel, boolean levels) {
    for (BinanceChannel c : BinanceChannel.values()) {
      if (c.channel().equals(channel)
          && (c != BinanceChannel.DEPTH || !levels)
          && (c != BinanceChannel.PARTIAL_DEPTH || levels)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown Binance channel '" + channel + "'");
  }

  private static IllegalArgumentException invalid(String stream, String why) {
    return new IllegalArgumentException("invalid stream '" + stream + "': " + why);
  }
}

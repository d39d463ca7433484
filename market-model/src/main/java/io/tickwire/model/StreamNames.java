package io.tickwire.model;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one mapping between venue stream names and {@link SubscriptionRequest}s, shared by every
 * writer of {@code control.subscriptions.v1} (settings, CLI, gateway, Redis bridge) and by the
 * connectors that read it, so the same stream always has the same compaction key.
 *
 * <p>Binance channels (params): {@code trade}, {@code aggTrade}, {@code kline} (interval), {@code
 * ticker}, {@code miniTicker}, {@code bookTicker}, {@code depth} (levels 5|10|20 for partial depth,
 * none for the diff stream; speed 100ms|250ms|500ms|1000ms, none for the venue default), {@code
 * markPrice} (speed 1s), {@code forceOrder}. Upbit channels: {@code ticker}, {@code trade}, {@code
 * orderbook} (levels 1|5|15|30; grouping: the price unit Upbit's {@code level} groups the book by),
 * {@code candle} (interval 1s|1m|3m|5m|10m|15m|30m|60m|240m).
 */
public final class StreamNames {

  public static final String INTERVAL = "interval";
  public static final String LEVELS = "levels";
  public static final String SPEED = "speed";

  /**
   * Upbit orderbook grouping ({@code level} in Upbit's request): the price unit levels are summed
   * by, as a plain decimal ({@code 10000}, {@code 0.1}); absent for the venue's own price ticks.
   */
  public static final String GROUPING = "grouping";

  public static final List<String> BINANCE_INTERVALS =
      List.of(
          "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d",
          "1w", "1M");
  public static final List<String> UPBIT_INTERVALS =
      List.of("1s", "1m", "3m", "5m", "10m", "15m", "30m", "60m", "240m");

  private static final Set<String> BINANCE_PLAIN =
      Set.of("trade", "aggTrade", "ticker", "miniTicker", "bookTicker", "forceOrder");
  private static final Set<String> DEPTH_LEVELS = Set.of("5", "10", "20");
  private static final Set<String> DEPTH_SPEEDS = Set.of("100ms", "250ms", "500ms", "1000ms");
  private static final Set<String> UPBIT_LEVELS = Set.of("1", "5", "15", "30");
  private static final Pattern BINANCE =
      Pattern.compile("([a-z0-9]+)@([A-Za-z]+)(?:_([0-9]+[smhdwM]))?(\\d+)?(?:@(\\d+m?s))?");
  private static final Pattern UPBIT =
      Pattern.compile(
          "(ticker|trade|orderbook|candle)(?:\\.([0-9]+[sm]))?:([A-Z0-9]+-[A-Z0-9]+)(?:\\.(\\d+))?"
              + "(?:@([0-9]+(?:\\.[0-9]+)?))?");

  private StreamNames() {}

  /**
   * Parses a Binance stream name such as {@code btcusdt@kline_1m}, {@code btcusdt@depth20@100ms} or
   * {@code btcusdt@markPrice@1s}.
   *
   * @throws IllegalArgumentException naming the stream and what is wrong with it
   */
  public static SubscriptionRequest fromBinance(
      String venue,
      String stream,
      SymbolMapper symbols,
      String requestedBy,
      Long expiresAt,
      long now) {
    Matcher m = BINANCE.matcher(stream);
    if (!m.matches()) {
      throw invalid(
          stream, "expected <symbol>@<channel>, such as btcusdt@aggTrade or btcusdt@depth@100ms");
    }
    String channel = m.group(2);
    String interval = m.group(3);
    String levels = m.group(4);
    String speed = m.group(5);
    Map<String, String> params = new HashMap<>();
    switch (channel) {
      case "kline" -> {
        if (interval == null || !BINANCE_INTERVALS.contains(interval)) {
          throw invalid(stream, "kline needs an interval, one of " + BINANCE_INTERVALS);
        }
        params.put(INTERVAL, interval);
      }
      case "depth" -> {
        if (levels != null) {
          if (!DEPTH_LEVELS.contains(levels)) {
            throw invalid(stream, "partial depth has 5, 10 or 20 levels");
          }
          params.put(LEVELS, levels);
        }
        if (speed != null) {
          if (!DEPTH_SPEEDS.contains(speed)) {
            throw invalid(stream, "depth speed is one of " + DEPTH_SPEEDS);
          }
          params.put(SPEED, speed);
        }
      }
      case "markPrice" -> {
        if (speed != null) {
          if (!speed.equals("1s")) {
            throw invalid(stream, "markPrice speed is 1s or none (3 s)");
          }
          params.put(SPEED, speed);
        }
      }
      default -> {
        if (!BINANCE_PLAIN.contains(channel)) {
          throw invalid(stream, "unknown channel '" + channel + "'");
        }
      }
    }
    if (!channel.equals("kline") && interval != null
        || !channel.equals("depth") && levels != null
        || !(channel.equals("depth") || channel.equals("markPrice")) && speed != null) {
      throw invalid(stream, "channel '" + channel + "' takes no such option");
    }
    String symbol;
    try {
      symbol = symbols.toCanonical(m.group(1));
    } catch (IllegalArgumentException e) {
      throw invalid(stream, e.getMessage());
    }
    return new SubscriptionRequest(venue, channel, symbol, params, requestedBy, expiresAt, now);
  }

  /** The Binance stream name of a request: the inverse of {@link #fromBinance}. */
  public static String toBinance(SubscriptionRequest request, SymbolMapper symbols) {
    StringBuilder name =
        new StringBuilder(symbols.toNative(request.symbol()).toLowerCase(Locale.ROOT))
            .append('@')
            .append(request.channel());
    Map<String, String> p = request.params();
    if (p.containsKey(INTERVAL)) {
      name.append('_').append(p.get(INTERVAL));
    }
    if (p.containsKey(LEVELS)) {
      name.append(p.get(LEVELS));
    }
    if (p.containsKey(SPEED)) {
      name.append('@').append(p.get(SPEED));
    }
    return name.toString();
  }

  /**
   * Parses an Upbit stream spec {@code <type>[.<interval>]:<CODE>[.<levels>][@<grouping>]}: {@code
   * trade:KRW-BTC}, {@code orderbook:KRW-BTC.15}, {@code orderbook:KRW-BTC.15@10000} (levels
   * grouped by 10,000 KRW, Upbit's {@code level}), {@code candle.1m:KRW-BTC}. Codes are upper case.
   *
   * @throws IllegalArgumentException naming the spec and what is wrong with it
   */
  public static SubscriptionRequest fromUpbit(
      String venue, String spec, String requestedBy, Long expiresAt, long now) {
    Matcher m = UPBIT.matcher(spec);
    if (!m.matches()) {
      throw invalid(
          spec,
          "expected <type>:<CODE>, such as trade:KRW-BTC, orderbook:KRW-BTC.15 or candle.1m:KRW-BTC"
              + " (codes in upper case)");
    }
    String type = m.group(1);
    String interval = m.group(2);
    String levels = m.group(4);
    String grouping = m.group(5);
    Map<String, String> params = new HashMap<>();
    if (type.equals("candle")) {
      if (interval == null || !UPBIT_INTERVALS.contains(interval)) {
        throw invalid(spec, "candle needs an interval, one of " + UPBIT_INTERVALS);
      }
      params.put(INTERVAL, interval);
    } else if (interval != null) {
      throw invalid(spec, type + " takes no interval");
    }
    if (levels != null) {
      if (!type.equals("orderbook") || !UPBIT_LEVELS.contains(levels)) {
        throw invalid(spec, "only orderbook takes a size, one of 1, 5, 15, 30");
      }
      params.put(LEVELS, levels);
    }
    if (grouping != null) {
      if (!type.equals("orderbook")) {
        throw invalid(spec, "only orderbook takes a grouping (@<level>)");
      }
      BigDecimal unit = new BigDecimal(grouping);
      if (unit.signum() == 0) {
        throw invalid(spec, "a grouping is a positive price unit, such as @10000 or @0.1");
      }
      params.put(GROUPING, unit.stripTrailingZeros().toPlainString());
    }
    String symbol;
    try {
      symbol = UpbitSymbols.INSTANCE.toCanonical(m.group(3));
    } catch (IllegalArgumentException e) {
      throw invalid(spec, e.getMessage());
    }
    return new SubscriptionRequest(venue, type, symbol, params, requestedBy, expiresAt, now);
  }

  /** The Upbit spec of a request: the inverse of {@link #fromUpbit}. */
  public static String toUpbit(SubscriptionRequest request) {
    StringBuilder spec = new StringBuilder(request.channel());
    if (request.params().containsKey(INTERVAL)) {
      spec.append('.').append(request.params().get(INTERVAL));
    }
    spec.append(':').append(UpbitSymbols.INSTANCE.toNative(request.symbol()));
    if (request.params().containsKey(LEVELS)) {
      spec.append('.').append(request.params().get(LEVELS));
    }
    if (request.params().containsKey(GROUPING)) {
      spec.append('@').append(request.params().get(GROUPING));
    }
    return spec.toString();
  }

  private static IllegalArgumentException invalid(String stream, String why) {
    return new IllegalArgumentException("invalid stream '" + stream + "': " + why);
  }
}

package io.tickwire.connector.upbit;

import io.tickwire.model.StreamNames;
import io.tickwire.model.SubscriptionRequest;
import java.util.List;
import java.util.Map;

/**
 * One Upbit stream as the connector names it ({@link StreamNames#toUpbit}): {@code trade:KRW-BTC},
 * {@code orderbook:KRW-BTC.15@10000}, {@code candle.1m:KRW-BTC}. The name is the key of {@code
 * raw.upbit.v1}; its parts say what to put in the request.
 *
 * @param type Upbit's type: {@code ticker}, {@code trade}, {@code orderbook}, {@code candle.1m}
 * @param code the market, quote first: {@code KRW-BTC}
 * @param size orderbook units asked for (1, 5, 15, 30), null for the venue's default
 * @param grouping orderbook {@code level} as a plain decimal, null for none
 */
record UpbitStream(String name, String type, String code, Integer size, String grouping) {

  /** Orderbook units Upbit sends when a code has no {@code .N} (its documented default). */
  static final int DEFAULT_ORDERBOOK_SIZE = 30;

  static final List<Integer> ORDERBOOK_SIZES = List.of(1, 5, 15, 30);

  private static final Map<String, String> KLINE_INTERVALS = Map.of("60m", "1h", "240m", "4h");

  static UpbitStream of(SubscriptionRequest request) {
    String name = StreamNames.toUpbit(request);
    Map<String, String> p = request.params();
    String type =
        request.channel().equals("candle")
            ? "candle." + p.get(StreamNames.INTERVAL)
            : request.channel();
    Integer size =
        p.containsKey(StreamNames.LEVELS) ? Integer.valueOf(p.get(StreamNames.LEVELS)) : null;
    String code = name.substring(name.indexOf(':') + 1).replaceFirst("[.@].*$", "");
    return new UpbitStream(name, type, code, size, p.get(StreamNames.GROUPING));
  }

  /**
   * Parses a stream name.
   *
   * @throws IllegalArgumentException naming the stream when it is not an Upbit stream
   */
  static UpbitStream parse(String venueId, String name) {
    return of(StreamNames.fromUpbit(venueId, name, "connector", null, 0));
  }

  boolean isOrderbook() {
    return type.equals("orderbook");
  }

  boolean isCandle() {
    return type.startsWith("candle.");
  }

  boolean isTrade() {
    return type.equals("trade");
  }

  /** The entry of {@code codes} in the request: {@code KRW-BTC} or {@code KRW-BTC.15}. */
  String requestCode() {
    return size == null ? code : code + "." + size;
  }

  /** Orderbook units the venue will send. */
  int orderbookSize() {
    return size == null ? DEFAULT_ORDERBOOK_SIZE : size;
  }

  /** The candle interval in Upbit's notation ({@code 1m}, {@code 240m}). */
  String upbitInterval() {
    return type.substring("candle.".length());
  }

  /** Upbit's candle interval in the contract's notation ({@code 60m} is {@code 1h}). */
  static String klineInterval(String upbitInterval) {
    return KLINE_INTERVALS.getOrDefault(upbitInterval, upbitInterval);
  }

  /** The length of an Upbit candle interval ({@code 1s}, {@code 1m} ... {@code 240m}). */
  static long intervalMillis(String upbitInterval) {
    long n = Long.parseLong(upbitInterval.substring(0, upbitInterval.length() - 1));
    return switch (upbitInterval.charAt(upbitInterval.length() - 1)) {
      case 's' -> n * 1_000;
      case 'm' -> n * 60_000;
      default -> throw new IllegalArgumentException("unknown candle interval " + upbitInterval);
    };
  }
}

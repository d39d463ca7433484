package io.tickwire.persist.redis.reader;

import java.util.Locale;

/**
 * The Redis key names of tickwire's latest-state layout, in one place so the writer
 * (persister-redis) and every reader agree. The names follow the tools of tickwire's users:
 * per-venue keys are {@code <venue>-...} with the native symbol as the venue spells it; the cache
 * keys {@code websocket:*} carry no venue and use the native symbol in lower case.
 */
public final class RedisKeys {

  private RedisKeys() {}

  /** Hash: field = native symbol, value = ticker JSON. */
  public static String ticker(String venue) {
    return venue + "-ticker";
  }

  /** Hash: field = native symbol, value = best bid/offer JSON. */
  public static String bbo(String venue) {
    return venue + "-bbo";
  }

  /** Sorted set scored by open time holding candle JSON (when RedisTimeSeries is absent). */
  public static String klines(String venue, String nativeSymbol, String interval) {
    return venue + "-kline-" + nativeSymbol + "-" + interval;
  }

  /**
   * RedisTimeSeries key of one candle field ({@code open}, {@code high}, {@code low}, {@code
   * close}, {@code volume}), timestamped by open time.
   */
  public static String klineSeries(
      String venue, String nativeSymbol, String interval, String field) {
    return klines(venue, nativeSymbol, interval) + "-" + field;
  }

  /** Hash: {@code total}, {@code free}, {@code used} (JSON maps by asset), one field per asset. */
  public static String balance(String venue, String accountId) {
    return venue + "-" + accountId + "-balance";
  }

  /** Hash: field = order id, value = order JSON. */
  public static String orders(String venue, String accountId, String nativeSymbol) {
    return venue + "-" + accountId + "-order-" + nativeSymbol;
  }

  /** String: mark price JSON, expires after 60 s by default. */
  public static String markPrice(String nativeSymbol) {
    return "websocket:mark_price:" + lower(nativeSymbol);
  }

  /** String: aggregated book top JSON of that depth, expires after 60 s by default. */
  public static String orderBook(String nativeSymbol, int depth) {
    return "websocket:orderbook:" + lower(nativeSymbol) + ":" + depth;
  }

  /** Stream of order updates (fields {@code uid}, {@code data}), about the last 1000 kept. */
  public static String orderStream(String nativeSymbol) {
    return "websocket:orders:" + lower(nativeSymbol);
  }

  /**
   * Sorted set of the update ids recently appended to {@link #orderStream}, so a replayed update is
   * not appended twice. Outside the {@code websocket:} namespace on purpose: tools that scan {@code
   * websocket:orders:*} see only streams.
   */
  public static String orderStreamSeen(String nativeSymbol) {
    return "tickwire:seen:" + orderStream(nativeSymbol);
  }

  /**
   * Hash: field = {@code <venue>:<accountId>:<positionSide>}, value = position JSON; expires 300 s
   * after the last update by default.
   */
  public static String position(String nativeSymbol) {
    return "websocket:position:" + lower(nativeSymbol);
  }

  /** The field of one account's position side in {@link #position}. */
  public static String positionField(String venue, String accountId, String positionSide) {
    return venue + ":" + accountId + ":" + positionSide;
  }

  /** Where the subscription bridge explains why a {@code *-subs} value was not applied. */
  public static String subsError(String subsKey) {
    return subsKey + "-error";
  }

  private static String lower(String nativeSymbol) {
    return nativeSymbol.toLowerCase(Locale.ROOT);
  }
}

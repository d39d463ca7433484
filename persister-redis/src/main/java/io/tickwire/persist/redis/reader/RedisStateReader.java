package io.tickwire.persist.redis.reader;

import io.tickwire.model.Bbo;
import io.tickwire.model.BookTop;
import io.tickwire.model.Json;
import io.tickwire.model.MarkPrice;
import io.tickwire.model.Ticker;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import redis.clients.jedis.UnifiedJedis;

/**
 * Reads the latest state persister-redis keeps, for Java consumers (bots, services) that want it in
 * microseconds instead of a round trip to the exchange. Thread-safe when the client is (a pooled
 * {@code RedisClient} is).
 *
 * <pre>{@code
 * try (RedisClient redis = RedisClient.create("redis://localhost:6379")) {
 *   RedisStateReader state = new RedisStateReader(redis);
 *   Optional<Ticker> ticker = state.ticker("binance-spot", "BTCUSDT");
 *   // empty when older than 5 s or gone: fall back to the exchange
 *   Optional<MarkPrice> mark = state.markPrice("BTCUSDT", Duration.ofSeconds(5));
 *   Optional<BookTop> book = state.bookTop("BTCUSDT", 20, Duration.ofSeconds(2));
 *   Optional<AccountBalances> balances = state.balances("binance-spot", "4db7ef");
 * }
 * }</pre>
 *
 * Values are the normalized events of the Kafka contract (decimals as strings, times in epoch
 * milliseconds). A value that is not what the layout says throws {@link IllegalStateException}
 * naming the key, rather than passing for "no data".
 */
public final class RedisStateReader {

  private static final Set<String> BALANCE_MAPS =
      Set.of("free", "used", "total", "timestamp", "datetime");

  private final UnifiedJedis redis;
  private final Clock clock;

  public RedisStateReader(UnifiedJedis redis) {
    this(redis, Clock.systemUTC());
  }

  /** With the clock that decides what is stale. */
  public RedisStateReader(UnifiedJedis redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  /** The latest 24 h ticker of a native symbol ({@code BTCUSDT}, {@code KRW-BTC}). */
  public Optional<Ticker> ticker(String venue, String nativeSymbol) {
    String key = RedisKeys.ticker(venue);
    return Optional.ofNullable(redis.hget(key, nativeSymbol))
        .map(json -> read(Ticker.class, key, json));
  }

  /** The latest best bid and offer (Binance bookTicker) of a native symbol. */
  public Optional<Bbo> bbo(String venue, String nativeSymbol) {
    String key = RedisKeys.bbo(venue);
    return Optional.ofNullable(redis.hget(key, nativeSymbol))
        .map(json -> read(Bbo.class, key, json));
  }

  /**
   * The latest mark price, or empty when there is none or its event time is more than {@code
   * maxAge} ago: then the caller should ask the exchange.
   */
  public Optional<MarkPrice> markPrice(String nativeSymbol, Duration maxAge) {
    String key = RedisKeys.markPrice(nativeSymbol);
    return Optional.ofNullable(redis.get(key))
        .map(json -> read(MarkPrice.class, key, json))
        .filter(mark -> fresh(mark.eventTime(), maxAge));
  }

  /**
   * The aggregated order book top of that depth (the stream-jobs cadence), or empty when there is
   * none, it is older than {@code maxAge}, or the book is known to be broken (a gap, awaiting a
   * snapshot).
   */
  public Optional<BookTop> bookTop(String nativeSymbol, int depth, Duration maxAge) {
    String key = RedisKeys.orderBook(nativeSymbol, depth);
    return Optional.ofNullable(redis.get(key))
        .map(json -> read(BookTop.class, key, json))
        .filter(top -> top.status() == BookTop.Status.OK && fresh(top.time(), maxAge));
  }

  /** The balances of one account, or empty when none were written. */
  public Optional<AccountBalances> balances(String venue, String accountId) {
    String key = RedisKeys.balance(venue, accountId);
    Map<String, String> hash = redis.hgetAll(key);
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    Map<String, AccountBalances.Amounts> assets = new TreeMap<>();
    hash.forEach(
        (field, json) -> {
          if (!BALANCE_MAPS.contains(field)) {
            assets.put(field, read(AccountBalances.Amounts.class, key, json));
          }
        });
    try {
      return Optional.of(new AccountBalances(assets, Long.parseLong(hash.get("timestamp"))));
    } catch (NumberFormatException e) {
      throw new IllegalStateException(key + " has no valid timestamp field", e);
    }
  }

  private boolean fresh(long time, Duration maxAge) {
    return clock.millis() - time <= maxAge.toMillis();
  }

  private static <T> T read(Class<T> type, String key, String json) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (IOException e) {
      throw new IllegalStateException(key + " does not hold the expected JSON: " + e, e);
    }
  }
}

package io.tickwire.persist.redis;

import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import io.tickwire.model.Venue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** persister-redis settings, parsed once at start-up. */
record RedisPersisterConfig(
    URI redisUrl,
    String groupId,
    int batchSize,
    Duration retryMax,
    KlineStore klineStore,
    Duration klineRetention,
    Set<String> cacheVenues,
    Duration markPriceTtl,
    Duration orderBookTtl,
    Duration positionTtl,
    int orderStreamMaxLength,
    boolean subsBridge,
    Notifications subsNotifications,
    Duration subsPollInterval,
    Duration subsRescanInterval) {

  /** Where candles go. */
  enum KlineStore {
    /** RedisTimeSeries when the module is loaded, sorted sets otherwise. */
    AUTO,
    /** RedisTimeSeries; start-up fails without the module. */
    TIMESERIES,
    /** Sorted sets even when RedisTimeSeries is loaded. */
    SORTED_SET
  }

  /** How the subscription bridge learns that a {@code *-subs} key changed. */
  enum Notifications {
    /** Keyspace notifications when the server has them on, polling otherwise. */
    AUTO,
    /** Turns keyspace notifications on (CONFIG SET) when allowed, polling otherwise. */
    ENABLE,
    /** Polling only. */
    OFF
  }

  static final Setting<URI> REDIS_URL =
      Setting.uri(
              "REDIS_URL",
              "Redis to write the latest state to (may hold a password)",
              "redis",
              "rediss")
          .defaultValue("redis://localhost:6379")
          .secret();
  static final Setting<String> GROUP =
      Setting.string("REDIS_PERSISTER_GROUP", "Kafka consumer group of persister-redis replicas")
          .defaultValue("persister-redis");
  static final Setting<Integer> BATCH_SIZE =
      Setting.integer(
              "REDIS_PERSISTER_BATCH_SIZE",
              "Most records per poll, written to Redis as one pipeline before the commit")
          .range(1, 100_000)
          .defaultValue("5000");
  static final Setting<Duration> RETRY_MAX =
      Setting.duration(
              "REDIS_PERSISTER_RETRY_MAX", "Longest wait between retries while Redis is failing")
          .positive()
          .defaultValue("10s");
  static final Setting<KlineStore> KLINE_STORE =
      Setting.oneOf(
              "REDIS_KLINE_STORE",
              "Candles as RedisTimeSeries keys (auto: when the module is loaded) or sorted sets",
              KlineStore.class)
          .defaultValue("auto");
  static final Setting<Duration> KLINE_RETENTION =
      Setting.duration(
              "REDIS_KLINE_RETENTION",
              "How far back candles are kept, by open time, in sorted sets and time series")
          .positive()
          .defaultValue("7d");
  static final Setting<List<String>> CACHE_VENUES =
      Setting.list(
              "REDIS_CACHE_VENUES",
              "Venues feeding the websocket:* keys, which carry no venue (at most one Binance"
                  + " venue: spot and USD-M share native symbols)")
          .map(RedisPersisterConfig::checkCacheVenues, "venue ids, at most one Binance venue")
          .defaultValue("binance-usdm,upbit");
  static final Setting<Duration> MARK_PRICE_TTL =
      Setting.duration("REDIS_MARK_PRICE_TTL", "Expiry of websocket:mark_price:* keys")
          .positive()
          .defaultValue("60s");
  static final Setting<Duration> ORDER_BOOK_TTL =
      Setting.duration("REDIS_ORDERBOOK_TTL", "Expiry of websocket:orderbook:* keys")
          .positive()
          .defaultValue("60s");
  static final Setting<Duration> POSITION_TTL =
      Setting.duration(
              "REDIS_POSITION_TTL", "Expiry of websocket:position:* keys after their last update")
          .positive()
          .defaultValue("300s");
  static final Setting<Integer> ORDER_STREAM_MAXLEN =
      Setting.integer(
              "REDIS_ORDERS_STREAM_MAXLEN",
              "Entries kept (about) in each websocket:orders:* stream (XADD MAXLEN ~)")
          .range(1, 1_000_000)
          .defaultValue("1000");
  static final Setting<Boolean> SUBS_BRIDGE =
      Setting.bool(
              "REDIS_SUBS_BRIDGE",
              "Turn <venue>-<channel>-subs keys into desired streams on control.subscriptions.v1")
          .defaultValue("true");
  static final Setting<Notifications> SUBS_NOTIFICATIONS =
      Setting.oneOf(
              "REDIS_SUBS_NOTIFICATIONS",
              "Watch *-subs keys with keyspace notifications (auto: when on; enable: turn them on)"
                  + " or by polling (off)",
              Notifications.class)
          .defaultValue("auto");
  static final Setting<Duration> SUBS_POLL_INTERVAL =
      Setting.duration(
              "REDIS_SUBS_POLL_INTERVAL", "How often *-subs keys are scanned without notifications")
          .positive()
          .defaultValue("1s");
  static final Setting<Duration> SUBS_RESCAN_INTERVAL =
      Setting.duration(
              "REDIS_SUBS_RESCAN_INTERVAL",
              "How often all *-subs keys are rescanned while keyspace notifications arrive"
                  + " (they are lost while disconnected)")
          .positive()
          .defaultValue("30s");

  static final List<Setting<?>> ALL =
      List.of(
          REDIS_URL,
          GROUP,
          BATCH_SIZE,
          RETRY_MAX,
          KLINE_STORE,
          KLINE_RETENTION,
          CACHE_VENUES,
          MARK_PRICE_TTL,
          ORDER_BOOK_TTL,
          POSITION_TTL,
          ORDER_STREAM_MAXLEN,
          SUBS_BRIDGE,
          SUBS_NOTIFICATIONS,
          SUBS_POLL_INTERVAL,
          SUBS_RESCAN_INTERVAL);

  static RedisPersisterConfig from(Settings settings) {
    return new RedisPersisterConfig(
        settings.get(REDIS_URL),
        settings.get(GROUP),
        settings.get(BATCH_SIZE),
        settings.get(RETRY_MAX),
        settings.get(KLINE_STORE),
        settings.get(KLINE_RETENTION),
        Set.copyOf(settings.get(CACHE_VENUES)),
        settings.get(MARK_PRICE_TTL),
        settings.get(ORDER_BOOK_TTL),
        settings.get(POSITION_TTL),
        settings.get(ORDER_STREAM_MAXLEN),
        settings.get(SUBS_BRIDGE),
        settings.get(SUBS_NOTIFICATIONS),
        settings.get(SUBS_POLL_INTERVAL),
        settings.get(SUBS_RESCAN_INTERVAL));
  }

  /** Whether events of this venue feed the venue-less {@code websocket:*} keys. */
  boolean feedsCache(String venue) {
    return cacheVenues.contains(venue);
  }

  private static List<String> checkCacheVenues(List<String> venues) {
    long binance = 0;
    long upbit = 0;
    for (String id : venues) {
      Venue venue;
      try {
        venue = Venue.of(id);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("naming an unknown venue '" + id + "'");
      }
      if (venue == Venue.UPBIT) {
        upbit++;
      } else {
        binance++;
      }
    }
    if (binance > 1 || upbit > 1) {
      throw new IllegalArgumentException(
          "mixing venues whose native symbols collide (" + String.join(", ", venues) + ")");
    }
    return venues;
  }
}

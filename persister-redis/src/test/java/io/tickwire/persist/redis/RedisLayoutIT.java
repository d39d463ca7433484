package io.tickwire.persist.redis;

import static io.tickwire.testkit.SampleEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.kit.ServiceHost;
import io.tickwire.model.Balance;
import io.tickwire.model.Bbo;
import io.tickwire.model.BookTop;
import io.tickwire.model.Kline;
import io.tickwire.model.MarkPrice;
import io.tickwire.model.Order;
import io.tickwire.model.Position;
import io.tickwire.model.Ticker;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.testkit.KafkaExtension;
import io.tickwire.testkit.KafkaTestClient;
import io.tickwire.testkit.RedisExtension;
import io.tickwire.testkit.SampleEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Every data type persister-redis consumes lands in the documented key with the documented value
 * (the sorted-set candle layout: this Redis has no RedisTimeSeries), and replaying every record
 * changes nothing.
 */
class RedisLayoutIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();
  @RegisterExtension static final RedisExtension REDIS = RedisExtension.isolated();

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final String prefix = KafkaExtension.uniquePrefix();
  private final KafkaTestClient kafka = KAFKA.client();
  private RedisClient redis;

  // what the test sends, in order
  private final Ticker ticker1 =
      SampleEvents.ticker("binance-spot", "BTC-USDT", "BTCUSDT", "16550.00", T0);
  private final Ticker ticker2 =
      SampleEvents.ticker("binance-spot", "BTC-USDT", "BTCUSDT", "16551.00", T0 + 1000);
  private final Bbo bbo1 = SampleEvents.bbo("binance-spot", "BTC-USDT", "BTCUSDT", 1, "16549.99");
  private final Bbo bbo2 = SampleEvents.bbo("binance-spot", "BTC-USDT", "BTCUSDT", 2, "16550.00");
  private final Kline open1 = kline(T0, "16500.50", false, T0 + 1_000);
  private final Kline open2 = kline(T0, "16502.00", false, T0 + 30_000);
  private final Kline closed = kline(T0, "16503.00", true, T0 + 60_000);
  private final Kline next = kline(T0 + 60_000, "16503.10", false, T0 + 61_000);
  private final MarkPrice mark = SampleEvents.markPrice("BTCUSDT", "BTC-USDT", "16551.10", T0);
  private final BookTop usdmBook =
      SampleEvents.bookTop("binance-usdm", "BTC-USDT", "BTCUSDT", 20, T0);
  private final BookTop spotBook =
      SampleEvents.bookTop("binance-spot", "BTC-USDT", "BTCUSDT", 20, T0 + 1);
  private final Order placed =
      SampleEvents.order(
          "binance-usdm", "4db7ef", "BTC-USDT", "BTCUSDT", "100", Order.Status.NEW, "0", null, T0);
  private final Order filled =
      SampleEvents.order(
          "binance-usdm",
          "4db7ef",
          "BTC-USDT",
          "BTCUSDT",
          "100",
          Order.Status.PARTIALLY_FILLED,
          "0.50000000",
          "900",
          T0 + 10);
  private final Order spotOrder =
      SampleEvents.order(
          "binance-spot", "4db7ef", "ETH-BTC", "ETHBTC", "7", Order.Status.NEW, "0", null, T0);
  private final Balance snapshot =
      SampleEvents.spotBalance(
          "4db7ef",
          Balance.Kind.SNAPSHOT,
          T0,
          "BTC",
          "1.00000000",
          "0.50000000",
          "ETH",
          "10.00000000",
          "0.00000000",
          "USDT",
          "100.00",
          "0.00");
  private final Balance update =
      SampleEvents.spotBalance(
          "4db7ef", Balance.Kind.UPDATE, T0 + 5, "BTC", "0.90000000", "0.60000000");
  private final Position position =
      SampleEvents.position("4db7ef", "BTC-USDT", "BTCUSDT", "0.010", T0);

  private static Kline kline(long openTime, String close, boolean closed, long eventTime) {
    return SampleEvents.kline(
        "binance-spot", "BTC-USDT", "BTCUSDT", openTime, close, closed, eventTime);
  }

  @BeforeEach
  void setUp() {
    redis = RedisClient.create(REDIS.url());
    redis.flushAll();
    kafka.createTopics(Persisters.topics(prefix));
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  private void sendEverything() {
    kafka.send(
        topic(Topics.TICKERS),
        entry(ticker1.instrumentKey(), ticker1),
        entry(ticker2.instrumentKey(), ticker2));
    kafka.send(
        topic(Topics.BBO), entry(bbo1.instrumentKey(), bbo1), entry(bbo2.instrumentKey(), bbo2));
    kafka.send(
        topic(Topics.KLINES),
        entry(open1.instrumentKey(), open1),
        entry(open2.instrumentKey(), open2),
        entry(next.instrumentKey(), next));
    kafka.send(topic(Topics.KLINES_CLOSED), entry(closed.instrumentKey(), closed));
    kafka.send(topic(Topics.MARK_PRICES), entry(mark.instrumentKey(), mark));
    kafka.send(
        topic(Topics.BOOK_TOP),
        entry(usdmBook.instrumentKey(), usdmBook),
        entry(spotBook.instrumentKey(), spotBook));
    kafka.send(
        topic(Topics.ORDERS),
        entry(placed.accountKey(), placed),
        entry(filled.accountKey(), filled),
        entry(spotOrder.accountKey(), spotOrder));
    kafka.send(
        topic(Topics.BALANCES),
        entry(snapshot.accountKey(), snapshot),
        entry(update.accountKey(), update));
    kafka.send(topic(Topics.POSITIONS), entry(position.accountKey(), position));
  }

  private void awaitCaughtUp(String group) {
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(kafka.lag(group, Persisters.topicNames(prefix))).isZero());
  }

  @Test
  void eachDataTypeLandsInItsDocumentedKeyWithItsDocumentedValueAndReplaysChangeNothing()
      throws Exception {
    Map<String, String> env = Persisters.env(KAFKA, prefix, REDIS.url());
    try (ServiceHost host = Persisters.start(env)) {
      sendEverything();
      awaitCaughtUp(env.get("REDIS_PERSISTER_GROUP"));
      await().atMost(WAIT).until(host::ready);
    }

    Map<String, Object> dump = RedisDump.of(redis);
    assertThat(dump)
        .containsOnlyKeys(
            "binance-spot-ticker",
            "binance-spot-bbo",
            "binance-spot-kline-BTCUSDT-1m",
            "websocket:mark_price:btcusdt",
            "websocket:orderbook:btcusdt:20",
            "binance-usdm-4db7ef-order-BTCUSDT",
            "binance-spot-4db7ef-order-ETHBTC",
            "websocket:orders:btcusdt",
            "tickwire:seen:websocket:orders:btcusdt",
            "binance-spot-4db7ef-balance",
            "websocket:position:btcusdt");
    assertThat(dump.get("binance-spot-ticker"))
        .isEqualTo(Map.of("BTCUSDT", json(Topics.TICKERS, ticker2)));
    assertThat(dump.get("binance-spot-bbo")).isEqualTo(Map.of("BTCUSDT", json(Topics.BBO, bbo2)));
    // the closed candle wins over the updates of its minute, whatever order they came in
    assertThat(dump.get("binance-spot-kline-BTCUSDT-1m"))
        .isEqualTo(
            List.of(
                T0 + " " + json(Topics.KLINES_CLOSED, closed),
                (T0 + 60_000) + " " + json(Topics.KLINES, next)));
    assertThat(dump.get("websocket:mark_price:btcusdt")).isEqualTo(json(Topics.MARK_PRICES, mark));
    // binance-spot does not feed the venue-less cache keys by default: USD-M owns "btcusdt"
    assertThat(dump.get("websocket:orderbook:btcusdt:20"))
        .isEqualTo(json(Topics.BOOK_TOP, usdmBook));
    assertThat(dump.get("binance-usdm-4db7ef-order-BTCUSDT"))
        .isEqualTo(Map.of("100", json(Topics.ORDERS, filled)));
    assertThat(dump.get("binance-spot-4db7ef-order-ETHBTC"))
        .isEqualTo(Map.of("7", json(Topics.ORDERS, spotOrder)));
    assertThat(RedisDump.streamFields(redis, "websocket:orders:btcusdt"))
        .containsExactly(
            Map.of(
                "uid",
                "binance-usdm:4db7ef:100:NEW:NEW:0::" + T0,
                "data",
                json(Topics.ORDERS, placed)),
            Map.of(
                "uid",
                "binance-usdm:4db7ef:100:TRADE:PARTIALLY_FILLED:0.50000000:900:" + (T0 + 10),
                "data",
                json(Topics.ORDERS, filled)));
    assertThat(dump.get("binance-spot-4db7ef-balance"))
        .isEqualTo(
            Map.of(
                "free", "{\"BTC\":\"0.90000000\",\"ETH\":\"10.00000000\",\"USDT\":\"100.00\"}",
                "used", "{\"BTC\":\"0.60000000\",\"ETH\":\"0.00000000\",\"USDT\":\"0.00\"}",
                "total", "{\"BTC\":\"1.50000000\",\"ETH\":\"10.00000000\",\"USDT\":\"100.00\"}",
                "BTC", "{\"free\":\"0.90000000\",\"used\":\"0.60000000\",\"total\":\"1.50000000\"}",
                "ETH",
                    "{\"free\":\"10.00000000\",\"used\":\"0.00000000\",\"total\":\"10.00000000\"}",
                "USDT", "{\"free\":\"100.00\",\"used\":\"0.00\",\"total\":\"100.00\"}",
                "timestamp", Long.toString(T0 + 5),
                "datetime", "2023-01-01T00:00:00.005Z"));
    assertThat(dump.get("websocket:position:btcusdt"))
        .isEqualTo(Map.of("binance-usdm:4db7ef:BOTH", json(Topics.POSITIONS, position)));
    assertThat(redis.ttl("websocket:mark_price:btcusdt")).isBetween(1L, 60L);
    assertThat(redis.ttl("websocket:orderbook:btcusdt:20")).isBetween(1L, 60L);
    assertThat(redis.ttl("websocket:position:btcusdt")).isBetween(1L, 300L);
    assertThat(redis.ttl("binance-spot-ticker")).isEqualTo(-1L);

    // a new group reads every record again from the beginning, as after a lost commit
    Map<String, String> replay = Persisters.env(KAFKA, prefix, REDIS.url());
    replay.put("REDIS_PERSISTER_GROUP", "replay-" + prefix);
    try (ServiceHost host = Persisters.start(replay)) {
      awaitCaughtUp(replay.get("REDIS_PERSISTER_GROUP"));
      await().atMost(WAIT).until(host::ready);
    }
    assertThat(RedisDump.of(redis)).isEqualTo(dump);
  }

  private <V> Topic<String, V> topic(Topic<String, V> topic) {
    return topic.withPrefix(prefix);
  }

  private static <V> Map.Entry<String, V> entry(String key, V value) {
    return Map.entry(key, value);
  }

  static <V> String json(Topic<String, V> topic, V event) {
    return new String(
        topic.valueSerde().serializer().serialize(topic.name(), event), StandardCharsets.UTF_8);
  }
}

package io.tickwire.persist.redis.subs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.kit.ServiceHost;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.persist.redis.Persisters;
import io.tickwire.persist.redis.RedisPersisterProvider;
import io.tickwire.testkit.KafkaExtension;
import io.tickwire.testkit.KafkaTestClient;
import io.tickwire.testkit.RedisExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * Writing {@code *-subs} keys in real Redis changes the desired streams on the real control topic:
 * added, removed, left alone when someone else asked for them, untouched by malformed values.
 */
class SubscriptionBridgeIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();
  @RegisterExtension static final RedisExtension REDIS = RedisExtension.isolated();

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String KLINES = "binance-spot-kline_1m-subs";
  private static final String BY_KLINES = "redis:" + KLINES;

  private final String prefix = KafkaExtension.uniquePrefix();
  private final KafkaTestClient kafka = KAFKA.client();
  private final Topic<String, SubscriptionRequest> control =
      Topics.SUBSCRIPTIONS.withPrefix(prefix);
  private RedisClient redis;

  @BeforeEach
  void setUp() {
    redis = RedisClient.create(REDIS.url());
    redis.flushAll();
    redis.configSet("notify-keyspace-events", "");
    kafka.createTopics(Persisters.topics(prefix));
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  private ServiceHost start(Map<String, String> overrides) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers());
    env.put("TOPIC_PREFIX", prefix);
    env.put("HEALTH_PORT_BASE", "0");
    env.put("REDIS_URL", REDIS.url());
    env.put("REDIS_PERSISTER_GROUP", "persister-redis-" + prefix);
    env.putAll(overrides);
    return ServiceHost.start(List.of(new RedisPersisterProvider()), env);
  }

  /** Stream key to requestedBy, folding the control topic until it matches. */
  private Map<String, String> awaitStreams(Predicate<Map<String, String>> done) {
    Map<String, String> state = new TreeMap<>();
    kafka.readUntil(control, records -> done.test(fold(records, state)), WAIT);
    return state;
  }

  private static Map<String, String> fold(
      List<ConsumerRecord<String, SubscriptionRequest>> records, Map<String, String> state) {
    state.clear();
    for (ConsumerRecord<String, SubscriptionRequest> record : records) {
      if (record.value() == null) {
        state.remove(record.key());
      } else {
        state.put(record.key(), record.value().requestedBy());
      }
    }
    return state;
  }

  @Test
  void pollingAddsAndRemovesStreamsLeavesOthersAloneAndReportsMalformedValues() throws Exception {
    SubscriptionRequest fromCli =
        new SubscriptionRequest("binance-spot", "trade", "BTC-USDT", Map.of(), "cli", null, 1L);
    kafka.send(control, Map.entry(fromCli.key(), fromCli));

    try (ServiceHost host =
        start(Map.of("REDIS_SUBS_NOTIFICATIONS", "off", "REDIS_SUBS_POLL_INTERVAL", "200ms"))) {
      redis.set(KLINES, "[\"BTCUSDT\",\"ETHUSDT\"]");
      redis.set("upbit-orderbook-subs", "[\"KRW-BTC.15\"]");
      redis.set("binance-spot-trade-subs", "[\"btcusdt\"]");
      Map<String, String> expected =
          Map.of(
              "binance-spot|kline|BTC-USDT|1m",
              BY_KLINES,
              "binance-spot|kline|ETH-USDT|1m",
              BY_KLINES,
              "upbit|orderbook|BTC-KRW|15",
              "redis:upbit-orderbook-subs",
              "binance-spot|trade|BTC-USDT",
              "cli");
      assertThat(awaitStreams(s -> s.equals(expected))).isEqualTo(expected);

      redis.set(KLINES, "[\"BTCUSDT\"]");
      Map<String, String> ethRemoved = new TreeMap<>(expected);
      ethRemoved.remove("binance-spot|kline|ETH-USDT|1m");
      // (the records read so far must match exactly: a prefix of the topic would match "absent")
      assertThat(awaitStreams(s -> s.equals(ethRemoved))).isEqualTo(ethRemoved);

      redis.set(KLINES, "{\"BTCUSDT\":true}");
      redis.set("binance-spot-bookTicker-subs", "[\"BTCUSDT\",\"BTC-USDT\",7]");
      await().atMost(WAIT).until(() -> redis.exists("binance-spot-bookTicker-subs-error"));
      assertThat(redis.get(KLINES + "-error"))
          .isEqualTo(
              KLINES
                  + ": the value is a JSON object, expected a JSON array of native symbols such as"
                  + " [\"BTCUSDT\",\"ETHUSDT\"] (Upbit: [\"KRW-BTC\"]); nothing was changed");
      assertThat(redis.get("binance-spot-bookTicker-subs-error"))
          .startsWith("binance-spot-bookTicker-subs: element 2 (\"BTC-USDT\"): invalid stream")
          .contains("; element 3 (7) is not a symbol; nothing was changed");
      // a later, valid key is applied; the malformed ones changed nothing
      redis.set("binance-spot-aggTrade-subs", "[\"ETHUSDT\"]");
      Map<String, String> afterMalformed =
          Map.of(
              "binance-spot|kline|BTC-USDT|1m", BY_KLINES,
              "upbit|orderbook|BTC-KRW|15", "redis:upbit-orderbook-subs",
              "binance-spot|trade|BTC-USDT", "cli",
              "binance-spot|aggTrade|ETH-USDT", "redis:binance-spot-aggTrade-subs");
      assertThat(awaitStreams(s -> s.equals(afterMalformed))).isEqualTo(afterMalformed);

      redis.set(KLINES, "[\"ETHUSDT\"]");
      Map<String, String> fixed = new TreeMap<>(afterMalformed);
      fixed.remove("binance-spot|kline|BTC-USDT|1m");
      fixed.put("binance-spot|kline|ETH-USDT|1m", BY_KLINES);
      assertThat(awaitStreams(s -> s.equals(fixed))).isEqualTo(fixed);
      await().atMost(WAIT).until(() -> !redis.exists(KLINES + "-error"));

      redis.del("binance-spot-trade-subs", "upbit-orderbook-subs");
      Map<String, String> end =
          Map.of(
              "binance-spot|kline|ETH-USDT|1m", BY_KLINES,
              "binance-spot|trade|BTC-USDT", "cli",
              "binance-spot|aggTrade|ETH-USDT", "redis:binance-spot-aggTrade-subs");
      assertThat(awaitStreams(s -> s.equals(end))).isEqualTo(end);
      await().atMost(WAIT).until(host::ready);
    }
  }

  @Test
  void keyspaceNotificationsApplyChangesWithoutWaitingForARescan() throws Exception {
    try (ServiceHost host =
        start(
            Map.of(
                "REDIS_SUBS_NOTIFICATIONS", "enable",
                "REDIS_SUBS_POLL_INTERVAL", "10m",
                "REDIS_SUBS_RESCAN_INTERVAL", "10m"))) {
      // the bridge turned notifications on and subscribed to them
      await().atMost(WAIT).until(() -> numberOfPatternSubscriptions() == 1);
      assertThat(KeyspaceWatcher.notificationsOn(redis, false)).isTrue();

      redis.set(KLINES, "[\"BTCUSDT\"]");
      Map<String, String> first = Map.of("binance-spot|kline|BTC-USDT|1m", BY_KLINES);
      assertThat(awaitStreams(s -> s.equals(first))).isEqualTo(first);
      // no rescan is due for 10 minutes: only the notifications can bring these
      redis.set("upbit-trade-subs", "[\"KRW-ETH\"]");
      Map<String, String> second = new TreeMap<>(first);
      second.put("upbit|trade|ETH-KRW", "redis:upbit-trade-subs");
      assertThat(awaitStreams(s -> s.equals(second))).isEqualTo(second);
      redis.del(KLINES);
      Map<String, String> end = Map.of("upbit|trade|ETH-KRW", "redis:upbit-trade-subs");
      assertThat(awaitStreams(s -> s.equals(end))).isEqualTo(end);
      await().atMost(WAIT).until(host::ready);
    }
  }

  private long numberOfPatternSubscriptions() {
    return (Long) redis.executeCommand(new CommandArguments(Protocol.Command.PUBSUB).add("NUMPAT"));
  }
}

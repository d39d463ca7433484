package io.tickwire.persist.redis;

import static io.tickwire.testkit.SampleEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.health.Readiness;
import io.tickwire.model.Order;
import io.tickwire.model.Ticker;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.testkit.KafkaExtension;
import io.tickwire.testkit.KafkaTestClient;
import io.tickwire.testkit.RedisExtension;
import io.tickwire.testkit.SampleEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Redis stops while records stream in and starts again (empty: the local Redis keeps no data). What
 * must hold: nothing is committed while Redis is down, the persister reports not-ready, and after
 * the restart every record from the first uncommitted offset on is in Redis exactly once. Records
 * committed before the outage were acknowledged by the Redis that was lost with them; the test
 * checks that they, and only they, are absent.
 */
class RedisOutageIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();
  @RegisterExtension static final RedisExtension REDIS = RedisExtension.isolated();

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int ORDERS = 2400;
  private static final int CHUNK = 20;
  private static final List<String> SYMBOLS =
      List.of(
          "BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT", "ADAUSDT", "DOTUSDT", "LTCUSDT");

  private final String prefix = KafkaExtension.uniquePrefix();
  private final KafkaTestClient kafka = KAFKA.client();
  private final Topic<String, Order> orders = Topics.ORDERS.withPrefix(prefix);
  private final Topic<String, Ticker> tickers = Topics.TICKERS.withPrefix(prefix);

  private static Order order(int i) {
    String nativeSymbol = SYMBOLS.get(i % SYMBOLS.size());
    String symbol = nativeSymbol.replace("USDT", "-USDT");
    return SampleEvents.order(
        "binance-usdm",
        "acc00" + (i % 6),
        symbol,
        nativeSymbol,
        "o" + i,
        Order.Status.NEW,
        "0",
        null,
        T0 + i);
  }

  @Test
  void redisRestartMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
    kafka.createTopics(Persisters.topics(prefix));
    Map<String, String> env = Persisters.env(KAFKA, prefix, REDIS.url());
    env.put("REDIS_PERSISTER_RETRY_MAX", "500ms");
    env.put("REDIS_PERSISTER_BATCH_SIZE", "50");
    String group = env.get("REDIS_PERSISTER_GROUP");
    AtomicBoolean outage = new AtomicBoolean();

    try (ServiceHost host = Persisters.start(env);
        RedisClient redis = RedisClient.create(REDIS.url())) {
      Readiness readiness = Persisters.readiness(host);
      CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produce(group, outage));

      await().atMost(WAIT).until(() -> committedOrders(group) >= ORDERS / 4);
      REDIS.server().stop();
      outage.set(true);
      await()
          .atMost(WAIT)
          .until(() -> !readiness.statuses().get("redis-writes").healthy() && !host.ready());
      Map<TopicPartition, Long> frozen = orderOffsets(group);
      producing.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      // every record is in Kafka now, and still nothing more was committed
      assertThat(orderOffsets(group)).isEqualTo(frozen);

      REDIS.server().start();
      await()
          .atMost(WAIT)
          .until(() -> kafka.lag(group, Persisters.topicNames(prefix)) == 0 && host.ready());

      List<ConsumerRecord<String, Order>> all = kafka.read(orders, ORDERS, WAIT);
      List<Order> expected =
          all.stream()
              .filter(
                  r ->
                      r.offset()
                          >= frozen.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L))
              .map(ConsumerRecord::value)
              .toList();
      assertThat(expected.size()).isBetween(1, ORDERS - ORDERS / 4);

      for (String nativeSymbol : SYMBOLS) {
        List<String> streamed =
            RedisDump.streamFields(redis, "websocket:orders:" + nativeSymbol.toLowerCase()).stream()
                .map(fields -> fields.get("uid"))
                .toList();
        assertThat(streamed)
            .as("stream of %s: each record after the committed offsets once", nativeSymbol)
            .containsExactlyInAnyOrderElementsOf(
                expected.stream()
                    .filter(o -> o.nativeSymbol().equals(nativeSymbol))
                    .map(OrderStream::updateId)
                    .toList());
      }
      Map<String, List<String>> hashed = new HashMap<>();
      for (String key : redis.keys("binance-usdm-*-order-*")) {
        hashed.put(key, new ArrayList<>(redis.hkeys(key)));
      }
      assertThat(hashed.values().stream().mapToInt(List::size).sum()).isEqualTo(expected.size());
      assertThat(hashed)
          .allSatisfy(
              (key, ids) ->
                  assertThat(ids)
                      .containsExactlyInAnyOrderElementsOf(
                          expected.stream()
                              .filter(
                                  o ->
                                      key.equals(
                                          "binance-usdm-"
                                              + o.accountId()
                                              + "-order-"
                                              + o.nativeSymbol()))
                              .map(Order::orderId)
                              .toList()));
      assertThat(redis.hget("binance-spot-ticker", "BTCUSDT"))
          .isEqualTo(RedisLayoutIT.json(Topics.TICKERS, lastTicker()));
    }
  }

  private Ticker lastTicker() {
    return SampleEvents.ticker(
        "binance-spot", "BTC-USDT", "BTCUSDT", Integer.toString(ORDERS / CHUNK), T0 + ORDERS);
  }

  /** Streams the orders in chunks, each with a ticker; paced by the persister until Redis stops. */
  private void produce(String group, AtomicBoolean outage) {
    try (KafkaProducer<String, Order> orderProducer =
            new KafkaProducer<>(
                Map.of("bootstrap.servers", KAFKA.bootstrapServers(), "linger.ms", 0),
                orders.keySerde().serializer(),
                orders.valueSerde().serializer());
        KafkaProducer<String, Ticker> tickerProducer =
            new KafkaProducer<>(
                Map.of("bootstrap.servers", KAFKA.bootstrapServers(), "linger.ms", 0),
                tickers.keySerde().serializer(),
                tickers.valueSerde().serializer())) {
      for (int chunk = 0; chunk < ORDERS / CHUNK; chunk++) {
        for (int i = chunk * CHUNK; i < (chunk + 1) * CHUNK; i++) {
          Order order = order(i);
          orderProducer.send(new ProducerRecord<>(orders.name(), order.accountKey(), order));
        }
        Ticker ticker =
            chunk == ORDERS / CHUNK - 1
                ? lastTicker()
                : SampleEvents.ticker(
                    "binance-spot", "BTC-USDT", "BTCUSDT", Integer.toString(chunk), T0 + chunk);
        tickerProducer.send(new ProducerRecord<>(tickers.name(), ticker.instrumentKey(), ticker));
        orderProducer.flush();
        tickerProducer.flush();
        // keep the stream flowing at the persister's pace, so Redis stops mid-stream
        long sent = (chunk + 1L) * CHUNK;
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(20))
            .until(() -> outage.get() || committedOrders(group) >= sent - 100);
      }
    }
  }

  private Map<TopicPartition, Long> orderOffsets(String group) {
    return kafka.committed(group).entrySet().stream()
        .filter(e -> e.getKey().topic().equals(orders.name()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private long committedOrders(String group) {
    return orderOffsets(group).values().stream().mapToLong(Long::longValue).sum();
  }
}

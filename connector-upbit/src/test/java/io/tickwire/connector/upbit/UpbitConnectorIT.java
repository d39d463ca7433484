package io.tickwire.connector.upbit;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.StreamNames;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.sim.ExchangeSim;
import io.tickwire.testkit.KafkaExtension;
import io.tickwire.testkit.KafkaTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What connector-upbit's ITs share: fresh topics under a unique prefix on a real Kafka, replicas of
 * the real service (provider, settings, service, as the distribution builds them) pointed at an
 * exchange-sim, and ways to write requests and read what landed in Kafka.
 */
abstract class UpbitConnectorIT {

  static final Duration WAIT = Duration.ofSeconds(60);

  static final List<Topic<?, ?>> TOPICS =
      List.of(
          Topics.RAW_UPBIT,
          Topics.TRADES,
          Topics.TICKERS,
          Topics.BOOK,
          Topics.KLINES,
          Topics.STATUS,
          Topics.SUBSCRIPTIONS,
          Topics.DEAD_LETTERS);

  String prefix;
  KafkaTestClient kafka;
  private final List<ConnectorHarness> replicas = new ArrayList<>();

  /** The class's broker. */
  abstract KafkaExtension broker();

  @BeforeEach
  void freshTopics() {
    prefix = KafkaExtension.uniquePrefix();
    kafka = broker().client();
    kafka.createTopics(TOPICS.stream().<Topic<?, ?>>map(t -> t.withPrefix(prefix)).toList());
  }

  @AfterEach
  void stopReplicas() {
    replicas.forEach(ConnectorHarness::close);
    replicas.clear();
  }

  /** Settings of a replica against {@code sim}: scaled-down timers, this test's topics. */
  Map<String, String> env(ExchangeSim sim, String streams) {
    Map<String, String> env = ConnectorHarness.env(broker().bootstrapServers(), prefix);
    env.put("UPBIT_WS_URL", sim.wsBaseUrl() + "/websocket/v1");
    env.put("UPBIT_REST_URL", sim.httpBaseUrl());
    env.put("UPBIT_STREAMS", streams);
    return env;
  }

  ConnectorHarness start(Map<String, String> env) {
    ConnectorHarness replica = ConnectorHarness.start(new UpbitConnectorProvider(), env);
    replicas.add(replica);
    return replica;
  }

  /** Writes requests for these Upbit streams to the control topic. */
  void subscribe(List<String> specs) {
    List<Map.Entry<String, SubscriptionRequest>> records = new ArrayList<>();
    for (String spec : specs) {
      SubscriptionRequest r =
          StreamNames.fromUpbit("upbit", spec, "test", null, System.currentTimeMillis());
      records.add(Map.entry(r.key(), r));
    }
    Topic<String, SubscriptionRequest> topic = Topics.SUBSCRIPTIONS.withPrefix(prefix);
    kafka.send(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), records);
  }

  /**
   * Writes one request per stream, each its own acknowledged record from one producer, so they
   * reach the connector as a burst of separate changes (far more than 5 a second).
   */
  void burst(List<String> specs) {
    Topic<String, SubscriptionRequest> topic = Topics.SUBSCRIPTIONS.withPrefix(prefix);
    try (KafkaProducer<String, SubscriptionRequest> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", broker().bootstrapServers(), "linger.ms", 0),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      for (String spec : specs) {
        SubscriptionRequest r =
            StreamNames.fromUpbit("upbit", spec, "test", null, System.currentTimeMillis());
        producer.send(new ProducerRecord<>(topic.name(), r.key(), r)).get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot write requests", e);
    }
  }

  /** Tombstones for these streams: nobody wants them any more. */
  void unsubscribe(List<String> specs) {
    List<Map.Entry<String, SubscriptionRequest>> records = new ArrayList<>();
    for (String spec : specs) {
      records.add(
          new java.util.AbstractMap.SimpleEntry<>(
              StreamNames.fromUpbit("upbit", spec, "test", null, 0).key(), null));
    }
    Topic<String, SubscriptionRequest> topic = Topics.SUBSCRIPTIONS.withPrefix(prefix);
    kafka.send(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), records);
  }

  /** Reads a topic of this test until the values read satisfy {@code done}. */
  <V> List<V> readUntil(Topic<String, V> topic, Predicate<List<V>> done) {
    return kafka
        .readUntil(
            topic.withPrefix(prefix),
            records -> done.test(records.stream().map(ConsumerRecord::value).toList()),
            WAIT)
        .stream()
        .map(ConsumerRecord::value)
        .toList();
  }

  /** Reads raw.upbit.v1 records until they satisfy {@code done}. */
  List<ConsumerRecord<String, byte[]>> readRaw(
      Predicate<List<ConsumerRecord<String, byte[]>>> done) {
    return kafka.readUntil(Topics.RAW_UPBIT.withPrefix(prefix), done, WAIT);
  }

  List<StatusMarker> markersUntil(Predicate<List<StatusMarker>> done) {
    return readUntil(Topics.STATUS, done);
  }

  static long count(List<StatusMarker> markers, String symbol, StatusMarker.Status status) {
    return markers.stream().filter(m -> m.status() == status && symbol.equals(m.symbol())).count();
  }
}

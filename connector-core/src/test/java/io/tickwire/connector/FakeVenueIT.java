package io.tickwire.connector;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.connector.testing.FakeExchange;
import io.tickwire.model.BinanceSymbols;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.StreamNames;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.testkit.KafkaExtension;
import io.tickwire.testkit.KafkaTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the Kafka ITs of the core share: fresh topics under a unique prefix, a {@link FakeExchange},
 * a connector replica to start, and ways to write requests and read markers.
 */
abstract class FakeVenueIT {

  static final Duration WAIT = Duration.ofSeconds(90);

  String prefix;
  KafkaTestClient kafka;
  FakeExchange exchange;
  ConnectorHarness connector;

  /** The class's broker (shared or isolated). */
  abstract KafkaExtension broker();

  /** The topics a connector of the fake venue reads and writes. */
  static final List<Topic<?, ?>> TOPICS =
      List.of(
          Topics.RAW_BINANCE_SPOT,
          Topics.TRADES,
          Topics.BOOK,
          Topics.BBO,
          Topics.STATUS,
          Topics.SUBSCRIPTIONS,
          Topics.DEAD_LETTERS);

  @BeforeEach
  void topicsAndExchange() {
    prefix = KafkaExtension.uniquePrefix();
    kafka = broker().client();
    List<Topic<?, ?>> topics = TOPICS.stream().<Topic<?, ?>>map(t -> t.withPrefix(prefix)).toList();
    kafka.createTopics(topics);
    awaitServed(topics);
    exchange = new FakeExchange(false);
  }

  /**
   * Waits until the broker serves every partition: creating a topic returns once the controller
   * recorded it, and producing before the broker has loaded the partitions can wedge an idempotent
   * producer (out-of-order sequence after a not-leader retry) on a loaded machine.
   */
  private void awaitServed(List<Topic<?, ?>> topics) {
    List<TopicPartition> partitions = new ArrayList<>();
    topics.forEach(
        t ->
            IntStream.range(0, t.partitions())
                .forEach(p -> partitions.add(new TopicPartition(t.name(), p))));
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", broker().bootstrapServers()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.endOffsets(partitions, WAIT);
    }
  }

  @AfterEach
  void stopConnectorAndExchange() {
    if (connector != null) {
      connector.close();
    }
    exchange.close();
  }

  /** Settings of a replica against this test's exchange and topics. */
  Map<String, String> env() {
    return ConnectorHarness.env(broker().bootstrapServers(), prefix, exchange);
  }

  /** Writes requests for these Binance-style streams to the control topic. */
  void subscribe(List<String> streams, Long expiresAt) {
    List<Map.Entry<String, SubscriptionRequest>> records = new ArrayList<>();
    for (String stream : streams) {
      SubscriptionRequest request =
          StreamNames.fromBinance(
              ConnectorHarness.VENUE,
              stream,
              BinanceSymbols.withDefaultQuotes(),
              "test",
              expiresAt,
              System.currentTimeMillis());
      records.add(Map.entry(request.key(), request));
    }
    var topic = Topics.SUBSCRIPTIONS.withPrefix(prefix);
    kafka.send(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), records);
  }

  /** Reads md.status.v1 until the markers read satisfy {@code complete}. */
  List<StatusMarker> markers(Predicate<List<StatusMarker>> complete) {
    return kafka
        .readUntil(
            Topics.STATUS.withPrefix(prefix),
            records -> complete.test(records.stream().map(ConsumerRecord::value).toList()),
            WAIT)
        .stream()
        .map(ConsumerRecord::value)
        .toList();
  }

  /** The first marker of this status about the symbol, once it is there. */
  StatusMarker awaitMarker(String symbol, StatusMarker.Status status) {
    Predicate<StatusMarker> wanted = m -> symbol.equals(m.symbol()) && m.status() == status;
    return markers(m -> m.stream().anyMatch(wanted)).stream()
        .filter(wanted)
        .findFirst()
        .orElseThrow();
  }

  static long count(List<StatusMarker> markers, StatusMarker.Status status) {
    return markers.stream().filter(m -> m.status() == status).count();
  }
}

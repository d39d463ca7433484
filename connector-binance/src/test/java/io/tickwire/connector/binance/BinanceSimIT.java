package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.model.BinanceSymbols;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.StreamNames;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.model.Venue;
import io.tickwire.testkit.ExchangeSimExtension;
import io.tickwire.testkit.KafkaExtension;
import io.tickwire.testkit.KafkaTestClient;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the connector-binance ITs share: fresh topics under a unique prefix on a real Kafka, the
 * class's exchange-sim, replicas of the connector built as the distribution builds them, and ways
 * to write subscription requests and read what landed in Kafka.
 */
abstract class BinanceSimIT {

  static final Duration WAIT = Duration.ofSeconds(60);

  static final List<Topic<?, ?>> TOPICS =
      List.of(
          Topics.RAW_BINANCE_SPOT,
          Topics.RAW_BINANCE_USDM,
          Topics.TRADES,
          Topics.TICKERS,
          Topics.BBO,
          Topics.BOOK,
          Topics.KLINES,
          Topics.MARK_PRICES,
          Topics.LIQUIDATIONS,
          Topics.STATUS,
          Topics.SUBSCRIPTIONS,
          Topics.DEAD_LETTERS);

  String prefix;
  KafkaTestClient kafka;
  final List<ConnectorHarness> replicas = new ArrayList<>();

  /** The class's broker (shared or isolated). */
  abstract KafkaExtension broker();

  /** The class's simulator. */
  abstract ExchangeSimExtension sim();

  @BeforeEach
  void topics() {
    prefix = KafkaExtension.uniquePrefix();
    kafka = broker().client();
    kafka.createTopics(TOPICS.stream().<Topic<?, ?>>map(t -> t.withPrefix(prefix)).toList());
  }

  @AfterEach
  void stopReplicasAndClearFaults() {
    replicas.forEach(ConnectorHarness::close);
    replicas.clear();
    sim().faults().clear();
  }

  /** Settings of a replica against this test's simulator and topics, scaled for tests. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", broker().bootstrapServers());
    env.put("TOPIC_PREFIX", prefix);
    env.put("SHUTDOWN_TIMEOUT", "10s");
    for (String market : List.of("BINANCE_SPOT", "BINANCE_USDM")) {
      env.put(market + "_WS_URL", sim().wsBaseUrl());
      env.put(market + "_REST_URL", sim().httpBaseUrl());
    }
    env.put("CONNECTOR_IO_THREADS", "1");
    env.put("CONNECTOR_BACKOFF_BASE", "100ms");
    env.put("CONNECTOR_BACKOFF_CAP", "1s");
    env.put("CONNECTOR_REBALANCE_SESSION_TIMEOUT", "6s");
    env.put("KAFKA_PRODUCER_LINGER_MS", "1");
    return env;
  }

  /** Starts a replica of connector-binance. */
  ConnectorHarness start(Map<String, String> env) {
    ConnectorHarness replica = ConnectorHarness.start(new BinanceConnectorProvider(), env);
    replicas.add(replica);
    return replica;
  }

  /** Writes requests for these streams of a venue to the control topic. */
  void subscribe(Venue venue, List<String> streams) {
    List<Map.Entry<String, SubscriptionRequest>> records = new ArrayList<>();
    for (String stream : streams) {
      SubscriptionRequest request = request(venue, stream);
      records.add(Map.entry(request.key(), request));
    }
    send(records);
  }

  /** Tombstones the requests for these streams. */
  void unsubscribe(Venue venue, List<String> streams) {
    List<Map.Entry<String, SubscriptionRequest>> records = new ArrayList<>();
    for (String stream : streams) {
      records.add(new AbstractMap.SimpleEntry<>(request(venue, stream).key(), null));
    }
    send(records);
  }

  private void send(List<Map.Entry<String, SubscriptionRequest>> records) {
    var topic = Topics.SUBSCRIPTIONS.withPrefix(prefix);
    kafka.send(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), records);
  }

  private static SubscriptionRequest request(Venue venue, String stream) {
    return StreamNames.fromBinance(
        venue.id(),
        stream,
        BinanceSymbols.withDefaultQuotes(),
        "test",
        null,
        System.currentTimeMillis());
  }

  /** Reads a topic of this test until the values read satisfy {@code done}. */
  <V> List<V> values(Topic<String, V> topic, Predicate<List<V>> done) {
    return records(topic, done).stream().map(ConsumerRecord::value).toList();
  }

  <V> List<ConsumerRecord<String, V>> records(Topic<String, V> topic, Predicate<List<V>> done) {
    return kafka.readUntil(
        topic.withPrefix(prefix),
        records -> done.test(records.stream().map(ConsumerRecord::value).toList()),
        WAIT);
  }

  /** Reads md.status.v1 until the markers read satisfy {@code done}. */
  List<StatusMarker> markers(Predicate<List<StatusMarker>> done) {
    return values(Topics.STATUS, done);
  }

  static long count(List<StatusMarker> markers, String symbol, StatusMarker.Status status) {
    return markers.stream().filter(m -> symbol.equals(m.symbol()) && m.status() == status).count();
  }

  /** Trades of one venue and symbol, in topic order. */
  static List<Trade> trades(List<Trade> all, String venue, String symbol, Trade.Kind kind) {
    return all.stream()
        .filter(t -> t.venue().equals(venue) && t.symbol().equals(symbol) && t.kind() == kind)
        .toList();
  }

  /** Every id from the first to the last, each exactly once, in order. */
  static void assertContiguous(List<Trade> trades) {
    assertThat(trades).isNotEmpty();
    List<Long> ids = trades.stream().map(Trade::tradeId).toList();
    long first = ids.get(0);
    List<Long> expected = new ArrayList<>();
    for (long id = first; id < first + ids.size(); id++) {
      expected.add(id);
    }
    assertThat(ids)
        .as(
            "ids of %s %s: duplicates %s",
            trades.get(0).venue(),
            trades.get(0).symbol(),
            ids.stream()
                .collect(Collectors.groupingBy(i -> i, Collectors.counting()))
                .entrySet()
                .stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .limit(10)
                .toList())
        .isEqualTo(expected);
  }
}

package io.tickwire.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.connector.testing.FakeExchange;
import io.tickwire.connector.testing.FakeVenue;
import io.tickwire.connector.testing.ServerConnection;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.RawHeaders;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.StatusMarker.Status;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.testkit.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The control topic decides what is served: streams from settings, subscribe and unsubscribe
 * through the topic, leases, packing onto connections and routes, silence, malformed input.
 */
class SubscriptionsIT extends FakeVenueIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @Test
  void servesStreamsFromSettingsAndSubscribesAndUnsubscribesThroughTheControlTopic()
      throws Exception {
    Map<String, String> env = env();
    env.put("FAKE_STREAMS", "btcusdt@trade");
    connector = ConnectorHarness.start(env, FakeVenue.Options.defaults());

    await().atMost(WAIT).until(() -> exchange.subscribers("btcusdt@trade") == 1);
    ServerConnection connection = exchange.server().connections().get(0);
    assertThat(connection.query()).containsEntry("streams", "btcusdt@trade");
    var control = kafka.read(Topics.SUBSCRIPTIONS.withPrefix(prefix), 1, WAIT).get(0);
    assertThat(control.key()).isEqualTo("binance-spot|trade|BTC-USDT");
    assertThat(control.value().requestedBy()).isEqualTo("settings:connector-fake");

    for (int i = 0; i < 3; i++) {
      exchange.publishTrade("btcusdt@trade");
    }
    List<ConsumerRecord<String, Trade>> trades =
        kafka.read(Topics.TRADES.withPrefix(prefix), 3, WAIT);
    assertThat(trades).extracting(ConsumerRecord::key).containsOnly("binance-spot:BTC-USDT");
    assertThat(trades).extracting(r -> r.value().tradeId()).containsExactly(1L, 2L, 3L);
    var raw = kafka.read(Topics.RAW_BINANCE_SPOT.withPrefix(prefix), 3, WAIT);
    assertThat(raw).extracting(ConsumerRecord::key).containsOnly("btcusdt@trade");
    assertThat(new String(raw.get(0).value(), StandardCharsets.UTF_8))
        .startsWith("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"");
    String receivedAt =
        new String(
            raw.get(0).headers().lastHeader(RawHeaders.RECEIVED_AT).value(),
            StandardCharsets.US_ASCII);
    assertThat(Long.parseLong(receivedAt))
        .isGreaterThan(trades.get(0).value().tradeTime() * 1000 - 5_000_000);
    assertThat(raw.get(0).headers().lastHeader(RawHeaders.CONNECTION_ID)).isNotNull();
    awaitMarker("BTC-USDT", Status.CONNECTED);
    await().atMost(WAIT).until(connector::ready);

    subscribe(List.of("ethusdt@trade"), null);
    await().atMost(WAIT).until(() -> exchange.subscribers("ethusdt@trade") == 1);
    assertThat(connection.takeText(WAIT))
        .isEqualTo("{\"method\":\"SUBSCRIBE\",\"params\":[\"ethusdt@trade\"],\"id\":1}");
    assertThat(exchange.server().connections()).hasSize(1);
    exchange.publishTrade("ethusdt@trade");
    kafka.readUntil(
        Topics.TRADES.withPrefix(prefix),
        records -> records.stream().anyMatch(r -> r.key().equals("binance-spot:ETH-USDT")),
        WAIT);

    kafka.send(
        Topics.SUBSCRIPTIONS.withPrefix(prefix).name(),
        new StringSerializer(),
        new ByteArraySerializer(),
        List.of(new java.util.AbstractMap.SimpleEntry<>("binance-spot|trade|ETH-USDT", null)));
    await().atMost(WAIT).until(() -> exchange.subscribers("ethusdt@trade") == 0);
    assertThat(connection.takeText(WAIT))
        .isEqualTo("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"ethusdt@trade\"],\"id\":2}");
    awaitMarker("ETH-USDT", Status.DISCONNECTED);
    assertThat(exchange.subscribers("btcusdt@trade")).isEqualTo(1);
  }

  @Test
  void dropsAnExpiredLeaseUnlessItWasRenewed() {
    connector = ConnectorHarness.start(env(), FakeVenue.Options.defaults());
    long soon = System.currentTimeMillis() + 3_000;
    subscribe(List.of("solusdt@trade", "xrpusdt@trade"), soon);
    subscribe(List.of("xrpusdt@trade"), System.currentTimeMillis() + 600_000);
    await()
        .atMost(WAIT)
        .until(
            () -> exchange.servedStreams().containsAll(Set.of("solusdt@trade", "xrpusdt@trade")));

    await().atMost(WAIT).until(() -> exchange.subscribers("solusdt@trade") == 0);
    assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(soon);
    assertThat(exchange.subscribers("xrpusdt@trade")).isEqualTo(1);
    assertThat(connector.engine().streams()).containsExactly("xrpusdt@trade");
  }

  @Test
  void packsStreamsOntoConnectionsWithinTheStreamLimit() {
    Map<String, String> env = env();
    List<String> streams =
        List.of(
            "btcusdt@trade", "ethusdt@trade", "solusdt@trade", "xrpusdt@trade", "bnbusdt@trade");
    env.put("FAKE_STREAMS", String.join(",", streams));
    env.put("FAKE_MAX_STREAMS_PER_CONNECTION", "2");
    connector = ConnectorHarness.start(env, FakeVenue.Options.defaults());

    await().atMost(WAIT).until(() -> exchange.servedStreams().containsAll(streams));
    assertThat(streams).allSatisfy(s -> assertThat(exchange.subscribers(s)).isEqualTo(1));
    assertThat(exchange.server().openConnections()).hasSize(3);
    assertThat(exchange.server().openConnections())
        .allSatisfy(c -> assertThat(exchange.subscriptionsOf(c).size()).isLessThanOrEqualTo(2));
    assertThat(connector.engine().openConnections()).isEqualTo(3);
  }

  @Test
  void routesStreamsAndReplacesTheConnectionOfAStreamThatStaysSilent() {
    exchange.close();
    exchange = new FakeExchange(true);
    exchange.silence("btcusdt@bookTicker");
    Map<String, String> env = env();
    env.put("FAKE_STREAMS", "btcusdt@bookTicker,btcusdt@trade");
    env.put("FAKE_STREAM_SILENCE_TIMEOUT", "1s");
    connector = ConnectorHarness.start(env, FakeVenue.Options.defaults().withRoutes());

    await().atMost(WAIT).until(() -> exchange.server().openConnections().size() == 2);
    assertThat(exchange.server().openConnections())
        .extracting(ServerConnection::path)
        .containsExactlyInAnyOrder("/public/stream", "/market/stream");
    ServerConnection market =
        exchange.server().openConnections().stream()
            .filter(c -> c.path().startsWith("/market"))
            .findFirst()
            .orElseThrow();
    assertThat(exchange.subscriptionsOf(market)).containsExactly("btcusdt@trade");

    StatusMarker stale = awaitMarker("BTC-USDT", Status.STALE);
    assertThat(stale.stream()).isEqualTo("btcusdt@bookTicker");
    await()
        .atMost(WAIT)
        .until(
            () ->
                exchange.server().connections().stream()
                        .filter(c -> c.path().startsWith("/public"))
                        .count()
                    >= 2);
    assertThat(connector.count("connector.rotations", "cause", "stream_silence")).isPositive();
    // the market connection carrying the quiet-but-healthy trade stream was left alone
    assertThat(market.isOpen()).isTrue();
  }

  @Test
  void sendsMalformedFramesAndRequestsToDeadLettersAndKeepsTheSession() {
    Map<String, String> env = env();
    env.put("FAKE_STREAMS", "btcusdt@trade");
    connector = ConnectorHarness.start(env, FakeVenue.Options.defaults());
    await().atMost(WAIT).until(() -> exchange.subscribers("btcusdt@trade") == 1);

    exchange.sendToSubscribers("btcusdt@trade", "this is not json");
    exchange.sendToSubscribers(
        "btcusdt@trade", "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"t\":\"x\"}}");
    exchange.publishTrade("btcusdt@trade");
    kafka.send(
        Topics.SUBSCRIPTIONS.withPrefix(prefix).name(),
        new StringSerializer(),
        new ByteArraySerializer(),
        List.of(
            Map.entry(
                "binance-spot|trade|BAD-X", "{not a request".getBytes(StandardCharsets.UTF_8))));

    List<ConsumerRecord<String, DeadLetter>> letters =
        kafka.read(Topics.DEAD_LETTERS.withPrefix(prefix), 3, WAIT);
    Map<String, DeadLetter> byError =
        letters.stream()
            .collect(Collectors.toMap(r -> r.value().error().split(":")[0], ConsumerRecord::value));
    assertThat(byError)
        .containsOnlyKeys("cannot read frame", "cannot map frame", "unusable subscription request");
    assertThat(byError.get("cannot read frame").payload()).isEqualTo("this is not json");
    assertThat(byError.get("cannot map frame").stream()).isEqualTo("btcusdt@trade");
    assertThat(byError.get("cannot map frame").error()).contains("field 't' is not an integer");
    assertThat(byError.get("cannot map frame").connectionId()).isNotBlank();
    assertThat(byError.get("unusable subscription request").originTopic())
        .isEqualTo(prefix + "control.subscriptions.v1");
    assertThat(letters).extracting(ConsumerRecord::key).containsOnly("connector-fake:binance-spot");

    assertThat(kafka.read(Topics.TRADES.withPrefix(prefix), 1, WAIT).get(0).value().tradeId())
        .isEqualTo(1);
    assertThat(exchange.server().connections()).hasSize(1);
    assertThat(exchange.server().connections().get(0).isOpen()).isTrue();
  }

  @Test
  void waitsAtLeastTheRetryAfterOfA429BeforeConnectingAgain() {
    exchange.server().enqueueRejection(429, Map.of("Retry-After", "2"));
    Map<String, String> env = env();
    env.put("FAKE_STREAMS", "btcusdt@trade");
    connector = ConnectorHarness.start(env, FakeVenue.Options.defaults());

    await().atMost(WAIT).until(() -> exchange.subscribers("btcusdt@trade") == 1);
    List<Long> attempts = exchange.server().upgradeAttempts();
    assertThat(attempts).hasSize(2);
    assertThat(Duration.ofNanos(attempts.get(1) - attempts.get(0)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1_950));
    assertThat(connector.count("connector.reconnects", "cause", "rejected_429")).isEqualTo(1);
  }
}

package io.tickwire.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.connector.testing.FakeExchange;
import io.tickwire.connector.testing.FakeVenue;
import io.tickwire.model.Json;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.StatusMarker.Status;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.testkit.KafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connections are replaced under a live trade feed (on demand, on a shutdown notice, before their
 * lifetime ends) or dropped abruptly, and md.trades.v1 still holds every trade id of every stream
 * exactly once: rotations overlap and drop the duplicates, a drop is backfilled over REST.
 */
class RotationIT extends FakeVenueIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  private static final List<String> STREAMS =
      List.of("btcusdt@trade", "ethusdt@trade", "solusdt@trade");

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @Override
  Map<String, String> env() {
    Map<String, String> env = super.env();
    env.put("FAKE_STREAMS", String.join(",", STREAMS));
    return env;
  }

  @Test
  void rotationsOnDemandAndOnShutdownNoticeAndAnAbruptDropLoseAndRepeatNothing() throws Exception {
    connector = ConnectorHarness.start(env(), FakeVenue.Options.defaults());
    await().atMost(WAIT).until(() -> exchange.servedStreams().containsAll(STREAMS));

    try (FakeExchange.Feed feed = exchange.feed(STREAMS, Duration.ofMillis(3))) {
      awaitPublished(50);

      connector.service().rotateAll("on_demand");
      awaitConnections(2);
      awaitPublished(exchange.published(STREAMS.get(0)) + 50);

      exchange.shutdownNotice();
      awaitConnections(3);
      awaitPublished(exchange.published(STREAMS.get(0)) + 50);

      exchange.dropAll();
      await().atMost(WAIT).until(() -> exchange.server().connections().size() == 4);
      await().atMost(WAIT).until(() -> exchange.servedStreams().containsAll(STREAMS));
      awaitPublished(exchange.published(STREAMS.get(0)) + 50);
    }

    assertEveryTradeExactlyOnce();
    assertThat(connector.count("connector.rotations", "cause", "on_demand")).isEqualTo(1);
    assertThat(connector.count("connector.rotations", "cause", "server_shutdown")).isEqualTo(1);
    assertThat(connector.count("connector.reconnects", "cause", "connection_lost")).isEqualTo(1);
    List<StatusMarker> markers =
        markers(
            m ->
                count(m, Status.DISCONNECTED) == 3
                    && count(m, Status.CONNECTED) == 6
                    && count(m, Status.BACKFILLED) == count(m, Status.GAP_DETECTED));
    for (String symbol : List.of("BTC-USDT", "ETH-USDT", "SOL-USDT")) {
      // rotations are invisible; only the drop disconnected the streams
      assertThat(statuses(markers, symbol)).filteredOn(s -> s == Status.DISCONNECTED).hasSize(1);
    }
    List<StatusMarker> backfills =
        markers.stream().filter(m -> m.status() == Status.BACKFILLED).toList();
    List<StatusMarker> gaps =
        markers.stream().filter(m -> m.status() == Status.GAP_DETECTED).toList();
    assertThat(backfills).hasSameSizeAs(gaps);
    assertThat(backfills)
        .allSatisfy(
            m -> assertThat(m.detail()).startsWith("recovered " + m.count() + " of " + m.count()));
    // the drop happened mid-feed, so trades were missed and recovered
    assertThat(backfills.stream().mapToLong(StatusMarker::count).sum()).isPositive();
  }

  @Test
  void replacesConnectionsBeforeTheirLifetimeEnds() throws Exception {
    Map<String, String> env = env();
    env.put("FAKE_MAX_CONNECTION_LIFETIME", "3s");
    connector = ConnectorHarness.start(env, FakeVenue.Options.defaults().withoutBackfill());
    await().atMost(WAIT).until(() -> exchange.servedStreams().containsAll(STREAMS));

    try (FakeExchange.Feed feed = exchange.feed(STREAMS, Duration.ofMillis(3))) {
      awaitConnections(3);
      awaitPublished(exchange.published(STREAMS.get(0)) + 50);
    }

    assertEveryTradeExactlyOnce();
    assertThat(connector.count("connector.rotations", "cause", "lifetime"))
        .isGreaterThanOrEqualTo(2);
    assertThat(markers(m -> count(m, Status.CONNECTED) == 3))
        .extracting(StatusMarker::status)
        .doesNotContain(Status.DISCONNECTED, Status.GAP_DETECTED);
  }

  /** Waits until the exchange saw {@code n} connections and only the newest is still open. */
  private void awaitConnections(int n) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                exchange.server().connections().size() >= n
                    && exchange.server().openConnections().size() == 1
                    && !connector.engine().rotating());
  }

  /** Waits until md.trades holds at least {@code n} trades of the first stream. */
  private void awaitPublished(int n) {
    kafka.readUntil(
        Topics.TRADES.withPrefix(prefix),
        records ->
            records.stream().filter(r -> r.key().equals("binance-spot:BTC-USDT")).count() >= n,
        WAIT);
  }

  private void assertEveryTradeExactlyOnce() {
    Map<String, Integer> published = new java.util.HashMap<>();
    STREAMS.forEach(s -> published.put(symbolOf(s), exchange.published(s)));
    int total = published.values().stream().mapToInt(Integer::intValue).sum();
    List<ConsumerRecord<String, Trade>> trades =
        kafka.read(Topics.TRADES.withPrefix(prefix), total, WAIT);
    Map<String, List<Long>> ids =
        trades.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.value().symbol(),
                    Collectors.mapping(r -> r.value().tradeId(), Collectors.toList())));
    published.forEach(
        (symbol, n) ->
            assertThat(ids.get(symbol))
                .as("trade ids of %s in md.trades.v1", symbol)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList()));
    assertThat(trades).hasSize(total);

    // raw frames: in order, never twice (trades recovered by backfill have no frame)
    var raw =
        kafka.readUntil(
            Topics.RAW_BINANCE_SPOT.withPrefix(prefix),
            r -> r.size() >= total - backfilled(),
            WAIT);
    Map<String, List<Long>> rawIds = new java.util.HashMap<>();
    for (var record : raw) {
      rawIds.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(tradeId(record.value()));
    }
    rawIds.values().forEach(list -> assertThat(list).isSorted().doesNotHaveDuplicates());
  }

  private long backfilled() {
    return (long) connector.count("connector.backfilled");
  }

  private static long tradeId(byte[] frame) {
    try {
      JsonNode node = Json.mapper().readTree(frame);
      return node.get("data").get("t").asLong();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String symbolOf(String stream) {
    return stream.substring(0, 3).toUpperCase() + "-USDT";
  }

  private static List<Status> statuses(List<StatusMarker> markers, String symbol) {
    return markers.stream()
        .filter(m -> symbol.equals(m.symbol()))
        .map(StatusMarker::status)
        .toList();
  }
}

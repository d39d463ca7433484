package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.model.BookEvent;
import io.tickwire.model.StreamNames;
import io.tickwire.model.Topics;
import io.tickwire.model.Venue;
import io.tickwire.sim.ConnectionInfo;
import io.tickwire.sim.DropMode;
import io.tickwire.sim.InstrumentSpec;
import io.tickwire.sim.RestLimits;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.WsLimits;
import io.tickwire.sim.model.MarketParams;
import io.tickwire.testkit.ExchangeSimExtension;
import io.tickwire.testkit.KafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 1,500 streams of 60 symbols (60 of them maintained books) on eight connections against a
 * simulator enforcing Binance's limits, scaled down: 5 messages/s per connection with a ping every
 * 2 s (pongs count), 10 connection attempts per 10 s, 150 REST weight per 5 s. The connector paces
 * itself under every one of them, at start-up and through a mass reconnect that resyncs all 60
 * books at once: the simulator never disconnects it and never answers 429.
 */
class PacingIT extends BinanceSimIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  private static final int SYMBOLS = 60;

  /** 25 streams per symbol, among them a maintained book: 1,500 streams, 60 books. */
  private static final List<String> TYPES = types();

  @RegisterExtension
  static final ExchangeSimExtension SIM =
      ExchangeSimExtension.start(
          SimConfig.builder()
              .instruments(instruments())
              .market(new MarketParams(0.5, 0.00005, 100, 1_000, 0, false))
              .spotLimits(
                  WsLimits.BINANCE_SPOT
                      .withPing(Duration.ofSeconds(2), Duration.ofSeconds(10))
                      .withConnectionAttempts(10, Duration.ofSeconds(10)))
              .restLimits(
                  new RestLimits(600, 2400, Duration.ofSeconds(10), 10, 3, Duration.ofMinutes(2)))
              .build());

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @Override
  ExchangeSimExtension sim() {
    return SIM;
  }

  private static List<String> types() {
    List<String> types = new ArrayList<>(List.of("trade", "aggTrade", "ticker", "miniTicker"));
    StreamNames.BINANCE_INTERVALS.forEach(i -> types.add("kline_" + i));
    types.addAll(List.of("depth5", "depth10", "depth20", "depth5@100ms", "depth"));
    return List.copyOf(types);
  }

  private static List<InstrumentSpec> instruments() {
    List<InstrumentSpec> list = new ArrayList<>();
    for (int i = 0; i < SYMBOLS; i++) {
      String base = String.format(Locale.ROOT, "P%03d", i);
      list.add(
          new InstrumentSpec(
              Venue.BINANCE_SPOT, base + "USDT", base, "USDT", "100.00", "0.01", "0.001"));
    }
    return list;
  }

  @Test
  void fifteenHundredStreamsNeverTripTheVenuesLimits() {
    List<String> streams = new ArrayList<>();
    for (int i = 0; i < SYMBOLS; i++) {
      for (String type : TYPES) {
        streams.add(String.format(Locale.ROOT, "p%03dusdt@%s", i, type));
      }
    }
    Map<String, String> env = env();
    env.put("BINANCE_SPOT_MAX_STREAMS_PER_CONNECTION", "200");
    env.put("BINANCE_SPOT_CONNECTION_ATTEMPT_LIMITS", "10/10s");
    env.put("BINANCE_SPOT_REST_WEIGHT_LIMITS", "150/5s");
    env.put("BINANCE_SPOT_DEPTH_SNAPSHOT_LIMIT", "100");
    env.put("BINANCE_SPOT_BOOK_AUDIT_INTERVAL", "0s");
    ConnectorHarness connector = start(env);
    subscribe(Venue.BINANCE_SPOT, streams);

    await().atMost(WAIT.multipliedBy(2)).until(() -> served().equals(Set.copyOf(streams)));
    assertThat(SIM.faults().connections(Venue.BINANCE_SPOT))
        .hasSize(8)
        .allSatisfy(c -> assertThat(c.streams()).hasSizeLessThanOrEqualTo(200));
    awaitSnapshots(1);

    // every connection drops at once and stays away for a few seconds, so every book misses
    // updates: 8 reconnects and 60 resyncs queue up under the limits
    SIM.faults().refuseConnections(Duration.ofSeconds(3));
    SIM.faults().dropAll(Venue.BINANCE_SPOT, DropMode.ABRUPT);
    awaitSnapshots(2);
    await().atMost(WAIT).until(() -> served().equals(Set.copyOf(streams)));

    // the venue never closed a connection for a limit, nor refused one, nor a REST call
    assertThat(connector.count("connector.reconnects", "cause", "remote_closed")).isZero();
    assertThat(connector.count("connector.reconnects", "cause", "rejected_429")).isZero();
    assertThat(connector.count("connector.rest.errors")).as("REST answers other than 2xx").isZero();
    // and that is because the connector waited for its limits, not because it had no need to
    assertThat(connector.count("connector.rate.limit.waits", "limit", "connection_attempts"))
        .isPositive();
    assertThat(connector.count("connector.rate.limit.waits", "limit", "rest_weight")).isPositive();
  }

  private static Set<String> served() {
    Set<String> all = new HashSet<>();
    for (ConnectionInfo c : SIM.faults().connections(Venue.BINANCE_SPOT)) {
      all.addAll(c.streams());
    }
    return all;
  }

  /** Waits until every book has published this many full snapshots. */
  private void awaitSnapshots(int each) {
    AtomicReference<Map<String, Long>> seen = new AtomicReference<>(Map.of());
    try {
      values(
          Topics.BOOK,
          all -> {
            Map<String, Long> snapshots =
                all.stream()
                    .filter(e -> e.depth() == null && e.kind() == BookEvent.Kind.SNAPSHOT)
                    .collect(Collectors.groupingBy(BookEvent::symbol, Collectors.counting()));
            seen.set(snapshots);
            return snapshots.size() == SYMBOLS
                && snapshots.values().stream().allMatch(n -> n >= each);
          });
    } catch (AssertionError e) {
      Map<String, Long> last = seen.get();
      throw new AssertionError(
          last.size()
              + " books published a snapshot; fewer than "
              + each
              + ": "
              + last.entrySet().stream()
                  .filter(x -> x.getValue() < each)
                  .map(Map.Entry::getKey)
                  .sorted()
                  .toList());
    }
  }
}

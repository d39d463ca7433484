package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.model.Kline;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.Topics;
import io.tickwire.model.Venue;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.UpbitLimits;
import io.tickwire.sim.model.MarketParams;
import io.tickwire.testkit.ExchangeSimExtension;
import io.tickwire.testkit.KafkaExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A market where nothing trades, on a venue that closes a connection after 2 s without a client
 * message (Upbit's 120 s, scaled down): the text PING keeps the connection alive (its answers are
 * heartbeats, not data), and a candle whose interval passed with no later candle is closed by the
 * timer.
 */
class UpbitQuietMarketIT extends UpbitConnectorIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  private static final Duration VENUE_IDLE = Duration.ofSeconds(2);

  @RegisterExtension
  static final ExchangeSimExtension SIM =
      ExchangeSimExtension.start(
          SimConfig.builder()
              .market(
                  new MarketParams(
                      0,
                      MarketParams.DEFAULT.volatility(),
                      MarketParams.DEFAULT.bookDepth(),
                      MarketParams.DEFAULT.tradeHistory(),
                      0,
                      false))
              .upbitLimits(new UpbitLimits(VENUE_IDLE, false, 5, 100, 5))
              .build());

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  private Map<String, String> quiet(String keepAlive) {
    Map<String, String> env = env(SIM.sim(), "trade:KRW-BTC,candle.1s:KRW-ETH");
    env.put("UPBIT_KEEPALIVE_INTERVAL", keepAlive);
    env.put("UPBIT_IDLE_TIMEOUT", "1500ms");
    env.put("UPBIT_CANDLE_CLOSE_GRACE", "500ms");
    return env;
  }

  @Test
  void pingKeepsTheConnectionAcrossTheIdleTimeout() {
    ConnectorHarness connector = start(quiet("500ms"));
    await().atMost(WAIT).until(() -> SIM.faults().connections(Venue.UPBIT).size() == 1);
    String connection = SIM.faults().connections(Venue.UPBIT).get(0).id();
    long until = System.nanoTime() + VENUE_IDLE.multipliedBy(4).toNanos();

    // four idle timeouts later the same connection is still there and nothing reconnected
    await()
        .atMost(WAIT)
        .pollDelay(Duration.ofMillis(100))
        .until(
            () -> {
              assertThat(SIM.faults().connections(Venue.UPBIT))
                  .extracting(c -> c.id())
                  .containsExactly(connection);
              return System.nanoTime() > until;
            });
    assertThat(connector.count("connector.reconnects")).isZero();
    assertThat(connector.ready()).isTrue();
    // the {"status":"UP"} answers are heartbeats: nothing of them reaches the data topics
    assertThat(readRaw(r -> !r.isEmpty()))
        .noneMatch(
            r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains("status"));
  }

  @Test
  void withoutKeepAliveTheVenueClosesTheConnection() {
    Map<String, String> env = quiet("0s");
    env.put("UPBIT_IDLE_TIMEOUT", "60s"); // only the venue may end it
    ConnectorHarness connector = start(env);

    List<StatusMarker> markers =
        markersUntil(m -> m.stream().anyMatch(s -> s.status() == StatusMarker.Status.DISCONNECTED));
    assertThat(markers).anyMatch(s -> s.status() == StatusMarker.Status.CONNECTED);
    await()
        .atMost(WAIT)
        .until(() -> connector.count("connector.reconnects", "cause", "remote_closed") >= 1);
  }

  @Test
  void aCandleWithNoLaterOneIsClosedOnceItsIntervalPassed() {
    start(quiet("500ms"));

    List<ConsumerRecord<String, Kline>> records =
        kafka.readUntil(
            Topics.KLINES.withPrefix(prefix),
            r -> r.stream().anyMatch(k -> k.value().closed()),
            WAIT);
    Kline open = records.get(0).value();
    ConsumerRecord<String, Kline> closing =
        records.stream().filter(r -> r.value().closed()).findFirst().orElseThrow();
    Kline closed = closing.value();
    assertThat(open.closed()).isFalse();
    assertThat(closed.openTime()).isEqualTo(open.openTime());
    assertThat(closed.symbol()).isEqualTo("ETH-KRW");
    assertThat(closed.interval()).isEqualTo("1s");
    assertThat(closed.close()).isEqualTo(open.close());
    assertThat(closing.timestamp())
        .as("published once the interval had ended")
        .isGreaterThan(closed.closeTime());
    assertThat(records).noneMatch(r -> r.value().openTime() > open.openTime());
  }
}

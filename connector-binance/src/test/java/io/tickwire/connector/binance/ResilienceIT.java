package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.model.StatusMarker.Status;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.model.Venue;
import io.tickwire.sim.ConnectionInfo;
import io.tickwire.sim.DropMode;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.WsLimits;
import io.tickwire.sim.model.MarketParams;
import io.tickwire.testkit.ExchangeSimExtension;
import io.tickwire.testkit.KafkaExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Under a live aggTrade feed the connection is cut abruptly, stalls, gets a {@code serverShutdown}
 * and reaches its lifetime (24 h scaled down to 30 s on both sides), and md.trades.v1 still holds
 * every aggregate trade id of every stream exactly once, in order: rotations overlap and drop the
 * duplicates, holes after a reconnect are backfilled over REST.
 */
class ResilienceIT extends BinanceSimIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  private static final Duration LIFETIME = Duration.ofSeconds(30);

  @RegisterExtension
  static final ExchangeSimExtension SIM =
      ExchangeSimExtension.start(
          SimConfig.builder()
              .market(new MarketParams(20, 0.00005, 400, 100_000, 2, false))
              .spotLimits(WsLimits.BINANCE_SPOT.withMaxLifetime(LIFETIME))
              .usdmLimits(WsLimits.BINANCE_USDM.withMaxLifetime(LIFETIME))
              .build());

  private static final List<String> SPOT =
      List.of("btcusdt@aggTrade", "ethusdt@aggTrade", "solusdt@aggTrade");
  private static final List<String> USDM = List.of("btcusdt@aggTrade");

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @Override
  ExchangeSimExtension sim() {
    return SIM;
  }

  @Test
  void dropStallShutdownAndLifetimeLoseAndRepeatNoTrade() {
    Map<String, String> env = env();
    env.put("BINANCE_SPOT_STREAMS", String.join(",", SPOT));
    env.put("BINANCE_USDM_STREAMS", String.join(",", USDM));
    env.put("BINANCE_SPOT_MAX_CONNECTION_LIFETIME", LIFETIME.toSeconds() + "s");
    env.put("BINANCE_USDM_MAX_CONNECTION_LIFETIME", LIFETIME.toSeconds() + "s");
    env.put("BINANCE_SPOT_IDLE_TIMEOUT", "3s");
    ConnectorHarness connector = start(env);
    awaitTrades(20);

    SIM.faults().dropAll(Venue.BINANCE_SPOT, DropMode.ABRUPT);
    await()
        .atMost(WAIT)
        .until(() -> connector.count("connector.reconnects", "cause", "connection_lost") >= 1);
    awaitTrades(40);

    ConnectionInfo spot = served(Venue.BINANCE_SPOT);
    SIM.faults().stall(spot.id(), Duration.ofSeconds(20));
    await().atMost(WAIT).until(() -> connector.count("connector.reconnects", "cause", "idle") >= 1);
    awaitTrades(60);

    SIM.faults().serverShutdown(Venue.BINANCE_SPOT);
    SIM.faults().serverShutdown(Venue.BINANCE_USDM);
    await()
        .atMost(WAIT)
        .until(() -> connector.count("connector.rotations", "cause", "server_shutdown") >= 2);
    awaitTrades(80);

    await()
        .atMost(LIFETIME.multipliedBy(3))
        .until(() -> connector.count("connector.rotations", "cause", "lifetime") >= 1);
    List<Trade> trades = awaitTrades(100);

    for (String symbol : List.of("BTC-USDT", "ETH-USDT", "SOL-USDT")) {
      assertContiguous(trades(trades, "binance-spot", symbol, Trade.Kind.AGG_TRADE));
    }
    assertContiguous(trades(trades, "binance-usdm", "BTC-USDT", Trade.Kind.AGG_TRADE));
    // the stall lost trades on the wire: they came back over REST, flagged
    assertThat(trades).filteredOn(Trade::backfilled).isNotEmpty();
    var markers = markers(m -> count(m, "BTC-USDT", Status.BACKFILLED) >= 1);
    assertThat(markers).anySatisfy(m -> assertThat(m.status()).isEqualTo(Status.GAP_DETECTED));
    assertThat(connector.count("connector.duplicates")).isPositive();
  }

  /** Waits until every stream has published this many trades after the ones already seen. */
  private List<Trade> awaitTrades(int each) {
    return values(
        Topics.TRADES,
        all ->
            List.of("BTC-USDT", "ETH-USDT", "SOL-USDT").stream()
                    .allMatch(
                        s -> trades(all, "binance-spot", s, Trade.Kind.AGG_TRADE).size() >= each)
                && trades(all, "binance-usdm", "BTC-USDT", Trade.Kind.AGG_TRADE).size() >= each);
  }

  private static ConnectionInfo served(Venue venue) {
    return SIM.faults().connections(venue).stream()
        .filter(c -> !c.streams().isEmpty())
        .reduce((a, b) -> b)
        .orElseThrow();
  }
}

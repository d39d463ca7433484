package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.model.MarketParams;
import io.tickwire.testkit.ExchangeSimExtension;
import io.tickwire.testkit.KafkaExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kafka broker stops mid-stream and comes back: the connector buffers, reports not-ready, and
 * once Kafka is back every aggregate trade is in md.trades.v1 exactly once, in order; nothing was
 * dropped.
 */
class KafkaOutageIT extends BinanceSimIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.isolated();

  @RegisterExtension
  static final ExchangeSimExtension SIM =
      ExchangeSimExtension.start(
          SimConfig.builder()
              .market(new MarketParams(20, 0.00005, 400, 100_000, 2, false))
              .build());

  private static final List<String> SYMBOLS = List.of("BTC-USDT", "ETH-USDT");

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @Override
  ExchangeSimExtension sim() {
    return SIM;
  }

  @Test
  void aBrokerRestartLosesNothing() {
    Map<String, String> env = env();
    env.put("BINANCE_SPOT_STREAMS", "btcusdt@aggTrade,ethusdt@aggTrade");
    env.put("CONNECTOR_PUBLISH_STALL_TIMEOUT", "2s");
    ConnectorHarness connector = start(env);
    awaitTrades(20);

    KAFKA.broker().stop();
    await()
        .atMost(WAIT)
        .until(() -> !connector.ready() && connector.service().publisher().depth() > 50);
    KAFKA.broker().start();
    await().atMost(WAIT).until(connector::ready);
    List<Trade> trades = awaitTrades(200);

    for (String symbol : SYMBOLS) {
      assertContiguous(trades(trades, "binance-spot", symbol, Trade.Kind.AGG_TRADE));
    }
    assertThat(connector.service().publisher().dropped()).isZero();
  }

  private List<Trade> awaitTrades(int each) {
    return values(
        Topics.TRADES,
        all ->
            SYMBOLS.stream()
                .allMatch(
                    s -> trades(all, "binance-spot", s, Trade.Kind.AGG_TRADE).size() >= each));
  }
}

package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.model.Venue;
import io.tickwire.sim.SimConfig;
import io.tickwire.testkit.ExchangeSimExtension;
import io.tickwire.testkit.KafkaExtension;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kafka broker stops mid-stream and comes back: the connector buffers, reports not-ready, and
 * once the broker is back every trade is in md.trades.v1 once (contiguous ids, none twice) and
 * every frame in raw.upbit.v1.
 */
class UpbitKafkaOutageIT extends UpbitConnectorIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.isolated();

  @RegisterExtension
  static final ExchangeSimExtension SIM =
      ExchangeSimExtension.start(SimConfig.builder().timeScale(4).build());

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @Test
  void nothingIsLostWhileTheBrokerRestarts() {
    Map<String, String> env = env(SIM.sim(), "trade:KRW-BTC,orderbook:KRW-BTC.1");
    env.put("CONNECTOR_PUBLISH_STALL_TIMEOUT", "2s");
    ConnectorHarness connector = start(env);
    readUntil(Topics.TRADES, t -> t.size() >= 5);
    await().atMost(WAIT).until(connector::ready);

    KAFKA.broker().stop();
    long tradesWhileDown = SIM.market().lastAggTradeId(Venue.UPBIT, "KRW-BTC") + 20;
    await()
        .atMost(WAIT)
        .until(() -> SIM.market().lastAggTradeId(Venue.UPBIT, "KRW-BTC") >= tradesWhileDown);
    await().atMost(WAIT).until(() -> !connector.ready());
    KAFKA.broker().start();

    List<Trade> trades =
        readUntil(
            Topics.TRADES, t -> t.stream().anyMatch(x -> x.tradeId() >= tradesWhileDown + 10));
    List<Long> ids = trades.stream().map(Trade::tradeId).toList();
    assertThat(ids).doesNotHaveDuplicates().isSorted();
    assertThat(ids.get(ids.size() - 1) - ids.get(0)).isEqualTo(ids.size() - 1);
    assertThat(trades).noneMatch(Trade::backfilled);
    List<Long> rawIds =
        readRaw(r -> r.stream().filter(x -> x.key().startsWith("trade:")).count() >= ids.size())
            .stream()
            .filter(x -> x.key().startsWith("trade:"))
            .map(UpbitKafkaOutageIT::sequentialId)
            .toList();
    assertThat(rawIds).doesNotHaveDuplicates().containsAll(ids);
    await().atMost(WAIT).until(connector::ready);
  }

  private static long sequentialId(ConsumerRecord<String, byte[]> raw) {
    try {
      return io.tickwire.model.Json.mapper().readTree(raw.value()).get("sequential_id").asLong();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package io.tickwire.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.connector.testing.FakeExchange;
import io.tickwire.connector.testing.FakeVenue;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.StatusMarker.Status;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.testkit.KafkaExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker goes away under a live feed: the connector buffers, reports not-ready and publishes
 * everything once the broker is back; with a buffer too small for the outage it drops, counts and
 * marks what it dropped instead of losing it silently.
 */
class KafkaOutageIT extends FakeVenueIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.isolated();

  private static final String STREAM = "btcusdt@trade";

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @AfterEach
  void brokerBack() {
    KAFKA.broker().start();
  }

  private ConnectorHarness connector(Map<String, String> extra) {
    Map<String, String> env = env();
    env.put("FAKE_STREAMS", STREAM);
    env.put("CONNECTOR_PUBLISH_STALL_TIMEOUT", "1s");
    env.putAll(extra);
    ConnectorHarness harness =
        ConnectorHarness.start(env, FakeVenue.Options.defaults().withoutBackfill());
    await().atMost(WAIT).until(() -> exchange.subscribers(STREAM) == 1);
    await().atMost(WAIT).until(harness::ready);
    return harness;
  }

  @Test
  void aBrokerRestartMidStreamLosesNothing() throws Exception {
    connector = connector(Map.of());
    try (FakeExchange.Feed feed = exchange.feed(List.of(STREAM), Duration.ofMillis(5))) {
      kafka.read(Topics.TRADES.withPrefix(prefix), 50, WAIT);

      KAFKA.broker().stop();
      int atStop = exchange.published(STREAM);
      await().atMost(WAIT).until(() -> !connector.service().publisher().ready());
      await().atMost(WAIT).until(() -> exchange.published(STREAM) > atStop + 200);
      assertThat(connector.service().publisher().depth()).isPositive();
      assertThat(connector.ready()).isFalse();

      KAFKA.broker().start();
      await().atMost(WAIT).until(() -> connector.service().publisher().ready());
      kafka.read(Topics.TRADES.withPrefix(prefix), exchange.published(STREAM) + 50, WAIT);
    }

    int published = exchange.published(STREAM);
    List<ConsumerRecord<String, Trade>> trades =
        kafka.read(Topics.TRADES.withPrefix(prefix), published, WAIT);
    assertThat(trades)
        .extracting(r -> r.value().tradeId())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, published).boxed().toList());
    assertThat(kafka.read(Topics.RAW_BINANCE_SPOT.withPrefix(prefix), published, WAIT))
        .hasSize(published);
    assertThat(connector.service().publisher().dropped()).isZero();
    await().atMost(WAIT).until(connector::ready);
  }

  @Test
  void aFullBufferDropsCountsAndMarksWhatItDropped() throws Exception {
    connector = connector(Map.of("CONNECTOR_BUFFER_MAX_MESSAGES", "40"));
    KAFKA.broker().stop();
    for (int i = 0; i < 100; i++) {
      exchange.publishTrade(STREAM);
    }
    await().atMost(WAIT).until(() -> connector.service().publisher().dropped() > 0);
    await()
        .atMost(WAIT)
        .until(
            () ->
                connector.engine().streams().size() == 1
                    && connector.count("connector.messages") == 100);
    KAFKA.broker().start();

    long dropped = connector.service().publisher().dropped();
    String trades = prefix + "md.trades.v1";
    double tradesDropped = connector.count("connector.dropped", "topic", trades);
    assertThat(
            tradesDropped
                + connector.count("connector.dropped", "topic", prefix + "raw.binance-spot.v1"))
        .isEqualTo(dropped);
    List<StatusMarker> markers =
        markers(
                all ->
                    all.stream()
                            .filter(m -> m.status() == Status.DROPPED)
                            .mapToLong(StatusMarker::count)
                            .sum()
                        == dropped)
            .stream()
            .filter(m -> m.status() == Status.DROPPED)
            .toList();
    assertThat(markers)
        .allSatisfy(
            m -> {
              assertThat(m.symbol()).isEqualTo("BTC-USDT");
              assertThat(m.stream()).isEqualTo(STREAM);
              assertThat(m.detail()).contains("CONNECTOR_BUFFER_MAX_MESSAGES=40");
            });

    long kept = 100 - (long) tradesDropped;
    List<ConsumerRecord<String, Trade>> received =
        kafka.read(Topics.TRADES.withPrefix(prefix), (int) kept, WAIT);
    assertThat(received).hasSize((int) kept);
    assertThat(received).extracting(r -> r.value().tradeId()).doesNotHaveDuplicates();
    assertThat(connector.meters().get("connector.buffer.depth").gauge().value()).isNotNegative();
  }
}

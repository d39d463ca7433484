package io.tickwire.persist.redis;

import static io.tickwire.testkit.SampleEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.kit.ServiceHost;
import io.tickwire.model.Kline;
import io.tickwire.model.Ticker;
import io.tickwire.model.Topics;
import io.tickwire.testkit.Containers;
import io.tickwire.testkit.KafkaExtension;
import io.tickwire.testkit.KafkaTestClient;
import io.tickwire.testkit.SampleEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.timeseries.TSElement;

/**
 * Against real {@code redis:8}, which has RedisTimeSeries: candles become one time series per
 * field, rewrites replace, and the rest of the layout is the same. Skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class RedisTimeSeriesContainerIT {

  @Container static final GenericContainer<?> REDIS = Containers.redis8();
  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void candlesBecomeTimeSeriesKeysAndReplaysChangeNothing() throws Exception {
    String prefix = KafkaExtension.uniquePrefix();
    KafkaTestClient kafka = KAFKA.client();
    kafka.createTopics(Persisters.topics(prefix));
    Kline open =
        SampleEvents.kline(
            "binance-spot", "BTC-USDT", "BTCUSDT", T0, "16502.00", false, T0 + 30_000);
    Kline closed =
        SampleEvents.kline(
            "binance-spot", "BTC-USDT", "BTCUSDT", T0, "16503.00", true, T0 + 60_000);
    Kline next =
        SampleEvents.kline(
            "binance-spot", "BTC-USDT", "BTCUSDT", T0 + 60_000, "16503.10", false, T0 + 61_000);
    Ticker ticker = SampleEvents.ticker("binance-spot", "BTC-USDT", "BTCUSDT", "16550.00", T0);
    String url = Containers.redisUrl(REDIS);
    Map<String, String> env = Persisters.env(KAFKA, prefix, url);
    // start-up fails unless the module is detected
    env.put("REDIS_KLINE_STORE", "timeseries");
    env.put("REDIS_KLINE_RETENTION", "3650d");

    try (RedisClient redis = RedisClient.create(url)) {
      try (ServiceHost host = Persisters.start(env)) {
        kafka.send(
            Topics.KLINES.withPrefix(prefix),
            Map.entry(open.instrumentKey(), open),
            Map.entry(closed.instrumentKey(), closed),
            Map.entry(next.instrumentKey(), next));
        kafka.send(Topics.TICKERS.withPrefix(prefix), Map.entry(ticker.instrumentKey(), ticker));
        await()
            .atMost(WAIT)
            .until(
                () ->
                    kafka.lag(env.get("REDIS_PERSISTER_GROUP"), Persisters.topicNames(prefix))
                        == 0);
        await().atMost(WAIT).until(host::ready);
      }

      String close = "binance-spot-kline-BTCUSDT-1m-close";
      List<TSElement> closes = redis.tsRange(close, 0, Long.MAX_VALUE);
      assertThat(closes)
          .containsExactly(new TSElement(T0, 16503.00), new TSElement(T0 + 60_000, 16503.10));
      for (String field : List.of("open", "high", "low", "close", "volume")) {
        assertThat(redis.tsInfo("binance-spot-kline-BTCUSDT-1m-" + field).getLabels())
            .containsEntry("venue", "binance-spot")
            .containsEntry("symbol", "BTC-USDT")
            .containsEntry("interval", "1m")
            .containsEntry("field", field);
      }
      assertThat(redis.exists("binance-spot-kline-BTCUSDT-1m")).isFalse();
      assertThat(redis.hget("binance-spot-ticker", "BTCUSDT"))
          .isEqualTo(RedisLayoutIT.json(Topics.TICKERS, ticker));

      Map<String, String> replay = Persisters.env(KAFKA, prefix, url);
      replay.put("REDIS_PERSISTER_GROUP", "replay-" + prefix);
      replay.put("REDIS_KLINE_RETENTION", "3650d");
      try (ServiceHost host = Persisters.start(replay)) {
        await()
            .atMost(WAIT)
            .until(
                () ->
                    kafka.lag(replay.get("REDIS_PERSISTER_GROUP"), Persisters.topicNames(prefix))
                        == 0);
        await().atMost(WAIT).until(host::ready);
      }
      assertThat(redis.tsRange(close, 0, Long.MAX_VALUE)).isEqualTo(closes);
    }
  }
}

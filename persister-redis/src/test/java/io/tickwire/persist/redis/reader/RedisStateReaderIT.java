package io.tickwire.persist.redis.reader;

import static io.tickwire.testkit.SampleEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tickwire.kit.ServiceHost;
import io.tickwire.model.Balance;
import io.tickwire.model.BookTop;
import io.tickwire.model.MarkPrice;
import io.tickwire.model.Ticker;
import io.tickwire.model.Topics;
import io.tickwire.persist.redis.Persisters;
import io.tickwire.persist.redis.RedisPersisterProvider;
import io.tickwire.testkit.KafkaExtension;
import io.tickwire.testkit.KafkaTestClient;
import io.tickwire.testkit.RedisExtension;
import io.tickwire.testkit.SampleEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** The reader reads back what persister-redis wrote, and refuses stale prices. */
class RedisStateReaderIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();
  @RegisterExtension static final RedisExtension REDIS = RedisExtension.isolated();

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void readsTickersMarkPricesBookTopsAndBalancesWrittenByThePersister() throws Exception {
    String prefix = KafkaExtension.uniquePrefix();
    KafkaTestClient kafka = KAFKA.client();
    kafka.createTopics(Persisters.topics(prefix));
    Ticker ticker = SampleEvents.ticker("binance-spot", "BTC-USDT", "BTCUSDT", "16550.00", T0);
    MarkPrice mark = SampleEvents.markPrice("BTCUSDT", "BTC-USDT", "16551.10", T0);
    BookTop book = SampleEvents.bookTop("binance-usdm", "BTC-USDT", "BTCUSDT", 20, T0);
    BookTop broken = SampleEvents.brokenBookTop("binance-usdm", "BTC-USDT", "BTCUSDT", 5, T0);
    Balance balance =
        SampleEvents.spotBalance(
            "4db7ef", Balance.Kind.SNAPSHOT, T0, "BTC", "1.00000000", "0.50000000");

    try (ServiceHost host =
            ServiceHost.start(
                List.of(new RedisPersisterProvider()),
                Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS",
                    KAFKA.bootstrapServers(),
                    "TOPIC_PREFIX",
                    prefix,
                    "HEALTH_PORT_BASE",
                    "0",
                    "REDIS_URL",
                    REDIS.url(),
                    "REDIS_PERSISTER_GROUP",
                    "reader-" + prefix,
                    "REDIS_SUBS_BRIDGE",
                    "false"));
        RedisClient redis = RedisClient.create(REDIS.url())) {
      kafka.send(Topics.TICKERS.withPrefix(prefix), Map.entry(ticker.instrumentKey(), ticker));
      kafka.send(Topics.MARK_PRICES.withPrefix(prefix), Map.entry(mark.instrumentKey(), mark));
      kafka.send(
          Topics.BOOK_TOP.withPrefix(prefix),
          Map.entry(book.instrumentKey(), book),
          Map.entry(broken.instrumentKey(), broken));
      kafka.send(Topics.BALANCES.withPrefix(prefix), Map.entry(balance.accountKey(), balance));
      RedisStateReader justAfter = new RedisStateReader(redis, clockAt(T0 + 1_000));
      await()
          .atMost(WAIT)
          .until(
              () ->
                  justAfter.balances("binance-spot", "4db7ef").isPresent()
                      && justAfter.ticker("binance-spot", "BTCUSDT").isPresent()
                      && justAfter.markPrice("BTCUSDT", Duration.ofSeconds(5)).isPresent()
                      && redis.exists("websocket:orderbook:btcusdt:5")
                      && justAfter.bookTop("BTCUSDT", 20, Duration.ofSeconds(5)).isPresent());

      assertThat(justAfter.ticker("binance-spot", "BTCUSDT")).contains(ticker);
      assertThat(justAfter.ticker("binance-spot", "ETHUSDT")).isEmpty();
      assertThat(justAfter.markPrice("BTCUSDT", Duration.ofSeconds(5))).contains(mark);
      assertThat(justAfter.bookTop("BTCUSDT", 20, Duration.ofSeconds(5))).contains(book);
      assertThat(justAfter.bookTop("BTCUSDT", 5, Duration.ofSeconds(5)))
          .as("a broken book is no book")
          .isEmpty();
      assertThat(justAfter.balances("binance-spot", "4db7ef"))
          .contains(
              new AccountBalances(
                  Map.of(
                      "BTC", new AccountBalances.Amounts("1.00000000", "0.50000000", "1.50000000")),
                  T0));
      assertThat(justAfter.balances("binance-spot", "000000")).isEmpty();

      RedisStateReader tenSecondsLater = new RedisStateReader(redis, clockAt(T0 + 10_000));
      assertThat(tenSecondsLater.markPrice("BTCUSDT", Duration.ofSeconds(5)))
          .as("stale: fall back to the exchange")
          .isEmpty();
      assertThat(tenSecondsLater.markPrice("BTCUSDT", Duration.ofSeconds(30))).contains(mark);
      assertThat(tenSecondsLater.bookTop("BTCUSDT", 20, Duration.ofSeconds(5))).isEmpty();

      await().atMost(WAIT).until(host::ready);
      redis.hset("binance-spot-ticker", "XRPUSDT", "not json");
      assertThatThrownBy(() -> justAfter.ticker("binance-spot", "XRPUSDT"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("binance-spot-ticker does not hold the expected JSON");
    }
  }

  private static Clock clockAt(long millis) {
    return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }
}

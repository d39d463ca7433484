package io.tickwire.persist.mongo;

import static io.tickwire.testkit.SampleEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tickwire.kit.ServiceHost;
import io.tickwire.model.Kline;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.testkit.Containers;
import io.tickwire.testkit.KafkaExtension;
import io.tickwire.testkit.KafkaTestClient;
import io.tickwire.testkit.MongoExtension;
import io.tickwire.testkit.SampleEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Against real {@code mongo}: candles and trades go to time-series collections (trades expiring by
 * the collection's own TTL), documents look the same as in regular collections, and a replay
 * inserts nothing twice although time-series collections enforce no unique id. Skipped without
 * Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoTimeSeriesContainerIT {

  @Container static final MongoDBContainer MONGO = Containers.mongo();
  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void candlesAndTradesGoToTimeSeriesCollectionsAndReplaysInsertNothingTwice() throws Exception {
    String prefix = KafkaExtension.uniquePrefix();
    String database = MongoExtension.uniqueDatabase();
    KafkaTestClient kafka = KAFKA.client();
    kafka.createTopics(MongoPersisters.topics(prefix));
    Kline btc =
        SampleEvents.kline(
            "binance-spot", "BTC-USDT", "BTCUSDT", T0, "16503.00", true, T0 + 60_000);
    Kline eth =
        SampleEvents.kline("binance-spot", "ETH-USDT", "ETHUSDT", T0, "1200.10", true, T0 + 60_000);
    Trade trade = SampleEvents.trade("binance-spot", "BTC-USDT", "BTCUSDT", 7, "16550.01", T0);
    Map<String, String> env =
        MongoPersisters.env(KAFKA, prefix, MONGO.getConnectionString(), database);
    env.put("MONGO_TRADES", "*");
    env.put("MONGO_TRADES_RETENTION", "30d");

    try (MongoClient client = MongoClients.create(MONGO.getConnectionString())) {
      MongoDatabase db = client.getDatabase(database);
      try (ServiceHost host = MongoPersisters.start(env)) {
        kafka.send(
            Topics.KLINES_CLOSED.withPrefix(prefix),
            Map.entry(btc.instrumentKey(), btc),
            Map.entry(eth.instrumentKey(), eth));
        kafka.send(Topics.TRADES.withPrefix(prefix), Map.entry(trade.instrumentKey(), trade));
        await()
            .atMost(WAIT)
            .until(
                () ->
                    kafka.lag(env.get("MONGO_PERSISTER_GROUP"), MongoPersisters.topicNames(prefix))
                        == 0);
        await().atMost(WAIT).until(host::ready);
      }

      Document klines = db.listCollections().filter(new Document("name", "klines")).first();
      Document trades = db.listCollections().filter(new Document("name", "trades")).first();
      assertThat(klines.getString("type")).isEqualTo("timeseries");
      assertThat(klines.get("options", Document.class).get("timeseries", Document.class))
          .containsEntry("timeField", "time")
          .containsEntry("metaField", "series");
      assertThat(trades.getString("type")).isEqualTo("timeseries");
      assertThat(
              trades
                  .get("options", Document.class)
                  .get("expireAfterSeconds", Number.class)
                  .longValue())
          .isEqualTo(Duration.ofDays(30).toSeconds());
      Map<String, List<Document>> before = MongoDump.of(db);
      assertThat(before.get("klines"))
          .containsExactlyInAnyOrder(MongoDocuments.kline(btc), MongoDocuments.kline(eth));
      assertThat(before.get("trades")).containsExactly(MongoDocuments.trade(trade));

      env.put("MONGO_PERSISTER_GROUP", "replay-" + prefix);
      try (ServiceHost host = MongoPersisters.start(env)) {
        await()
            .atMost(WAIT)
            .until(
                () ->
                    kafka.lag(env.get("MONGO_PERSISTER_GROUP"), MongoPersisters.topicNames(prefix))
                        == 0);
        await().atMost(WAIT).until(host::ready);
      }
      assertThat(db.getCollection("klines").countDocuments()).isEqualTo(2);
      assertThat(MongoDump.of(db)).isEqualTo(before);
    }
  }
}

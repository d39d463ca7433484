package io.tickwire.persist.mongo;

import static io.tickwire.testkit.SampleEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tickwire.kit.ServiceHost;
import io.tickwire.model.Balance;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.Kline;
import io.tickwire.model.Order;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.testkit.KafkaExtension;
import io.tickwire.testkit.KafkaTestClient;
import io.tickwire.testkit.MongoExtension;
import io.tickwire.testkit.SampleEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every data type persister-mongo consumes lands in its documented collection with the documented
 * document, the indexes exist, replays change nothing, and what MongoDB refuses is dead-lettered.
 * Against mongo-java-server: regular collections (it makes no time-series ones).
 */
class MongoLayoutIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();
  @RegisterExtension static final MongoExtension MONGO = MongoExtension.shared();

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final String prefix = KafkaExtension.uniquePrefix();
  private final String database = MongoExtension.uniqueDatabase();
  private final KafkaTestClient kafka = KAFKA.client();
  private MongoClient client;
  private MongoDatabase db;
  private Map<String, String> env;

  private final Kline btc =
      SampleEvents.kline("binance-spot", "BTC-USDT", "BTCUSDT", T0, "16503.00", true, T0 + 60_000);
  private final Kline krw =
      SampleEvents.kline("upbit", "BTC-KRW", "KRW-BTC", T0, "22000000", true, T0 + 60_100);
  private final Trade kept =
      SampleEvents.trade("binance-spot", "BTC-USDT", "BTCUSDT", 1001, "16550.01", T0);
  private final Trade notKept =
      SampleEvents.trade("binance-spot", "ETH-USDT", "ETHUSDT", 2001, "1200.5", T0);
  private final Order placed = order(Order.Status.NEW, "0", null, T0);
  private final Order partial = order(Order.Status.PARTIALLY_FILLED, "0.40000000", "900", T0 + 10);
  private final Order filled = order(Order.Status.FILLED, "1.00000000", "901", T0 + 20);
  private final Balance balance =
      SampleEvents.spotBalance(
          "4db7ef",
          Balance.Kind.SNAPSHOT,
          T0,
          "BTC",
          "1.00000000",
          "0.50000000",
          "USDT",
          "10",
          "0");

  private static Order order(Order.Status status, String filled, String tradeId, long time) {
    return SampleEvents.order(
        "binance-spot", "4db7ef", "BTC-USDT", "BTCUSDT", "555", status, filled, tradeId, time);
  }

  @BeforeEach
  void setUp() {
    client = MongoClients.create(MONGO.uri());
    db = client.getDatabase(database);
    kafka.createTopics(MongoPersisters.topics(prefix));
    env = MongoPersisters.env(KAFKA, prefix, MONGO.uri(), database);
    env.put("MONGO_TRADES", "binance-spot:BTC-USDT");
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private void sendEverything() {
    kafka.send(
        topic(Topics.KLINES_CLOSED),
        Map.entry(btc.instrumentKey(), btc),
        Map.entry(krw.instrumentKey(), krw));
    kafka.send(
        topic(Topics.TRADES),
        Map.entry(kept.instrumentKey(), kept),
        Map.entry(notKept.instrumentKey(), notKept));
    kafka.send(
        topic(Topics.ORDERS),
        Map.entry(placed.accountKey(), placed),
        Map.entry(partial.accountKey(), partial),
        Map.entry(filled.accountKey(), filled),
        // an update replayed behind its successor must not undo it
        Map.entry(partial.accountKey(), partial));
    kafka.send(topic(Topics.BALANCES), Map.entry(balance.accountKey(), balance));
  }

  private void awaitCaughtUp(String group) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(kafka.lag(group, MongoPersisters.topicNames(prefix))).isZero());
  }

  @Test
  void eachDataTypeLandsInItsCollectionWithItsDocumentedDocumentAndReplaysChangeNothing()
      throws Exception {
    try (ServiceHost host = MongoPersisters.start(env)) {
      sendEverything();
      awaitCaughtUp(env.get("MONGO_PERSISTER_GROUP"));
      await().atMost(WAIT).until(host::ready);
    }

    Map<String, List<Document>> dump = MongoDump.of(db);
    assertThat(dump).containsOnlyKeys("klines", "trades", "orders", "fills", "balances");
    assertThat(dump.get("klines"))
        .containsExactly(
            new Document("_id", "binance-spot:BTC-USDT:1m:1672531200000")
                .append("series", "binance-spot:BTC-USDT:1m")
                .append("time", new Date(T0))
                .append("venue", "binance-spot")
                .append("symbol", "BTC-USDT")
                .append("nativeSymbol", "BTCUSDT")
                .append("interval", "1m")
                .append("openTime", T0)
                .append("closeTime", T0 + 59_999)
                .append("open", "16500.00")
                .append("high", "16510.00")
                .append("low", "16490.00")
                .append("close", "16503.00")
                .append("volume", "12.5")
                .append("quoteVolume", "206250.00")
                .append("takerBuyVolume", "6.25")
                .append("takerBuyQuoteVolume", "103125.00")
                .append("tradeCount", 420L)
                .append("closed", true)
                .append("eventTime", T0 + 60_000)
                .append("receivedAt", (T0 + 60_000) * 1000 + 7),
            MongoDocuments.kline(krw));
    assertThat(dump.get("klines").get(1).getString("_id"))
        .isEqualTo("upbit:BTC-KRW:1m:1672531200000");
    assertThat(dump.get("trades"))
        .containsExactly(
            new Document("_id", "binance-spot:BTC-USDT:trade:1001")
                .append("series", "binance-spot:BTC-USDT")
                .append("time", new Date(T0))
                .append("venue", "binance-spot")
                .append("symbol", "BTC-USDT")
                .append("nativeSymbol", "BTCUSDT")
                .append("kind", "trade")
                .append("tradeId", 1001L)
                .append("price", "16550.01")
                .append("quantity", "0.01000000")
                .append("takerSide", "sell")
                .append("tradeTime", T0)
                .append("eventTime", T0 + 1)
                .append("receivedAt", (T0 + 2) * 1000)
                .append("backfilled", false));
    // the latest state of the order, not the replayed partial fill
    assertThat(dump.get("orders")).containsExactly(MongoDocuments.order(filled));
    assertThat(dump.get("orders").get(0))
        .containsEntry("_id", "binance-spot:4db7ef:BTC-USDT:555")
        .containsEntry("status", "filled")
        .containsEntry("side", "buy")
        .containsEntry("filledQuantity", "1.00000000")
        .containsEntry("time", new Date(T0 + 20))
        .doesNotContainKey("reduceOnly");
    assertThat(dump.get("fills"))
        .containsExactly(
            new Document("_id", "binance-spot:4db7ef:BTC-USDT:900")
                .append("time", new Date(T0 + 9))
                .append("venue", "binance-spot")
                .append("accountId", "4db7ef")
                .append("symbol", "BTC-USDT")
                .append("nativeSymbol", "BTCUSDT")
                .append("orderId", "555")
                .append("clientOrderId", "c-555")
                .append("tradeId", "900")
                .append("side", "buy")
                .append("price", "16550.00")
                .append("quantity", "0.40000000")
                .append("fee", "0.00010000")
                .append("feeAsset", "BNB")
                .append("maker", false)
                .append("eventTime", T0 + 10)
                .append("transactionTime", T0 + 9)
                .append("receivedAt", (T0 + 10) * 1000 + 2),
            MongoDocuments.fill(filled).orElseThrow());
    assertThat(dump.get("balances"))
        .containsExactly(
            new Document("_id", "binance-spot:4db7ef:BTC:1672531200000:snapshot")
                .append("time", new Date(T0))
                .append("venue", "binance-spot")
                .append("accountId", "4db7ef")
                .append("asset", "BTC")
                .append("kind", "snapshot")
                .append("free", "1.00000000")
                .append("locked", "0.50000000")
                .append("eventTime", T0)
                .append("receivedAt", T0 * 1000 + 4),
            MongoDocuments.balances(balance).get(1));

    assertThat(indexes("klines")).containsKey("series_1_time_-1");
    assertThat(indexes("trades")).containsKeys("series_1_time_-1", "time_1");
    assertThat(indexes("trades").get("time_1").get("expireAfterSeconds", Number.class).longValue())
        .isEqualTo(Duration.ofDays(7).toSeconds());
    assertThat(indexes("orders")).containsKeys("venue_1_accountId_1_time_-1", "orderId_1");
    assertThat(indexes("fills")).containsKeys("venue_1_accountId_1_time_-1", "orderId_1");
    assertThat(indexes("balances")).containsKey("venue_1_accountId_1_asset_1_time_-1");

    // a new group reads every record again from the beginning, as after a lost commit
    env.put("MONGO_PERSISTER_GROUP", "replay-" + prefix);
    try (ServiceHost host = MongoPersisters.start(env)) {
      awaitCaughtUp(env.get("MONGO_PERSISTER_GROUP"));
      await().atMost(WAIT).until(host::ready);
    }
    assertThat(MongoDump.of(db)).isEqualTo(dump);
  }

  @Test
  void documentsMongoRefusesAndUnreadableRecordsGoToTheDeadLetterTopicWithTheReason()
      throws Exception {
    // an operator's unique index: two candles closing at the same time cannot both be stored
    db.getCollection("klines")
        .createIndex(
            new Document("closeTime", 1), new com.mongodb.client.model.IndexOptions().unique(true));
    try (ServiceHost host = MongoPersisters.start(env)) {
      kafka.send(
          prefix + Topics.KLINES_CLOSED.name(),
          new StringSerializer(),
          new StringSerializer(),
          List.of(Map.entry("binance-spot:BTC-USDT", "{\"venue\":\"binance-spot\",")));
      kafka.send(
          topic(Topics.KLINES_CLOSED),
          Map.entry(btc.instrumentKey(), btc),
          Map.entry(krw.instrumentKey(), krw));

      List<ConsumerRecord<String, DeadLetter>> letters =
          kafka.read(Topics.DEAD_LETTERS.withPrefix(prefix), 2, WAIT);
      awaitCaughtUp(env.get("MONGO_PERSISTER_GROUP"));
      await().atMost(WAIT).until(host::ready);

      List<String> errors = new ArrayList<>();
      letters.forEach(r -> errors.add(r.value().error()));
      assertThat(errors.get(0))
          .startsWith(
              "cannot store in MongoDB: cannot read Kline from topic "
                  + prefix
                  + "md.klines.closed.v1");
      assertThat(letters.get(0).value().payload()).isEqualTo("{\"venue\":\"binance-spot\",");
      assertThat(letters.get(0).value().source()).isEqualTo("persister-mongo");
      List<Document> stored = db.getCollection("klines").find().into(new ArrayList<>());
      assertThat(stored).hasSize(1);
      String refused =
          stored.get(0).getString("_id").equals(btc.candleId()) ? krw.candleId() : btc.candleId();
      assertThat(errors.get(1))
          .startsWith("MongoDB refused the klines document " + refused + ": E11000 duplicate key");
    }
  }

  private Map<String, Document> indexes(String collection) {
    Map<String, Document> byName = new java.util.HashMap<>();
    db.getCollection(collection).listIndexes().forEach(i -> byName.put(i.getString("name"), i));
    return byName;
  }

  private <V> Topic<String, V> topic(Topic<String, V> topic) {
    return topic.withPrefix(prefix);
  }
}

package io.tickwire.persist.mongo;

import static io.tickwire.testkit.SampleEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.health.Readiness;
import io.tickwire.model.Kline;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.testkit.KafkaExtension;
import io.tickwire.testkit.KafkaTestClient;
import io.tickwire.testkit.MongoExtension;
import io.tickwire.testkit.SampleEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MongoDB stops while candles stream in and starts again with its data: nothing is committed while
 * it is down, the persister reports not-ready, and afterwards every candle is stored exactly once.
 */
class MongoOutageIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();
  @RegisterExtension static final MongoExtension MONGO = MongoExtension.isolated();

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int CANDLES = 2400;
  private static final int CHUNK = 20;
  private static final List<String> BASES =
      List.of("BTC", "ETH", "BNB", "SOL", "XRP", "ADA", "DOT", "LTC");

  private final String prefix = KafkaExtension.uniquePrefix();
  private final KafkaTestClient kafka = KAFKA.client();
  private final Topic<String, Kline> klines = Topics.KLINES_CLOSED.withPrefix(prefix);

  private static Kline candle(int i) {
    String base = BASES.get(i % BASES.size());
    long openTime = T0 + (i / BASES.size()) * 60_000L;
    return SampleEvents.kline(
        "binance-spot", base + "-USDT", base + "USDT", openTime, "1." + i, true, openTime + 60_000);
  }

  @Test
  void mongoRestartMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
    kafka.createTopics(MongoPersisters.topics(prefix));
    String database = MongoExtension.uniqueDatabase();
    Map<String, String> env = MongoPersisters.env(KAFKA, prefix, MONGO.uri(), database);
    env.put("MONGO_PERSISTER_RETRY_MAX", "500ms");
    env.put("MONGO_PERSISTER_BATCH_SIZE", "50");
    String group = env.get("MONGO_PERSISTER_GROUP");
    AtomicBoolean outage = new AtomicBoolean();

    try (ServiceHost host = MongoPersisters.start(env)) {
      Readiness readiness = host.services().get(0).readiness();
      CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produce(group, outage));

      await().atMost(WAIT).until(() -> committed(group) >= CANDLES / 4);
      MONGO.server().stop();
      outage.set(true);
      await()
          .atMost(WAIT)
          .until(() -> !readiness.statuses().get("mongodb-writes").healthy() && !host.ready());
      Map<TopicPartition, Long> frozen = offsets(group);
      producing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(offsets(group)).isEqualTo(frozen);
      assertThat(frozen.values().stream().mapToLong(Long::longValue).sum())
          .isBetween((long) CANDLES / 4, CANDLES - 1L);

      MONGO.server().start();
      await()
          .atMost(WAIT)
          .until(() -> kafka.lag(group, MongoPersisters.topicNames(prefix)) == 0 && host.ready());
    }

    try (MongoClient client = MongoClients.create(MONGO.uri())) {
      MongoCollection<Document> stored = client.getDatabase(database).getCollection("klines");
      assertThat(stored.countDocuments()).isEqualTo(CANDLES);
      List<Object> ids = new ArrayList<>();
      stored.find().projection(new Document("_id", 1)).forEach(d -> ids.add(d.get("_id")));
      assertThat(ids)
          .containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, CANDLES).mapToObj(i -> candle(i).candleId()).toList());
      assertThat(stored.find(new Document("_id", candle(CANDLES - 1).candleId())).first())
          .isEqualTo(MongoDocuments.kline(candle(CANDLES - 1)));
    }
  }

  /** Streams the candles in chunks, paced by the persister until MongoDB stops. */
  private void produce(String group, AtomicBoolean outage) {
    try (KafkaProducer<String, Kline> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", KAFKA.bootstrapServers(), "linger.ms", 0),
            klines.keySerde().serializer(),
            klines.valueSerde().serializer())) {
      for (int chunk = 0; chunk < CANDLES / CHUNK; chunk++) {
        for (int i = chunk * CHUNK; i < (chunk + 1) * CHUNK; i++) {
          Kline candle = candle(i);
          producer.send(new ProducerRecord<>(klines.name(), candle.instrumentKey(), candle));
        }
        producer.flush();
        long sent = (chunk + 1L) * CHUNK;
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(20))
            .until(() -> outage.get() || committed(group) >= sent - 100);
      }
    }
  }

  private Map<TopicPartition, Long> offsets(String group) {
    return kafka.committed(group).entrySet().stream()
        .filter(e -> e.getKey().topic().equals(klines.name()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private long committed(String group) {
    return offsets(group).values().stream().mapToLong(Long::longValue).sum();
  }
}

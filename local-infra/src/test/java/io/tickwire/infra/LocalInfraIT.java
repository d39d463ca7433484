package io.tickwire.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The three local servers start together well under 10 s and answer their real clients. */
class LocalInfraIT {

  private static LocalKafka kafka;
  private static LocalRedis redis;
  private static LocalMongo mongo;
  private static long startupMillis;

  @BeforeAll
  static void startAll() {
    long begin = System.nanoTime();
    CompletableFuture<LocalKafka> k = CompletableFuture.supplyAsync(() -> LocalKafka.start(0));
    CompletableFuture<LocalRedis> r = CompletableFuture.supplyAsync(() -> LocalRedis.start(0));
    CompletableFuture<LocalMongo> m = CompletableFuture.supplyAsync(() -> LocalMongo.start(0));
    kafka = k.join();
    redis = r.join();
    mongo = m.join();
    startupMillis = (System.nanoTime() - begin) / 1_000_000;
  }

  @AfterAll
  static void stopAll() {
    kafka.close();
    redis.close();
    mongo.close();
  }

  @Test
  void allThreeAnswerAfterStartingTogether() {
    // the start-up time is reported, not asserted: a shared CI machine is no stopwatch
    System.out.printf("local Kafka, Redis and MongoDB started together in %d ms%n", startupMillis);
    assertThat(Ports.answers("localhost", kafka.port(), 1000)).isTrue();
    assertThat(LocalRedis.answersPing("127.0.0.1", redis.port())).isTrue();
    assertThat(Ports.answers("localhost", mongo.port(), 1000)).isTrue();
  }

  @Test
  void kafkaKeepsRecordsAcrossARestart() throws Exception {
    produce("restart-test", "k", "before");

    kafka.stop();
    assertThat(Ports.answers("localhost", kafka.port(), 200)).isFalse();
    kafka.start();
    produce("restart-test", "k", "after");

    assertThat(consume("restart-test", 2)).containsExactly("before", "after");
  }

  @Test
  void redisAnswersJedisAndRestartsEmptyOnTheSamePort() {
    try (RedisClient client = RedisClient.create(redis.url())) {
      client.set("tickwire:test", "1");
      assertThat(client.get("tickwire:test")).isEqualTo("1");
    }

    redis.stop();
    assertThat(LocalRedis.answersPing("127.0.0.1", redis.port())).isFalse();
    redis.start();

    try (RedisClient client = RedisClient.create(redis.url())) {
      assertThat(client.get("tickwire:test")).isNull();
    }
  }

  @Test
  void mongoAnswersTheDriverAndKeepsDataAcrossARestart() {
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      MongoCollection<Document> klines = client.getDatabase("tickwire").getCollection("klines");
      klines.insertOne(new Document("_id", "binance-spot:BTC-USDT:1m:0").append("close", "1.5"));
    }

    mongo.stop();
    mongo.start();

    try (MongoClient client = MongoClients.create(mongo.uri())) {
      Document found = client.getDatabase("tickwire").getCollection("klines").find().first();
      assertThat(found).isNotNull();
      assertThat(found.getString("close")).isEqualTo("1.5");
    }
  }

  private static void produce(String topic, String key, String value) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  private static List<String> consume(String topic, int count) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new StringDeserializer(),
            new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
      return values;
    }
  }
}

package io.tickwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** The extensions give real servers; the test client reads what was produced, without sleeping. */
class ExtensionsIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();
  @RegisterExtension static final RedisExtension REDIS = RedisExtension.shared();
  @RegisterExtension static final MongoExtension MONGO = MongoExtension.shared();

  @Test
  void kafkaClientSendsAndReadsRegistryTopics() {
    Topic<String, StatusMarker> status = Topics.STATUS.withPrefix(KafkaExtension.uniquePrefix());
    KafkaTestClient client = KAFKA.client();
    client.createTopics(List.of(status));
    StatusMarker marker =
        new StatusMarker(
            "upbit", null, null, null, StatusMarker.Status.CONNECTED, "c1", null, null, 1);

    client.send(status, Map.entry(marker.key(), marker));

    assertThat(client.read(status, 1, Duration.ofSeconds(30)))
        .singleElement()
        .satisfies(r -> assertThat(r.value()).isEqualTo(marker));
    assertThatThrownBy(() -> client.read(status, 2, Duration.ofSeconds(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("read 1 records");
  }

  @Test
  void redisAndMongoAreReachableThroughTheirDrivers() {
    try (RedisClient redis = RedisClient.create(REDIS.url())) {
      assertThat(redis.ping()).isEqualTo("PONG");
    }
    try (MongoClient mongo = MongoClients.create(MONGO.uri())) {
      String db = MongoExtension.uniqueDatabase();
      mongo.getDatabase(db).getCollection("c").insertOne(new Document("_id", "a"));
      assertThat(mongo.getDatabase(db).getCollection("c").countDocuments()).isEqualTo(1);
    }
  }
}

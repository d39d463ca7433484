package io.tickwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import redis.clients.jedis.RedisClient;

/** The real images answer; skipped where no Docker engine runs (such as this project's CI). */
@Testcontainers(disabledWithoutDocker = true)
class ContainersIT {

  @Container static final GenericContainer<?> REDIS = Containers.redis8();
  @Container static final MongoDBContainer MONGO = Containers.mongo();

  @Test
  void redis8HasTimeSeries() {
    try (RedisClient redis = RedisClient.create(Containers.redisUrl(REDIS))) {
      assertThat(redis.sendCommand(() -> "MODULE".getBytes(), "LIST".getBytes()).toString())
          .isNotEmpty();
      redis.set("k", "v");
      assertThat(redis.get("k")).isEqualTo("v");
    }
  }

  @Test
  void mongoAnswers() {
    try (MongoClient mongo = MongoClients.create(MONGO.getConnectionString())) {
      Document ping = mongo.getDatabase("admin").runCommand(new Document("ping", 1));
      assertThat(ping.get("ok")).isIn(1, 1.0);
    }
  }
}

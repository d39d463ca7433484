package io.tickwire.testkit;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers variants of the local servers: real {@code redis:8} (with RedisTimeSeries) and
 * real {@code mongo} (time-series collections, transactions). Tests using them carry
 * {@code @Testcontainers(disabledWithoutDocker = true)} so they are skipped where no Docker engine
 * runs.
 */
public final class Containers {

  public static final DockerImageName REDIS = DockerImageName.parse("redis:8");
  public static final DockerImageName MONGO = DockerImageName.parse("mongo:8");

  private Containers() {}

  @SuppressWarnings("resource")
  public static GenericContainer<?> redis8() {
    return new GenericContainer<>(REDIS).withExposedPorts(6379);
  }

  public static MongoDBContainer mongo() {
    return new MongoDBContainer(MONGO);
  }

  /** {@code redis://host:port} of a started Redis container. */
  public static String redisUrl(GenericContainer<?> redis) {
    return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
  }
}

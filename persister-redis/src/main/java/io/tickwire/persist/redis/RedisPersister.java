package io.tickwire.persist.redis;

import io.tickwire.kit.Service;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.health.HealthCheck;
import io.tickwire.kit.kafka.BatchWriteConsumer;
import io.tickwire.persist.redis.RedisPersisterConfig.KlineStore;
import io.tickwire.persist.redis.RedisPersisterConfig.Notifications;
import io.tickwire.persist.redis.subs.SubscriptionBridge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The persister-redis service: the Kafka-to-Redis writer on a {@link BatchWriteConsumer} and,
 * unless turned off, the {@link SubscriptionBridge}. Ready when Redis answers and writes succeed.
 */
final class RedisPersister implements Service {

  private static final Logger log = LoggerFactory.getLogger(RedisPersister.class);

  private final ServiceContext context;
  private final RedisPersisterConfig config;
  private final RedisClient redis;
  private volatile BatchWriteConsumer consumer;
  private volatile SubscriptionBridge bridge;

  RedisPersister(ServiceContext context) {
    this.context = context;
    this.config = RedisPersisterConfig.from(context.settings());
    this.redis = RedisClient.create(config.redisUrl());
  }

  @Override
  public void start() {
    String where = config.redisUrl().getHost() + ":" + config.redisUrl().getPort();
    boolean timeSeries = useTimeSeries(where);
    log.info(
        "writing to Redis at {}; candles as {}",
        where,
        timeSeries ? "RedisTimeSeries keys" : "sorted sets");
    RedisWriter writer =
        new RedisWriter(
            redis, context.kafka(), config, new KlineWriter(timeSeries, config.klineRetention()));
    consumer =
        BatchWriteConsumer.builder(context.kafka(), context.serviceName())
            .groupId(config.groupId())
            .topics(RedisWriter.TOPICS)
            .store("redis")
            .writer(writer)
            .maxBatch(config.batchSize())
            .retryBackoff(Duration.ofMillis(100), config.retryMax())
            .meters(context.meters())
            .clock(context.clock())
            .build();
    consumer.start();
    if (config.subsBridge()) {
      bridge =
          new SubscriptionBridge(
              redis,
              context.kafka(),
              context.serviceName() + "-subs",
              config.subsNotifications() == Notifications.OFF
                  ? null
                  : config.subsNotifications() == Notifications.ENABLE,
              JedisURIHelper.getDBIndex(config.redisUrl()),
              config.subsPollInterval(),
              config.subsRescanInterval(),
              context.clock());
      bridge.start();
    }
  }

  private boolean useTimeSeries(String where) {
    if (config.klineStore() == KlineStore.SORTED_SET) {
      return false;
    }
    boolean loaded = RedisModules.hasTimeSeries(redis);
    if (!loaded && config.klineStore() == KlineStore.TIMESERIES) {
      throw new IllegalStateException(
          "REDIS_KLINE_STORE is timeseries but the Redis at "
              + where
              + " has no RedisTimeSeries module (MODULE LIST); use auto or sorted-set");
    }
    return loaded;
  }

  @Override
  public List<HealthCheck> readinessChecks() {
    List<HealthCheck> checks = new ArrayList<>();
    checks.add(HealthCheck.of("redis", () -> "PONG".equals(redis.ping())));
    checks.add(
        HealthCheck.of(
            "redis-writes",
            () -> {
              BatchWriteConsumer started = consumer;
              return started != null && started.healthCheck().check();
            }));
    return checks;
  }

  @Override
  public void close() {
    if (bridge != null) {
      bridge.close();
    }
    if (consumer != null) {
      consumer.close();
    }
    redis.close();
  }
}

package io.tickwire.persist.redis;

import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.health.Readiness;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.testkit.KafkaExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts persister-redis the way the distribution does, against test servers. */
public final class Persisters {

  private Persisters() {}

  /** Settings for a persister on its own topics (prefix) and group; the bridge off. */
  public static Map<String, String> env(KafkaExtension kafka, String prefix, String redisUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("TOPIC_PREFIX", prefix);
    env.put("HEALTH_PORT_BASE", "0");
    env.put("REDIS_URL", redisUrl);
    env.put("REDIS_PERSISTER_GROUP", "persister-redis-" + prefix);
    env.put("REDIS_SUBS_BRIDGE", "false");
    return env;
  }

  public static ServiceHost start(Map<String, String> env) throws Exception {
    return ServiceHost.start(List.of(new RedisPersisterProvider()), env);
  }

  static Readiness readiness(ServiceHost host) {
    return host.services().get(0).readiness();
  }

  /** The topics persister-redis reads and writes, under the prefix. */
  public static List<Topic<?, ?>> topics(String prefix) {
    List<Topic<?, ?>> topics = new ArrayList<>(RedisWriter.TOPICS);
    topics.add(Topics.SUBSCRIPTIONS);
    topics.add(Topics.DEAD_LETTERS);
    return topics.stream().<Topic<?, ?>>map(t -> t.withPrefix(prefix)).toList();
  }

  /** The names of the topics persister-redis consumes, under the prefix. */
  public static List<String> topicNames(String prefix) {
    return RedisWriter.TOPICS.stream().map(t -> prefix + t.name()).toList();
  }
}

package io.tickwire.persist.mongo;

import io.tickwire.kit.ServiceHost;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.testkit.KafkaExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts persister-mongo the way the distribution does, against test servers. */
final class MongoPersisters {

  private MongoPersisters() {}

  static Map<String, String> env(KafkaExtension kafka, String prefix, String uri, String database) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("TOPIC_PREFIX", prefix);
    env.put("HEALTH_PORT_BASE", "0");
    env.put("MONGO_URI", uri);
    env.put("MONGO_DATABASE", database);
    env.put("MONGO_PERSISTER_GROUP", "persister-mongo-" + prefix);
    return env;
  }

  static ServiceHost start(Map<String, String> env) throws Exception {
    return ServiceHost.start(List.of(new MongoPersisterProvider()), env);
  }

  /** The topics persister-mongo reads and writes, under the prefix. */
  static List<Topic<?, ?>> topics(String prefix) {
    return List.<Topic<?, ?>>of(
            Topics.KLINES_CLOSED,
            Topics.TRADES,
            Topics.ORDERS,
            Topics.BALANCES,
            Topics.DEAD_LETTERS)
        .stream()
        .<Topic<?, ?>>map(t -> t.withPrefix(prefix))
        .toList();
  }

  /** The names of every topic persister-mongo may consume, under the prefix. */
  static List<String> topicNames(String prefix) {
    return List.of(Topics.KLINES_CLOSED, Topics.TRADES, Topics.ORDERS, Topics.BALANCES).stream()
        .map(t -> prefix + t.name())
        .toList();
  }
}

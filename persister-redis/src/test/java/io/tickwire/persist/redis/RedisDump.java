package io.tickwire.persist.redis;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** Everything in a Redis database as plain values, to compare states and assert exact layouts. */
final class RedisDump {

  private RedisDump() {}

  /** Key to content: hash as a sorted map, string as text, sorted set and stream as lists. */
  static Map<String, Object> of(RedisClient redis) {
    Map<String, Object> dump = new TreeMap<>();
    for (String key : redis.keys("*")) {
      dump.put(key, content(redis, key));
    }
    return dump;
  }

  static Object content(RedisClient redis, String key) {
    return switch (redis.type(key)) {
      case "hash" -> new TreeMap<>(redis.hgetAll(key));
      case "string" -> redis.get(key);
      case "zset" ->
          redis.zrangeWithScores(key, 0, -1).stream()
              .map(t -> (long) t.getScore() + " " + t.getElement())
              .toList();
      case "stream" -> entries(redis, key).stream().map(StreamEntry::toString).toList();
      default -> "type " + redis.type(key);
    };
  }

  /** The fields of each stream entry, oldest first. */
  static List<Map<String, String>> streamFields(RedisClient redis, String key) {
    return entries(redis, key).stream()
        .map(e -> (Map<String, String>) new TreeMap<>(e.getFields()))
        .collect(Collectors.toList());
  }

  private static List<StreamEntry> entries(RedisClient redis, String key) {
    return redis.xrange(key, (StreamEntryID) null, (StreamEntryID) null);
  }
}

package io.tickwire.persist.redis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/** What the Redis server can do beyond the core commands. */
final class RedisModules {

  private RedisModules() {}

  /**
   * Whether RedisTimeSeries is loaded: {@code MODULE LIST} names it (Redis Stack, Redis 8). Where
   * an ACL forbids {@code MODULE}, whether the server knows {@code TS.ADD}.
   */
  static boolean hasTimeSeries(UnifiedJedis redis) {
    try {
      return names(
          redis.executeCommand(new CommandArguments(Protocol.Command.MODULE).add("LIST")),
          "timeseries");
    } catch (JedisDataException forbidden) {
      Object info =
          redis.executeCommand(
              new CommandArguments(Protocol.Command.COMMAND).add("INFO").add("TS.ADD"));
      return info instanceof List<?> list && !list.isEmpty() && list.get(0) != null;
    }
  }

  /** Whether a reply (nested lists and maps, RESP2 or RESP3) holds the text, any case. */
  private static boolean names(Object reply, String text) {
    if (reply instanceof byte[] bytes) {
      return SafeEncoder.encode(bytes).toLowerCase(Locale.ROOT).equals(text);
    }
    if (reply instanceof String s) {
      return s.toLowerCase(Locale.ROOT).equals(text);
    }
    if (reply instanceof List<?> list) {
      return list.stream().anyMatch(item -> names(item, text));
    }
    if (reply instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .anyMatch(e -> names(e.getKey(), text) || names(e.getValue(), text));
    }
    return false;
  }
}

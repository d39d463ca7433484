package io.tickwire.persist.redis;

import io.tickwire.kit.kafka.BatchWriter.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/**
 * The Redis commands for one poll's records, sent as one pipeline. Writes to the same hash field or
 * string key are coalesced (the last record of the batch wins, as it would have anyway), so a busy
 * instrument costs one field of one {@code HSET} per batch, however many updates it had. Each
 * command remembers the records it carries: a command Redis refuses rejects exactly those.
 */
final class RedisBatch {

  /** One queued command and the records whose data it carries. */
  private record Queued(
      Function<AbstractPipeline, Response<?>> command,
      List<ConsumerRecord<String, byte[]>> records,
      Predicate<JedisDataException> harmless) {}

  private static final class HashWrite {
    final Map<String, byte[]> fields = new LinkedHashMap<>();
    final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    long ttlSeconds;
  }

  private static final class StringWrite {
    byte[] value;
    long ttlSeconds;
    final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
  }

  private final Map<String, HashWrite> hashes = new LinkedHashMap<>();
  private final Map<String, StringWrite> strings = new LinkedHashMap<>();
  private final List<Queued> commands = new ArrayList<>();

  /** {@code HSET key field value}; the last value per field wins. */
  void hset(String key, String field, byte[] value, ConsumerRecord<String, byte[]> record) {
    HashWrite write = hashes.computeIfAbsent(key, k -> new HashWrite());
    write.fields.put(field, value);
    write.records.add(record);
  }

  /** Several fields of one hash, carrying the data of several records. */
  void hsetAll(
      String key, Map<String, String> fields, List<ConsumerRecord<String, byte[]>> records) {
    HashWrite write = hashes.computeIfAbsent(key, k -> new HashWrite());
    fields.forEach((field, value) -> write.fields.put(field, bytes(value)));
    write.records.addAll(records);
  }

  /** {@code HSET} and then {@code EXPIRE key ttl}: the key expires {@code ttl} after its update. */
  void hsetExpiring(
      String key, String field, byte[] value, Duration ttl, ConsumerRecord<String, byte[]> record) {
    hset(key, field, value, record);
    hashes.get(key).ttlSeconds = ttl.toSeconds();
  }

  /** {@code SET key value EX ttl}; the last value wins. */
  void setExpiring(String key, byte[] value, Duration ttl, ConsumerRecord<String, byte[]> record) {
    StringWrite write = strings.computeIfAbsent(key, k -> new StringWrite());
    write.value = value;
    write.ttlSeconds = ttl.toSeconds();
    write.records.add(record);
  }

  /** Any other command, sent in the order queued. */
  void command(
      Function<AbstractPipeline, Response<?>> command,
      List<ConsumerRecord<String, byte[]>> records) {
    commands.add(new Queued(command, records, e -> false));
  }

  /** A command whose errors matching {@code harmless} are expected and ignored. */
  void command(
      Function<AbstractPipeline, Response<?>> command,
      ConsumerRecord<String, byte[]> record,
      Predicate<JedisDataException> harmless) {
    commands.add(new Queued(command, List.of(record), harmless));
  }

  boolean isEmpty() {
    return hashes.isEmpty() && strings.isEmpty() && commands.isEmpty();
  }

  /**
   * Sends everything as one pipeline and waits for every reply.
   *
   * @return the records carried by commands Redis refused, with Redis's error
   * @throws redis.clients.jedis.exceptions.JedisConnectionException when Redis cannot be reached or
   *     the connection broke: nothing is known to be written, the caller retries the batch
   */
  List<Rejection> flush(RedisClient redis) {
    if (isEmpty()) {
      return List.of();
    }
    List<Queued> all = new ArrayList<>(hashes.size() + strings.size() + commands.size());
    hashes.forEach((key, write) -> addHashWrite(all, key, write));
    strings.forEach(
        (key, write) ->
            all.add(
                new Queued(
                    p -> p.set(bytes(key), write.value, SetParams.setParams().ex(write.ttlSeconds)),
                    write.records,
                    e -> false)));
    all.addAll(commands);
    List<Response<?>> replies = new ArrayList<>(all.size());
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (Queued queued : all) {
        replies.add(queued.command().apply(pipeline));
      }
      pipeline.sync();
    }
    Map<ConsumerRecord<String, byte[]>, String> refused = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      Queued queued = all.get(i);
      try {
        replies.get(i).get();
      } catch (JedisDataException e) {
        if (!queued.harmless().test(e)) {
          queued
              .records()
              .forEach(r -> refused.merge(r, "Redis refused: " + e.getMessage(), (a, b) -> a));
        }
      }
    }
    List<Rejection> rejected = new ArrayList<>(refused.size());
    refused.forEach((record, reason) -> rejected.add(new Rejection(record, reason)));
    return rejected;
  }

  private static void addHashWrite(List<Queued> all, String key, HashWrite write) {
    Map<byte[], byte[]> fields = new HashMap<>(write.fields.size() * 2);
    write.fields.forEach((field, value) -> fields.put(bytes(field), value));
    byte[] rawKey = bytes(key);
    all.add(new Queued(p -> p.hset(rawKey, fields), write.records, e -> false));
    if (write.ttlSeconds > 0) {
      all.add(new Queued(p -> p.expire(rawKey, write.ttlSeconds), write.records, e -> false));
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

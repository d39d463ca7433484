package io.tickwire.persist.redis;

import io.tickwire.model.Order;
import io.tickwire.persist.redis.reader.RedisKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Appends order updates to {@code websocket:orders:<native lower>} exactly once. A replayed record
 * must not append a second entry, and explicit entry ids cannot do that here: one stream mixes the
 * updates of every account, which arrive from different partitions in no common order, while stream
 * ids must only grow. So each update has an id of its own (venue, account, order, execution and
 * fill), and a script appends only ids not seen before, remembering the last {@code 10 x MAXLEN} of
 * them (for 7 days) in {@link RedisKeys#orderStreamSeen}. An update older than everything
 * remembered is treated as seen: only a replay brings such an update.
 */
final class OrderStream {

  static final int SEEN_PER_ENTRY = 10;
  static final Duration SEEN_TTL = Duration.ofDays(7);

  /**
   * KEYS[1] stream, KEYS[2] seen ids (sorted set scored by event time). ARGV: update id, event
   * time, MAXLEN, ids remembered, seconds they are remembered, order JSON.
   */
  static final String APPEND_ONCE =
      """
      if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 0 end
      local window = tonumber(ARGV[4])
      if redis.call('ZCARD', KEYS[2]) >= window then
        local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
        if tonumber(ARGV[2]) < tonumber(oldest[2]) then return 0 end
      end
      redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', 'uid', ARGV[1], 'data', ARGV[6])
      redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
      redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(window + 1))
      redis.call('EXPIRE', KEYS[2], ARGV[5])
      return 1
      """;

  private final int maxLength;

  OrderStream(int maxLength) {
    this.maxLength = maxLength;
  }

  /** The id of one order update: the same exchange event always has the same id. */
  static String updateId(Order order) {
    return Stream.of(
            order.venue(),
            order.accountId(),
            order.orderId(),
            order.executionType(),
            order.status() == null ? null : order.status().name(),
            order.filledQuantity(),
            order.tradeId(),
            Long.toString(order.eventTime()))
        .map(part -> Objects.toString(part, ""))
        .collect(Collectors.joining(":"));
  }

  void append(RedisBatch batch, Order order, byte[] json, ConsumerRecord<String, byte[]> record) {
    List<String> keys =
        List.of(
            RedisKeys.orderStream(order.nativeSymbol()),
            RedisKeys.orderStreamSeen(order.nativeSymbol()));
    List<String> args =
        List.of(
            updateId(order),
            Long.toString(order.eventTime()),
            Integer.toString(maxLength),
            Integer.toString(maxLength * SEEN_PER_ENTRY),
            Long.toString(SEEN_TTL.toSeconds()),
            new String(json, StandardCharsets.UTF_8));
    batch.command(p -> p.eval(APPEND_ONCE, keys, args), List.of(record));
  }
}

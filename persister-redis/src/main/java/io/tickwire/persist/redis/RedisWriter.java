package io.tickwire.persist.redis;

import static io.tickwire.kit.kafka.BatchWriter.decode;
import static io.tickwire.kit.kafka.BatchWriter.required;

import io.tickwire.kit.kafka.BatchWriter;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.Balance;
import io.tickwire.model.BookTop;
import io.tickwire.model.Kline;
import io.tickwire.model.MarkPrice;
import io.tickwire.model.Order;
import io.tickwire.model.Position;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.persist.redis.reader.RedisKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

/**
 * Turns one poll's records into the Redis layout (see the module README) and writes them as one
 * pipeline. Every write is idempotent: hashes and strings are overwritten with the same value,
 * candles replaced at their open time, order updates appended once.
 */
final class RedisWriter implements BatchWriter {

  /** The topics persister-redis consumes. */
  static final List<Topic<String, ?>> TOPICS =
      List.of(
          Topics.TICKERS,
          Topics.BBO,
          Topics.KLINES,
          Topics.KLINES_CLOSED,
          Topics.MARK_PRICES,
          Topics.BOOK_TOP,
          Topics.ORDERS,
          Topics.BALANCES,
          Topics.POSITIONS);

  /** Adds one record's writes to the batch; throws when the record cannot be used. */
  @FunctionalInterface
  private interface Handler {
    void add(ConsumerRecord<String, byte[]> record, Batch batch);
  }

  /** One batch being built: Redis commands plus balance events, which need a read first. */
  private static final class Batch {
    final RedisBatch redis = new RedisBatch();
    final Map<String, List<Map.Entry<ConsumerRecord<String, byte[]>, Balance>>> balances =
        new LinkedHashMap<>();
  }

  private final RedisClient redis;
  private final RedisPersisterConfig config;
  private final OrderStream orderStream;
  private final Map<String, Handler> handlers = new HashMap<>();

  RedisWriter(
      RedisClient redis, KafkaClients kafka, RedisPersisterConfig config, KlineWriter klines) {
    this.redis = redis;
    this.config = config;
    this.orderStream = new OrderStream(config.orderStreamMaxLength());
    on(kafka, Topics.TICKERS, (r, b) -> bySymbol(r, b, RedisKeys::ticker));
    on(kafka, Topics.BBO, (r, b) -> bySymbol(r, b, RedisKeys::bbo));
    Handler kline =
        (r, b) -> {
          Kline candle = decode(Topics.KLINES, r);
          required(candle.interval(), "interval");
          klines.add(b.redis, candle, r.value(), r);
        };
    on(kafka, Topics.KLINES, kline);
    on(kafka, Topics.KLINES_CLOSED, kline);
    on(kafka, Topics.MARK_PRICES, this::markPrice);
    on(kafka, Topics.BOOK_TOP, this::bookTop);
    on(kafka, Topics.ORDERS, this::order);
    on(kafka, Topics.BALANCES, this::balance);
    on(kafka, Topics.POSITIONS, this::position);
  }

  private void on(KafkaClients kafka, Topic<String, ?> topic, Handler handler) {
    handlers.put(kafka.topic(topic).name(), handler);
  }

  @Override
  public List<Rejection> write(List<ConsumerRecord<String, byte[]>> records) {
    Batch batch = new Batch();
    List<Rejection> rejected = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      Handler handler = handlers.get(record.topic());
      if (record.value() == null || handler == null) {
        continue; // a tombstone carries no state
      }
      try {
        handler.add(record, batch);
      } catch (RuntimeException e) {
        rejected.add(new Rejection(record, "cannot store in Redis: " + e.getMessage()));
      }
    }
    rejected.addAll(applyBalances(batch));
    rejected.addAll(batch.redis.flush(redis));
    return rejected;
  }

  // ---- per topic -------------------------------------------------------------------------------

  /** Tickers and best bid/offer: the JSON as it arrived, under the native symbol. */
  private static void bySymbol(
      ConsumerRecord<String, byte[]> record, Batch batch, UnaryOperator<String> keyOfVenue) {
    VenueSymbol event = VenueSymbol.of(record.value());
    batch.redis.hset(keyOfVenue.apply(event.venue()), event.nativeSymbol(), record.value(), record);
  }

  private void markPrice(ConsumerRecord<String, byte[]> record, Batch batch) {
    MarkPrice mark = decode(Topics.MARK_PRICES, record);
    if (config.feedsCache(mark.venue())) {
      batch.redis.setExpiring(
          RedisKeys.markPrice(mark.nativeSymbol()), record.value(), config.markPriceTtl(), record);
    }
  }

  private void bookTop(ConsumerRecord<String, byte[]> record, Batch batch) {
    BookTop top = decode(Topics.BOOK_TOP, record);
    if (config.feedsCache(top.venue())) {
      batch.redis.setExpiring(
          RedisKeys.orderBook(top.nativeSymbol(), top.depth()),
          record.value(),
          config.orderBookTtl(),
          record);
    }
  }

  private void order(ConsumerRecord<String, byte[]> record, Batch batch) {
    Order order = decode(Topics.ORDERS, record);
    required(order.nativeSymbol(), "nativeSymbol");
    required(order.orderId(), "orderId");
    batch.redis.hset(
        RedisKeys.orders(order.venue(), order.accountId(), order.nativeSymbol()),
        order.orderId(),
        record.value(),
        record);
    if (config.feedsCache(order.venue())) {
      orderStream.append(batch.redis, order, record.value(), record);
    }
  }

  private void position(ConsumerRecord<String, byte[]> record, Batch batch) {
    Position position = decode(Topics.POSITIONS, record);
    required(position.nativeSymbol(), "nativeSymbol");
    if (config.feedsCache(position.venue())) {
      batch.redis.hsetExpiring(
          RedisKeys.position(position.nativeSymbol()),
          RedisKeys.positionField(
              position.venue(),
              position.accountId(),
              Objects.requireNonNullElse(position.positionSide(), "BOTH")),
          record.value(),
          config.positionTtl(),
          record);
    }
  }

  private void balance(ConsumerRecord<String, byte[]> record, Batch batch) {
    Balance balance = decode(Topics.BALANCES, record);
    String key = RedisKeys.balance(balance.venue(), balance.accountId());
    batch.balances.computeIfAbsent(key, k -> new ArrayList<>()).add(Map.entry(record, balance));
  }

  /**
   * Balance hashes merge each update into what is stored: one pipelined read of the affected
   * hashes, then each account's events in order, then one write per account.
   */
  private List<Rejection> applyBalances(Batch batch) {
    if (batch.balances.isEmpty()) {
      return List.of();
    }
    Map<String, Response<List<String>>> stored = new LinkedHashMap<>();
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (String key : batch.balances.keySet()) {
        stored.put(key, pipeline.hmget(key, BalanceHash.FREE, BalanceHash.USED, BalanceHash.TOTAL));
      }
      pipeline.sync();
    }
    List<Rejection> rejected = new ArrayList<>();
    batch.balances.forEach(
        (key, events) -> {
          List<String> maps = stored.get(key).get();
          BalanceHash hash = BalanceHash.read(maps.get(0), maps.get(1), maps.get(2));
          List<ConsumerRecord<String, byte[]>> applied = new ArrayList<>();
          for (Map.Entry<ConsumerRecord<String, byte[]>, Balance> event : events) {
            try {
              hash.apply(event.getValue());
              applied.add(event.getKey());
            } catch (RuntimeException e) {
              rejected.add(
                  new Rejection(event.getKey(), "cannot store in Redis: " + e.getMessage()));
            }
          }
          if (!hash.changed()) {
            return;
          }
          batch.redis.hsetAll(key, hash.fieldsToSet(), applied);
          if (!hash.fieldsToDelete().isEmpty()) {
            String[] fields = hash.fieldsToDelete().toArray(String[]::new);
            batch.redis.command(p -> p.hdel(key, fields), applied);
          }
        });
    return rejected;
  }
}

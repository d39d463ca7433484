package io.tickwire.persist.redis;

import io.tickwire.model.Kline;
import io.tickwire.persist.redis.reader.RedisKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import redis.clients.jedis.timeseries.DuplicatePolicy;
import redis.clients.jedis.timeseries.TSAddParams;

/**
 * Writes candles either as RedisTimeSeries keys (one per field: open, high, low, close, volume,
 * timestamped by open time, {@code ON_DUPLICATE LAST} so a rewrite replaces) or, without the
 * module, as one sorted set per instrument and interval scored by open time holding the candle
 * JSON. Both keep {@code REDIS_KLINE_RETENTION} of history, measured back from the newest candle
 * written (not from the clock), so a replay leaves exactly what the first pass left.
 */
final class KlineWriter {

  /**
   * Replaces the candle at one open time unless what is stored is newer: a closed candle is never
   * replaced by an open one, and between two of the same kind the later event time wins. Then trims
   * candles older than the retention. One script, so readers never see the candle missing.
   *
   * <p>KEYS[1] sorted set; ARGV: open time, candle JSON, closed (1/0), event time, oldest open time
   * to keep.
   */
  static final String SORTED_SET_UPSERT =
      """
      local stored = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
      local closed = ARGV[3] == '1'
      for _, member in ipairs(stored) do
        local ok, candle = pcall(cjson.decode, member)
        if ok and type(candle) == 'table' then
          local storedClosed = candle.closed == true
          if storedClosed and not closed then return 0 end
          if storedClosed == closed and tonumber(candle.eventTime or 0) > tonumber(ARGV[4]) then
            return 0
          end
        end
      end
      redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
      redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[5])
      return 1
      """;

  static final List<String> SERIES_FIELDS = List.of("open", "high", "low", "close", "volume");

  private final boolean timeSeries;
  private final long retentionMillis;

  KlineWriter(boolean timeSeries, Duration retention) {
    this.timeSeries = timeSeries;
    this.retentionMillis = retention.toMillis();
  }

  void add(RedisBatch batch, Kline kline, byte[] json, ConsumerRecord<String, byte[]> record) {
    if (timeSeries) {
      addSeries(batch, kline, record);
      return;
    }
    String key = RedisKeys.klines(kline.venue(), kline.nativeSymbol(), kline.interval());
    List<String> args =
        List.of(
            Long.toString(kline.openTime()),
            new String(json, StandardCharsets.UTF_8),
            kline.closed() ? "1" : "0",
            Long.toString(kline.eventTime()),
            Long.toString(kline.openTime() - retentionMillis));
    batch.command(p -> p.eval(SORTED_SET_UPSERT, List.of(key), args), List.of(record));
  }

  private void addSeries(RedisBatch batch, Kline kline, ConsumerRecord<String, byte[]> record) {
    List<String> values =
        List.of(kline.open(), kline.high(), kline.low(), kline.close(), kline.volume());
    for (int i = 0; i < SERIES_FIELDS.size(); i++) {
      String field = SERIES_FIELDS.get(i);
      String key =
          RedisKeys.klineSeries(kline.venue(), kline.nativeSymbol(), kline.interval(), field);
      double value = Double.parseDouble(values.get(i));
      TSAddParams params =
          TSAddParams.addParams()
              .retention(retentionMillis)
              .onDuplicate(DuplicatePolicy.LAST)
              .labels(
                  Map.of(
                      "venue", kline.venue(),
                      "symbol", kline.symbol(),
                      "nativeSymbol", kline.nativeSymbol(),
                      "interval", kline.interval(),
                      "field", field));
      batch.command(
          p -> p.tsAdd(key, kline.openTime(), value, params),
          record,
          // a candle older than the retention is dropped by design, not an error
          e -> String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("retention"));
    }
  }
}

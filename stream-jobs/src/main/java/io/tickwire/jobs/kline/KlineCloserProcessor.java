package io.tickwire.jobs.kline;

import io.tickwire.jobs.RejectedRecordException;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the first closed update of each candle, exactly as it came, and drops every later one.
 * A fingerprint of each published candle's prices and volumes tells a repeat from a correction,
 * which is counted; the first one stays published either way.
 *
 * <p>The newest close time seen (the watermark) is kept in its own store, so after a restart the
 * processor knows exactly which candles the published-candles store can still vouch for: the store
 * forgets a candle once its close lies a retention behind the newest close put into it, which is
 * this watermark.
 */
final class KlineCloserProcessor implements Processor<String, byte[], String, byte[]> {

  private static final Logger log = LoggerFactory.getLogger(KlineCloserProcessor.class);
  private static final String WATERMARK = "watermark";

  /**
   * A candle cannot be final before it closes. One closing far after its record was written is
   * garbage (a close in microseconds, say) that would move the watermark and make the store forget
   * everything, so it is refused.
   */
  static final Duration MAX_CLOSE_AFTER_RECORD = Duration.ofHours(1);

  private final long retentionMs;
  private final KlineCloserMetrics metrics;
  private ProcessorContext<String, byte[]> context;
  private WindowStore<String, Long> published;
  private KeyValueStore<String, Long> watermarkStore;
  private long watermark;

  KlineCloserProcessor(Duration retention, KlineCloserMetrics metrics) {
    this.retentionMs = retention.toMillis();
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.published = context.getStateStore(KlineCloser.PUBLISHED_STORE);
    this.watermarkStore = context.getStateStore(KlineCloser.WATERMARK_STORE);
    Long stored = watermarkStore.get(WATERMARK);
    this.watermark = stored == null ? Long.MIN_VALUE : stored;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.value() == null) {
      return;
    }
    CandleFields candle = CandleFields.read(record.value());
    if (!candle.closed()) {
      return;
    }
    check(candle, record.timestamp());
    String id = candle.candleId();
    Long before = published.fetch(id, candle.closeTime());
    if (before != null) {
      metrics.duplicates.increment();
      if (before != candle.fingerprint()) {
        metrics.conflicting.increment();
        log.debug("dropped a closed candle {} that differs from the one published", id);
      }
      return;
    }
    published.put(id, candle.fingerprint(), candle.closeTime());
    if (candle.closeTime() > watermark) {
      watermark = candle.closeTime();
      watermarkStore.put(WATERMARK, watermark);
    }
    metrics.published.increment();
    context.forward(record.withKey(record.key() == null ? candle.instrumentKey() : record.key()));
  }

  private void check(CandleFields candle, long recordTime) {
    if (candle.venue() == null || candle.symbol() == null || candle.interval() == null) {
      throw new RejectedRecordException("closed candle without venue, symbol or interval");
    }
    if (candle.closeTime() < candle.openTime()) {
      throw new RejectedRecordException(
          "closed candle " + candle.candleId() + " closes before it opens");
    }
    if (candle.closeTime() > recordTime + MAX_CLOSE_AFTER_RECORD.toMillis()) {
      throw new RejectedRecordException(
          "closed candle "
              + candle.candleId()
              + " closes at "
              + Instant.ofEpochMilli(candle.closeTime())
              + ", after its record was written at "
              + Instant.ofEpochMilli(recordTime));
    }
    if (watermark != Long.MIN_VALUE && candle.closeTime() <= watermark - retentionMs) {
      throw new RejectedRecordException(
          "closed candle "
              + candle.candleId()
              + " arrived more than KLINE_CLOSER_RETENTION ("
              + Duration.ofMillis(retentionMs)
              + ") behind the newest close "
              + Instant.ofEpochMilli(watermark)
              + "; whether it was already published can no longer be told");
    }
  }
}

package io.tickwire.jobs.kline;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickwire.jobs.StreamJob;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * kline-closer: passes each closed candle of {@code md.klines.v1} to {@code md.klines.closed.v1}
 * exactly once per (instrument, interval, openTime), however often the input repeats it.
 *
 * <p>A windowed store, keyed by candle id and timed by the candle's close, remembers every candle
 * published; segments older than the retention (measured from the newest close seen) are dropped,
 * so the store stays bounded. A closed candle older than that horizon cannot be checked any more,
 * so it goes to the dead-letter topic instead of being published a second time.
 *
 * <p>Candles travel as bytes: the job reads the few fields it needs with a streaming parser and
 * publishes the closed candle's record unchanged.
 */
public final class KlineCloser {

  public static final String NAME = "kline-closer";
  static final String PUBLISHED_STORE = "published-candles";
  static final String WATERMARK_STORE = "newest-close";

  private KlineCloser() {}

  /** The job as it runs in production, also the topology the tests drive. */
  public static StreamJob job(KlineCloserConfig config, MeterRegistry meters) {
    return new StreamJob(
        NAME,
        config.applicationId(),
        topology(config, meters),
        List.of(config.input(), config.output()));
  }

  public static Topology topology(KlineCloserConfig config, MeterRegistry meters) {
    KlineCloserMetrics metrics = new KlineCloserMetrics(meters);
    Topology topology = new Topology();
    topology.addSource(
        "klines",
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        config.input().name());
    topology.addProcessor(
        "close-filter", () -> new KlineCloserProcessor(config.retention(), metrics), "klines");
    topology.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                PUBLISHED_STORE, config.retention(), Duration.ofMillis(1), false),
            Serdes.String(),
            Serdes.Long()),
        "close-filter");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WATERMARK_STORE), Serdes.String(), Serdes.Long())
            .withCachingEnabled(),
        "close-filter");
    topology.addSink(
        "closed-klines",
        config.output().name(),
        Serdes.String().serializer(),
        Serdes.ByteArray().serializer(),
        "close-filter");
    return topology;
  }
}

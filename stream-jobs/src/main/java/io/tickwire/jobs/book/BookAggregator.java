package io.tickwire.jobs.book;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickwire.jobs.StreamJob;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * book-aggregator: keeps each instrument's order book from {@code md.book.v1} (snapshots and
 * deltas) and the connectors' gap markers on {@code md.status.v1}, and publishes it at a fixed
 * cadence, only when it changed, to {@code md.book.top.v1}: top N levels, best bid and ask, mid,
 * spread, imbalance and depth bands, or {@code status: broken} with the reason while it is known to
 * be out of sync.
 *
 * <p>Both inputs are keyed by instrument and have the same partition count, so one task sees all of
 * an instrument's events. The books live in a changelogged store; each processor also keeps them as
 * objects, reloaded from the store whenever a task (re)starts.
 */
public final class BookAggregator {

  public static final String NAME = "book-aggregator";
  static final String HEADERS_STORE = "book-headers";
  static final String LEVELS_STORE = "book-levels";

  private BookAggregator() {}

  public static StreamJob job(BookAggregatorConfig config, MeterRegistry meters) {
    return new StreamJob(
        NAME,
        config.applicationId(),
        topology(config, meters),
        List.of(config.books(), config.status(), config.output()));
  }

  public static Topology topology(BookAggregatorConfig config, MeterRegistry meters) {
    BookAggregatorMetrics metrics = new BookAggregatorMetrics(meters);
    Topology topology = new Topology();
    topology.addSource(
        "book-events",
        Serdes.String().deserializer(),
        config.books().valueSerde().deserializer(),
        config.books().name());
    topology.addSource(
        "status-markers",
        Serdes.String().deserializer(),
        config.status().valueSerde().deserializer(),
        config.status().name());
    topology.addProcessor(
        "aggregate",
        () -> new BookAggregatorProcessor(config, metrics),
        "book-events",
        "status-markers");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(HEADERS_STORE),
                Serdes.String(),
                new BookHeaderSerde())
            .withCachingEnabled(),
        "aggregate");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LEVELS_STORE), Serdes.String(), Serdes.String())
            .withCachingEnabled(),
        "aggregate");
    topology.addSink(
        "book-tops",
        config.output().name(),
        Serdes.String().serializer(),
        config.output().valueSerde().serializer(),
        "aggregate");
    return topology;
  }
}

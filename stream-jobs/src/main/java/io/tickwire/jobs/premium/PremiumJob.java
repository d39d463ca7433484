package io.tickwire.jobs.premium;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickwire.jobs.StreamJob;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.Stores;

/**
 * premium: the cross-venue premium of each asset traded on both Upbit (KRW) and Binance spot
 * (USDT), from the mids of their aggregated books on {@code md.book.top.v1} (valid books only, so a
 * broken book never feeds a premium), published to {@code md.premium.v1}.
 *
 * <p>The inputs of one asset live on different partitions (they are keyed by instrument), so the
 * quotes are re-keyed by base asset through a repartition topic; the USDT-KRW rate, which every
 * asset needs, is sent to every partition of it. Each task keeps its assets' latest quotes in a
 * changelogged store and publishes on a wall-clock cadence. Book tops are read with a streaming
 * parser that skips their levels, most of their bytes.
 */
public final class PremiumJob {

  public static final String NAME = "premium";
  static final String QUOTES_STORE = "premium-quotes";
  static final String PUBLISHED_STORE = "premium-published";

  private PremiumJob() {}

  public static StreamJob job(PremiumConfig config, MeterRegistry meters) {
    return new StreamJob(
        NAME,
        config.applicationId(),
        topology(config, meters),
        List.of(config.input(), config.output()));
  }

  public static Topology topology(PremiumConfig config, MeterRegistry meters) {
    Counter published =
        Counter.builder("stream.jobs.premiums.published")
            .description("Premiums published to md.premium.v1")
            .register(meters);
    Serde<Quote> quotes = new QuoteSerde();
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(QUOTES_STORE), Serdes.String(), quotes));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PUBLISHED_STORE), Serdes.String(), Serdes.String()));
    builder.stream(
            config.input().name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("book-tops"))
        .flatMap(
            (key, top) ->
                top == null
                    ? List.<KeyValue<String, Quote>>of()
                    : Quote.of(TopFields.read(top), config)
                        .map(quote -> List.of(KeyValue.pair(quote.base(), quote)))
                        .orElse(List.of()),
            Named.as("quotes"))
        .repartition(
            Repartitioned.<String, Quote>as("premium-quotes")
                .withKeySerde(Serdes.String())
                .withValueSerde(quotes)
                .withStreamPartitioner(new RateToEveryPartition()))
        .process(
            () -> new PremiumProcessor(config, published),
            Named.as("premium"),
            QUOTES_STORE,
            PUBLISHED_STORE)
        .to(
            config.output().name(),
            Produced.with(Serdes.String(), config.output().valueSerde()).withName("premiums"));
    return builder.build();
  }

  /** The USDT-KRW quote goes to every partition; every other quote to its base asset's. */
  static final class RateToEveryPartition implements StreamPartitioner<String, Quote> {
    @Override
    public Optional<Set<Integer>> partitions(
        String topic, String key, Quote quote, int numPartitions) {
      if (quote.role() != Quote.Role.FX) {
        return Optional.empty();
      }
      return Optional.of(
          IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
    }
  }
}

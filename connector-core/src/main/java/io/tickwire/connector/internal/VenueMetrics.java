package io.tickwire.connector.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The meters of one venue, all tagged {@code venue}. Names are listed in the module README. */
final class VenueMetrics {

  final MeterRegistry registry;
  final Tags tags;
  final Counter duplicates;
  final Counter unexpected;
  final Counter deadLetters;
  final Counter controlMessages;
  final Counter backfilled;
  final Counter stale;

  VenueMetrics(MeterRegistry registry, String venueId) {
    this.registry = registry;
    this.tags = Tags.of("venue", venueId);
    this.duplicates =
        counter(
            "connector.duplicates", "Messages dropped because another connection delivered them");
    this.unexpected = counter("connector.frames.unexpected", "Data for streams not served here");
    this.deadLetters = counter("connector.dead.letters", "Frames sent to the dead-letter topic");
    this.controlMessages =
        counter("connector.control.messages", "Subscribe/unsubscribe messages sent");
    this.backfilled = counter("connector.backfilled", "Items recovered by backfill after a gap");
    this.stale = counter("connector.streams.stale", "Streams found silent past their timeout");
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  Counter messages(String stream) {
    return Counter.builder("connector.messages")
        .description("Frames received per stream")
        .tags(tags.and("stream", stream))
        .register(registry);
  }

  Counter bytes(String stream) {
    return Counter.builder("connector.bytes")
        .description("Bytes received per stream")
        .tags(tags.and("stream", stream))
        .register(registry);
  }

  Timer lag(String channel) {
    return Timer.builder("connector.lag")
        .description("Exchange event time to receive time")
        .tags(tags.and("channel", channel))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }

  Counter reconnects(String cause) {
    return Counter.builder("connector.reconnects")
        .description("Connections lost or refused and opened again, by cause")
        .tags(tags.and("cause", cause))
        .register(registry);
  }

  Counter rotations(String cause) {
    return Counter.builder("connector.rotations")
        .description("Make-before-break connection replacements, by cause")
        .tags(tags.and("cause", cause))
        .register(registry);
  }

  Counter gaps(String channel) {
    return Counter.builder("connector.gaps")
        .description("Sequence gaps detected")
        .tags(tags.and("channel", channel))
        .register(registry);
  }

  Counter resyncs(String channel) {
    return Counter.builder("connector.resyncs")
        .description("Streams resynchronized after a gap (order books)")
        .tags(tags.and("channel", channel))
        .register(registry);
  }

  Counter bookMismatches(String channel) {
    return Counter.builder("connector.book.mismatches")
        .description("Book audits that found the local book differing from a REST snapshot")
        .tags(tags.and("channel", channel))
        .register(registry);
  }
}

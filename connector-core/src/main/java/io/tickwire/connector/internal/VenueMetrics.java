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

  private Counter counter(String name, String description, String... extraTags) {
    return Counter.builder(name)
        .description(description)
        .tags(tags.and(extraTags))
        .register(registry);
  }

  Counter messages(String stream) {
    return counter("connector.messages", "Frames received per stream", "stream", stream);
  }

  Counter bytes(String stream) {
    return counter("connector.bytes", "Bytes received per stream", "stream", stream);
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
    return counter(
        "connector.reconnects",
        "Connections lost or refused and opened again, by cause",
        "cause",
        cause);
  }

  Counter rotations(String cause) {
    return counter(
        "connector.rotations",
        "Make-before-break connection replacements, by cause",
        "cause",
        cause);
  }

  Counter gaps(String channel) {
    return counter("connector.gaps", "Sequence gaps detected", "channel", channel);
  }

  Counter resyncs(String channel) {
    return counter(
        "connector.resyncs",
        "Streams resynchronized after a gap (order books)",
        "channel",
        channel);
  }

  Counter bookMismatches(String channel) {
    return counter(
        "connector.book.mismatches",
        "Book audits that found the local book differing from a REST snapshot",
        "channel",
        channel);
  }
}

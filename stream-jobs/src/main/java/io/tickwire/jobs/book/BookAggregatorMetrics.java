package io.tickwire.jobs.book;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What book-aggregator counts: breaks tell an operator how often books go out of sync. */
final class BookAggregatorMetrics {

  final Counter gaps;
  final Counter markerBreaks;
  final Counter ignored;
  final Counter published;

  BookAggregatorMetrics(MeterRegistry meters) {
    gaps =
        Counter.builder("stream.jobs.books.broken")
            .description("Books broken by an update-id gap")
            .tag("cause", "update-id-gap")
            .register(meters);
    markerBreaks =
        Counter.builder("stream.jobs.books.broken")
            .description("Books broken by a connector's gap marker")
            .tag("cause", "gap-marker")
            .register(meters);
    ignored =
        Counter.builder("stream.jobs.book.events.ignored")
            .description("Book events not applied: old, duplicate, or while the book is broken")
            .register(meters);
    published =
        Counter.builder("stream.jobs.book.tops.published")
            .description("Aggregated books published to md.book.top.v1")
            .register(meters);
  }
}

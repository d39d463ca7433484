package io.tickwire.jobs.kline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What kline-closer counts, so an operator sees duplicates and corrections arrive. */
final class KlineCloserMetrics {

  final Counter published;
  final Counter duplicates;
  final Counter conflicting;

  KlineCloserMetrics(MeterRegistry meters) {
    published =
        Counter.builder("stream.jobs.klines.published")
            .description("Closed candles published to md.klines.closed.v1")
            .register(meters);
    duplicates =
        Counter.builder("stream.jobs.klines.duplicates")
            .description("Closed candles dropped because they were already published")
            .register(meters);
    conflicting =
        Counter.builder("stream.jobs.klines.conflicting")
            .description("Dropped duplicates whose prices or volumes differ from the published one")
            .register(meters);
  }
}

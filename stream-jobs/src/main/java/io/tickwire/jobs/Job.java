package io.tickwire.jobs;

import io.tickwire.jobs.book.BookAggregator;
import io.tickwire.jobs.book.BookAggregatorConfig;
import io.tickwire.jobs.kline.KlineCloser;
import io.tickwire.jobs.kline.KlineCloserConfig;
import io.tickwire.jobs.premium.PremiumConfig;
import io.tickwire.jobs.premium.PremiumJob;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.config.Setting;
import java.util.List;

/** The jobs of this module: each its own Kafka Streams application and its own target. */
enum Job {
  KLINE_CLOSER(
      KlineCloser.NAME,
      11,
      "closed candles exactly once: md.klines.v1 -> md.klines.closed.v1",
      StreamJobSettings.KLINE_CLOSER) {
    @Override
    StreamJob build(ServiceContext context) {
      return KlineCloser.job(
          KlineCloserConfig.from(context.settings(), context.kafka()), context.meters());
    }
  },
  BOOK_AGGREGATOR(
      BookAggregator.NAME,
      12,
      "aggregated order books at a fixed cadence: md.book.v1 + md.status.v1 -> md.book.top.v1",
      StreamJobSettings.BOOK_AGGREGATOR) {
    @Override
    StreamJob build(ServiceContext context) {
      return BookAggregator.job(
          BookAggregatorConfig.from(context.settings(), context.kafka()), context.meters());
    }
  },
  PREMIUM(
      PremiumJob.NAME,
      13,
      "Upbit KRW vs Binance USDT premium: md.book.top.v1 -> md.premium.v1",
      StreamJobSettings.PREMIUM) {
    @Override
    StreamJob build(ServiceContext context) {
      return PremiumJob.job(
          PremiumConfig.from(context.settings(), context.kafka()), context.meters());
    }
  };

  final String target;
  final int healthPortOffset;
  final String description;
  final List<Setting<?>> settings;

  Job(String target, int healthPortOffset, String description, List<Setting<?>> settings) {
    this.target = target;
    this.healthPortOffset = healthPortOffset;
    this.description = description;
    this.settings = settings;
  }

  abstract StreamJob build(ServiceContext context);
}

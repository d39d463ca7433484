package io.tickwire.model;

/** A normalized market-data event: keyed by its instrument on every {@code md.*} topic. */
public interface MarketEvent {
  String venue();

  String symbol();

  String nativeSymbol();

  /** The Kafka key, {@code <venue>:<SYMBOL>}. */
  default String instrumentKey() {
    return Instrument.key(venue(), symbol());
  }
}

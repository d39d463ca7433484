package io.tickwire.sim.model;

/**
 * Receives what the market does, on the market thread, in the order it happens. The venue feeds
 * implement it and turn each happening into the venue's payloads.
 */
public interface MarketSink {

  /** A taker order filled at one price level. */
  void trade(SimInstrument instrument, AggTrade trade);

  /** The best bid or ask (price or quantity) changed. */
  void bestChanged(SimInstrument instrument, long time);

  /** A USD-M forced order executed. */
  default void liquidation(SimInstrument instrument, Liquidation liquidation) {}

  /** A simulation step ended at {@code time}: time for cadence-driven streams. */
  void stepEnd(SimInstrument instrument, long time, long stepMillis);

  /** Every instrument has stepped to {@code time}: time for all-market streams. */
  default void allStepped(java.util.List<SimInstrument> instruments, long time, long stepMillis) {}
}

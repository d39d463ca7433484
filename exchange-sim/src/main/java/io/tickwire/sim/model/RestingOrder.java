package io.tickwire.sim.model;

/**
 * A simulated account's limit order resting in the book. Its quantity is part of the level's total;
 * takers fill the anonymous liquidity at a level first and resting orders after it, in arrival
 * order.
 */
public interface RestingOrder {

  boolean buy();

  long price();

  long remaining();

  /**
   * A taker traded against this order as maker.
   *
   * @param qty quantity units filled
   * @param tradeId the trade's id
   * @param time trade time
   */
  void makerFill(long qty, long tradeId, long time);
}

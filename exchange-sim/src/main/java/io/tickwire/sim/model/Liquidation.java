package io.tickwire.sim.model;

/**
 * A forced order on USD-M: an IOC limit order the venue sent to close a position, and what it
 * filled. Its fills also appear as ordinary trades.
 *
 * @param buy whether the forced order bought
 * @param qty order quantity units (all filled)
 * @param price limit (bankruptcy) price units
 * @param avgPriceScaled average fill price in units of 10^-8
 * @param lastQty quantity units of the last fill
 * @param time trade time
 */
public record Liquidation(
    boolean buy, long qty, long price, long avgPriceScaled, long lastQty, long time) {}

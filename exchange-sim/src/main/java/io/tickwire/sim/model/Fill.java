package io.tickwire.sim.model;

import java.math.BigDecimal;

/**
 * One aggregate fill: the quantity a taker order took at one price, in price and quantity units.
 *
 * @param price price units
 * @param qty quantity units
 * @param quote price times quantity as an exact decimal in the quote asset
 * @param buyerMaker whether the buyer was the maker (the taker sold)
 * @param time trade time, epoch ms of the simulated clock
 */
public record Fill(long price, long qty, BigDecimal quote, boolean buyerMaker, long time) {}

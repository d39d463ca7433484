package io.tickwire.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Buy or sell: the taker's side of a trade, or the side of an order. */
public enum Side {
  @JsonProperty("buy")
  BUY,
  @JsonProperty("sell")
  SELL
}

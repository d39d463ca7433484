package io.tickwire.sim.model;

/**
 * What one taker order took at one price: Binance's aggregate trade ({@code a}, {@code f}..{@code
 * l}) made of individual trades, which Upbit reports as one trade with {@code sequentialId}.
 *
 * @param aggId aggregate trade id (contiguous per instrument)
 * @param firstTradeId first trade id
 * @param tradeQty quantity units of each trade {@code firstTradeId + i}
 * @param fill price, total quantity, side and time
 * @param eventTime when the venue emits it ({@code E}), at or after the trade time
 * @param sequentialId Upbit's {@code sequential_id} for this trade
 */
public record AggTrade(
    long aggId, long firstTradeId, long[] tradeQty, Fill fill, long eventTime, long sequentialId) {

  public long lastTradeId() {
    return firstTradeId + tradeQty.length - 1;
  }
}

package io.tickwire.connector.upbit;

import io.tickwire.model.Trade;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The venue's record of past trades of one market (Upbit: {@code GET /v1/trades/ticks}). */
@FunctionalInterface
interface TradeHistory {

  /**
   * The trades of {@code code} with {@code after < sequential_id < before}, oldest first, flagged
   * as backfilled; fewer when the venue no longer has them.
   */
  CompletableFuture<List<Trade>> between(String code, long after, long before);
}

package io.tickwire.connector;

import io.tickwire.model.SubscriptionRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches what a gapless stream missed (e.g. Binance aggTrades by {@code fromId} over REST) when
 * the core sees a hole in its sequence, typically after a reconnect. The core holds the stream's
 * newer events meanwhile and publishes the recovered ones first, so the topic stays in order, then
 * emits a {@code backfilled} marker. Events should come flagged as backfilled ({@code
 * Trade.asBackfilled()}). Without a backfiller a gap is reported with its marker and left open.
 */
@FunctionalInterface
public interface Backfiller {

  /**
   * The stream's items with sequence numbers from {@code fromSeq} to {@code toSeq} (inclusive),
   * oldest first; fewer when the venue no longer has them. Run the REST calls through the venue's
   * {@link io.tickwire.connector.pace.WeightPacedScheduler}.
   */
  CompletableFuture<List<Normalized>> fetch(
      String stream, SubscriptionRequest request, long fromSeq, long toSeq);
}

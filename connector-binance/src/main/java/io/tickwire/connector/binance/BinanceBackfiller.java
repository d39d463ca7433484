package io.tickwire.connector.binance;

import io.tickwire.connector.Backfiller;
import io.tickwire.connector.Micros;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.Sequence;
import io.tickwire.connector.binance.wire.AggTradeEvent;
import io.tickwire.model.SubscriptionRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches the aggregate trades a stream missed (after a reconnect, the first live trade shows the
 * hole) from {@code GET /api/v3/aggTrades} or {@code /fapi/v1/aggTrades} with {@code fromId}, page
 * by page through the weight-paced scheduler, and hands them to the core flagged as backfilled, so
 * {@code md.trades.v1} has no holes for aggTrade subscriptions. Pages stop at the end of the hole,
 * when the venue has no more, or when the time budget is spent (what was fetched is still
 * published; the core reports how much was recovered).
 *
 * <p>Single-trade streams ({@code @trade}) are not backfilled: their REST source ({@code
 * historicalTrades}) is not part of what this connector may use; the gap stays marked.
 */
final class BinanceBackfiller implements Backfiller {

  /** One page of aggregate trades from an id on ({@link BinanceRest#aggTrades}). */
  @FunctionalInterface
  interface Pages {
    CompletableFuture<List<AggTradeEvent>> fetch(String nativeSymbol, long fromId);
  }

  private final BinanceProtocol protocol;
  private final Pages rest;
  private final Clock clock;
  private final Duration budget;

  /**
   * @param budget how long a backfill may take; keep it under the core's {@code
   *     CONNECTOR_BACKFILL_TIMEOUT}
   */
  BinanceBackfiller(BinanceProtocol protocol, Pages rest, Clock clock, Duration budget) {
    this.protocol = protocol;
    this.rest = rest;
    this.clock = clock;
    this.budget = budget;
  }

  @Override
  public CompletableFuture<List<Normalized>> fetch(
      String stream, SubscriptionRequest request, long fromSeq, long toSeq) {
    BinanceStream s = protocol.stream(stream);
    if (s.channel() != BinanceChannel.AGG_TRADE) {
      return CompletableFuture.failedFuture(
          new UnsupportedOperationException(
              "single trades cannot be backfilled; subscribe "
                  + s.nativeSymbol().toLowerCase(java.util.Locale.ROOT)
                  + "@aggTrade for a gap-free trade feed"));
    }
    CompletableFuture<List<Normalized>> result = new CompletableFuture<>();
    page(s, fromSeq, toSeq, new ArrayList<>(), System.nanoTime() + budget.toNanos(), result);
    return result;
  }

  private void page(
      BinanceStream s,
      long next,
      long to,
      List<Normalized> collected,
      long deadlineNanos,
      CompletableFuture<List<Normalized>> result) {
    rest.fetch(s.nativeSymbol(), next)
        .whenComplete(
            (items, error) -> {
              if (error != null) {
                if (collected.isEmpty()) {
                  result.completeExceptionally(error);
                } else {
                  result.complete(collected);
                }
                return;
              }
              long now = Micros.now(clock);
              long last = next - 1;
              for (AggTradeEvent item : items) {
                long id = item.aggregateTradeId();
                if (id < next || id > to) {
                  continue;
                }
                collected.add(
                    Normalized.of(
                        BinanceAdapters.aggTrade(protocol.venueId(), s, item, now).asBackfilled(),
                        Sequence.gapless(id),
                        item.tradeTime()));
                last = id;
              }
              boolean venueHasNoMore = items.size() < BinanceRest.AGG_TRADES_PAGE;
              boolean moved = last >= next;
              if (last >= to
                  || venueHasNoMore
                  || !moved
                  || System.nanoTime() - deadlineNanos >= 0) {
                result.complete(collected);
              } else {
                page(s, last + 1, to, collected, deadlineNanos, result);
              }
            });
  }
}

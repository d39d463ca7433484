package io.tickwire.connector.upbit;

import io.tickwire.connector.Micros;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.Sequence;
import io.tickwire.connector.pace.WeightPacedScheduler;
import io.tickwire.connector.rest.RestClient;
import io.tickwire.connector.upbit.wire.UpbitTick;
import io.tickwire.connector.upbit.wire.UpbitWire;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.Trade;
import io.tickwire.model.UpbitSymbols;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Recovers missed trades from Upbit's REST trade history, {@code GET
 * /v1/trades/ticks?market=KRW-BTC&count=N&cursor=<sequential_id>} (newest first, older than the
 * cursor), page by page through the venue's weight-paced scheduler, oldest first in the result and
 * flagged as backfilled. It serves both as the core's {@link io.tickwire.connector.Backfiller}
 * (contiguous ids) and as {@link TradeGapCheck}'s check after a reconnect (time-derived ids).
 */
final class UpbitTicks implements TradeHistory {

  /** Upbit's REST weight of one call (each call counts once against the per-second limit). */
  private static final int WEIGHT = 1;

  private final String venueId;
  private final RestClient rest;
  private final WeightPacedScheduler scheduler;
  private final int pageSize;
  private final int maxTrades;
  private final Clock clock;

  UpbitTicks(
      String venueId,
      RestClient rest,
      WeightPacedScheduler scheduler,
      int pageSize,
      int maxTrades,
      Clock clock) {
    this.venueId = venueId;
    this.rest = rest;
    this.scheduler = scheduler;
    this.pageSize = pageSize;
    this.maxTrades = maxTrades;
    this.clock = clock;
  }

  /** The core's backfill: trades {@code from..to} by sequential id (contiguous ids). */
  CompletableFuture<List<Normalized>> backfill(
      String stream, SubscriptionRequest request, long fromSeq, long toSeq) {
    String code = UpbitSymbols.INSTANCE.toNative(request.symbol());
    return between(code, fromSeq - 1, toSeq + 1)
        .thenApply(
            trades ->
                trades.stream()
                    .map(t -> Normalized.of(t, Sequence.gapless(t.tradeId()), t.tradeTime()))
                    .toList());
  }

  /** At most the configured maximum: the newest ones are kept. */
  @Override
  public CompletableFuture<List<Trade>> between(String code, long after, long before) {
    NavigableMap<Long, Trade> found = new TreeMap<>();
    return page(code, after, before, found).thenApply(done -> new ArrayList<>(found.values()));
  }

  private CompletableFuture<Void> page(
      String code, long after, long cursor, NavigableMap<Long, Trade> found) {
    String path = "/v1/trades/ticks?market=" + code + "&count=" + pageSize + "&cursor=" + cursor;
    return scheduler
        .submit(
            "ticks:" + code + ":" + cursor,
            WEIGHT,
            WeightPacedScheduler.Priority.BACKFILL,
            () -> UpbitWire.ticks(rest.get(path).body()))
        .thenCompose(
            ticks -> {
              long oldest = Long.MAX_VALUE;
              long now = Micros.now(clock);
              for (UpbitTick tick : ticks) {
                if (tick.sequentialId() == null) {
                  continue;
                }
                long id = tick.sequentialId();
                oldest = Math.min(oldest, id);
                if (id > after && id < cursor && found.size() < maxTrades) {
                  found.put(id, UpbitAdapter.tick(venueId, tick, now));
                }
              }
              boolean more =
                  ticks.size() >= pageSize
                      && oldest > after
                      && oldest < cursor
                      && found.size() < maxTrades;
              return more
                  ? page(code, after, oldest, found)
                  : CompletableFuture.<Void>completedFuture(null);
            });
  }
}

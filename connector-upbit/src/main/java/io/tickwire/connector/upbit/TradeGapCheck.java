package io.tickwire.connector.upbit;

import io.tickwire.connector.Frame;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.StreamContext;
import io.tickwire.connector.StreamHandler;
import io.tickwire.model.MarketEvent;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.Trade;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gap check of an Upbit trade stream whose {@code sequential_id}s are derived from the trade
 * time (the live venue's): consecutive ids skip values, so a jump says nothing and only a lost
 * connection can lose trades. After each reconnect the first new trade is held (with those after
 * it) while REST is asked for the trades between the last one published and it; only when REST has
 * some is a gap reported ({@code gap_detected}), they are published first, flagged backfilled, then
 * {@code backfilled}, then the held trades. A reconnect that missed nothing reports nothing.
 *
 * <p>Trades with contiguous ids were already gap-checked and backfilled by the core (their sequence
 * is gapless); they pass straight through.
 */
final class TradeGapCheck implements StreamHandler {

  private static final Logger log = LoggerFactory.getLogger(TradeGapCheck.class);

  private final StreamContext context;
  private final TradeHistory history;
  private final Duration timeout;
  private final int maxHeld;
  private final ArrayDeque<Trade> held = new ArrayDeque<>();
  private long lastId = Long.MIN_VALUE;
  private boolean reconnected;
  private boolean checking;
  private long token;
  private ScheduledFuture<?> timer;

  TradeGapCheck(StreamContext context, TradeHistory history, Duration timeout, int maxHeld) {
    this.context = context;
    this.history = history;
    this.timeout = timeout;
    this.maxHeld = maxHeld;
  }

  @Override
  public void onDisconnected(String cause) {
    reconnected = lastId != Long.MIN_VALUE;
  }

  @Override
  public void onData(Normalized normalized, Frame frame) {
    for (MarketEvent event : normalized.events()) {
      if (!(event instanceof Trade trade)) {
        context.publish(event, frame.receivedAt());
      } else if (normalized.sequence().gapless()) {
        reconnected = false;
        publish(trade);
      } else if (checking) {
        held.add(trade);
        if (held.size() > maxHeld) {
          finish(token, null, "more than " + maxHeld + " trades waited for the check");
        }
      } else if (reconnected && trade.tradeId() > lastId) {
        check(trade);
      } else {
        publish(trade);
      }
    }
  }

  private void check(Trade first) {
    reconnected = false;
    checking = true;
    held.add(first);
    long current = ++token;
    long after = lastId;
    timer =
        context
            .timers()
            .schedule(
                () ->
                    context.runSerialized(
                        () -> finish(current, null, "no answer within " + timeout)),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    history
        .between(first.nativeSymbol(), after, first.tradeId())
        .whenComplete(
            (trades, error) ->
                context.runSerialized(
                    () ->
                        finish(
                            current,
                            trades,
                            error == null
                                ? null
                                : error.getClass().getSimpleName() + ": " + error.getMessage())));
  }

  /** Publishes what REST recovered (reporting the gap it proves), then the held trades. */
  private void finish(long forToken, List<Trade> recovered, String failure) {
    if (!checking || forToken != token) {
      return;
    }
    checking = false;
    if (timer != null) {
      timer.cancel(false);
    }
    long from = lastId;
    long to = held.isEmpty() ? Long.MAX_VALUE : held.peekFirst().tradeId();
    if (failure != null) {
      log.warn(
          "{}: cannot check for trades missed while disconnected: {}", context.stream(), failure);
      context.gapDetected(
          "trades may be missing after a reconnect (after sequential_id "
              + from
              + "); the REST check failed: "
              + failure);
    } else if (!recovered.isEmpty()) {
      context.gapDetected(
          recovered.size()
              + " trades missed while disconnected (sequential_id "
              + recovered.get(0).tradeId()
              + ".."
              + recovered.get(recovered.size() - 1).tradeId()
              + ", between "
              + from
              + " and "
              + to
              + ")");
      recovered.forEach(this::publish);
      context.marker(
          StatusMarker.Status.BACKFILLED,
          "recovered " + recovered.size() + " trades over REST",
          (long) recovered.size());
    }
    while (!held.isEmpty()) {
      publish(held.poll());
    }
  }

  private void publish(Trade trade) {
    context.publish(trade, trade.receivedAt());
    lastId = Math.max(lastId, trade.tradeId());
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.cancel(false);
    }
    // unsubscribed while checking: what was held is still good data
    checking = false;
    while (!held.isEmpty()) {
      publish(held.poll());
    }
  }
}

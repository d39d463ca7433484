package io.tickwire.connector.upbit;

import io.tickwire.connector.Frame;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.StreamContext;
import io.tickwire.connector.StreamHandler;
import io.tickwire.model.Kline;
import io.tickwire.model.MarketEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one Upbit candle stream to {@code md.klines.v1} with the {@code closed} flag Upbit does
 * not send. Every update is published as it comes ({@code closed: false}); the candle is published
 * once more with {@code closed: true}
 *
 * <ul>
 *   <li>when a later candle of the same stream arrives (the venue has moved on), or
 *   <li>when its interval has passed with no later candle (a quiet market: Upbit pushes candles
 *       only when a trade changes one), after a grace for the venue's once-a-second push.
 * </ul>
 *
 * An update identical to the last one published (the snapshot Upbit re-sends whenever the
 * connection's subscription list changes) is not published again. An update that arrives for a
 * candle already closed (by the timer, or a late push of the previous candle) is published as a
 * correction, again with {@code closed: true}.
 */
final class CandleCloser implements StreamHandler {

  private static final Logger log = LoggerFactory.getLogger(CandleCloser.class);

  private final StreamContext context;
  private final Duration grace;
  private Kline current;
  private Kline previous;
  private boolean currentClosed;
  private ScheduledFuture<?> closeTimer;
  private boolean closed;

  CandleCloser(StreamContext context, Duration grace) {
    this.context = context;
    this.grace = grace;
  }

  @Override
  public void onData(Normalized normalized, Frame frame) {
    for (MarketEvent event : normalized.events()) {
      if (event instanceof Kline k) {
        update(k, frame.receivedAtMillis());
      } else {
        context.publish(event, frame.receivedAt());
      }
    }
  }

  private void update(Kline k, long receivedAtMillis) {
    if (current == null || k.openTime() > current.openTime()) {
      if (current != null && !currentClosed) {
        close(current);
      }
      previous = current;
      current = k;
      currentClosed = false;
      context.publish(k, k.receivedAt());
      scheduleClose(k, receivedAtMillis);
    } else if (k.openTime() == current.openTime()) {
      if (!sameValues(k, current)) {
        current = k;
        // after the timer closed it, an update is a correction of a final candle
        context.publish(currentClosed ? withClosed(k) : k, k.receivedAt());
      }
    } else if (previous == null
        || k.openTime() != previous.openTime()
        || !sameValues(k, previous)) {
      log.debug("{}: late update of closed candle {}", context.stream(), k.candleId());
      if (previous != null && k.openTime() == previous.openTime()) {
        previous = k;
      }
      context.publish(withClosed(k), k.receivedAt());
    }
  }

  /**
   * Closes the candle when its interval has passed in venue time, as seen from the update's event
   * time, plus the grace; a later candle usually closes it first.
   */
  private void scheduleClose(Kline k, long receivedAtMillis) {
    if (closeTimer != null) {
      closeTimer.cancel(false);
    }
    long venueNow = Math.max(k.eventTime(), k.openTime());
    long delay = Math.max(0, k.closeTime() + 1 - venueNow) + grace.toMillis();
    delay = Math.max(0, delay - Math.max(0, context.clock().millis() - receivedAtMillis));
    long openTime = k.openTime();
    closeTimer =
        context
            .timers()
            .schedule(
                () ->
                    context.runSerialized(
                        () -> {
                          if (!closed
                              && current != null
                              && current.openTime() == openTime
                              && !currentClosed) {
                            close(current);
                          }
                        }),
                delay,
                TimeUnit.MILLISECONDS);
  }

  private void close(Kline k) {
    currentClosed = true;
    context.publish(withClosed(k), context.nowMicros());
  }

  private static boolean sameValues(Kline a, Kline b) {
    return a.eventTime() == b.eventTime()
        && a.open().equals(b.open())
        && a.high().equals(b.high())
        && a.low().equals(b.low())
        && a.close().equals(b.close())
        && a.volume().equals(b.volume())
        && Objects.equals(a.quoteVolume(), b.quoteVolume());
  }

  private static Kline withClosed(Kline k) {
    return new Kline(
        k.venue(),
        k.symbol(),
        k.nativeSymbol(),
        k.interval(),
        k.openTime(),
        k.closeTime(),
        k.open(),
        k.high(),
        k.low(),
        k.close(),
        k.volume(),
        k.quoteVolume(),
        k.takerBuyVolume(),
        k.takerBuyQuoteVolume(),
        k.tradeCount(),
        true,
        k.eventTime(),
        k.receivedAt());
  }

  @Override
  public void close() {
    closed = true;
    if (closeTimer != null) {
      closeTimer.cancel(false);
    }
  }
}

package io.tickwire.connector;

import io.tickwire.model.MarketEvent;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.SubscriptionRequest;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the core offers a {@link StreamHandler} for its one stream: publishing, status markers, dead
 * letters and a way to run code in order with the stream's frames.
 */
public interface StreamContext {

  String venueId();

  /** The venue's stream name. */
  String stream();

  SubscriptionRequest request();

  /** Canonical symbol, e.g. BTC-USDT. */
  String symbol();

  /** The venue's symbol, e.g. BTCUSDT. */
  String nativeSymbol();

  /** Publishes an event to its {@code md.*} topic keyed by instrument. */
  void publish(MarketEvent event, long receivedAtMicros);

  /** Publishes a status marker about this stream's instrument. */
  void marker(StatusMarker.Status status, String detail, Long count);

  /** A gap marker plus the gaps metric. */
  void gapDetected(String detail);

  /** A resynced marker plus the resyncs metric. */
  void resynced(String detail);

  /** A book-mismatch marker plus the mismatch metric. */
  void bookMismatch(String detail);

  /** Sends a payload the handler could not use to the dead-letter topic. */
  void deadLetter(String error, byte[] payload);

  /**
   * Runs {@code task} with the stream's lock held, so it never interleaves with {@link
   * StreamHandler#onData}; skipped when the stream was unsubscribed meanwhile. Use it for REST
   * results arriving on other threads.
   */
  void runSerialized(Runnable task);

  /** Timers for periodic work (audits); tasks should go through {@link #runSerialized}. */
  ScheduledExecutorService timers();

  Clock clock();

  /** Now in epoch microseconds, the unit of {@code receivedAt}. */
  long nowMicros();
}

package io.tickwire.connector.testing;

import io.tickwire.connector.Micros;
import io.tickwire.connector.StreamContext;
import io.tickwire.model.MarketEvent;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.SubscriptionRequest;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A {@link StreamContext} that records what a {@link io.tickwire.connector.StreamHandler}
 * publishes, for unit tests of handlers (the venue modules' book handlers too). {@link
 * #runSerialized} runs the task at once under the same lock the test uses to feed frames.
 */
public final class RecordingStreamContext implements StreamContext, AutoCloseable {

  /** A marker as the handler emitted it. */
  public record Marker(StatusMarker.Status status, String detail, Long count) {}

  private final SubscriptionRequest request;
  private final String stream;
  private final String nativeSymbol;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  public final List<MarketEvent> published = new CopyOnWriteArrayList<>();
  public final List<Marker> markers = new CopyOnWriteArrayList<>();
  public final List<String> deadLetters = new CopyOnWriteArrayList<>();
  private boolean closed;

  public RecordingStreamContext(SubscriptionRequest request, String stream, String nativeSymbol) {
    this.request = request;
    this.stream = stream;
    this.nativeSymbol = nativeSymbol;
  }

  @Override
  public String venueId() {
    return request.venue();
  }

  @Override
  public String stream() {
    return stream;
  }

  @Override
  public SubscriptionRequest request() {
    return request;
  }

  @Override
  public String symbol() {
    return request.symbol();
  }

  @Override
  public String nativeSymbol() {
    return nativeSymbol;
  }

  @Override
  public void publish(MarketEvent event, long receivedAtMicros) {
    published.add(event);
  }

  @Override
  public void marker(StatusMarker.Status status, String detail, Long count) {
    markers.add(new Marker(status, detail, count));
  }

  @Override
  public void gapDetected(String detail) {
    marker(StatusMarker.Status.GAP_DETECTED, detail, null);
  }

  @Override
  public void resynced(String detail) {
    marker(StatusMarker.Status.RESYNCED, detail, null);
  }

  @Override
  public void bookMismatch(String detail) {
    marker(StatusMarker.Status.BOOK_MISMATCH, detail, null);
  }

  @Override
  public void deadLetter(String error, byte[] payload) {
    deadLetters.add(error);
  }

  @Override
  public synchronized void runSerialized(Runnable task) {
    if (!closed) {
      task.run();
    }
  }

  @Override
  public ScheduledExecutorService timers() {
    return timers;
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public long nowMicros() {
    return Micros.now(Clock.systemUTC());
  }

  public List<StatusMarker.Status> markerStatuses() {
    return markers.stream().map(Marker::status).toList();
  }

  @Override
  public synchronized void close() {
    closed = true;
    timers.shutdownNow();
  }
}

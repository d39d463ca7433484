package io.tickwire.connector.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.tickwire.connector.Frame;
import io.tickwire.connector.MarketTopics;
import io.tickwire.connector.Micros;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.Sequence;
import io.tickwire.connector.StreamContext;
import io.tickwire.connector.StreamHandler;
import io.tickwire.connector.publish.DropScope;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.MarketEvent;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.SubscriptionRequest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything about one served stream that the data path needs: which session it currently publishes
 * from (the primary) and which one will take over (the candidate, during a rotation), the last
 * sequence published (to drop duplicates and see gaps), a backfill in progress, and the stream's
 * handler. All frames of the stream pass through {@link #accept} under this object's lock, so what
 * reaches the publisher is in order, gap-checked and free of duplicates, whichever connection
 * delivered it.
 *
 * <p>Rotation: frames of the candidate are held until its copy of the stream has joined the
 * primary's (the candidate's first held frame continues what was published, {@code first - 1 <=
 * last}); then the candidate becomes the primary, its held frames are published minus duplicates,
 * and the old connection's later frames are ignored.
 */
final class StreamState implements StreamContext {

  private static final Logger log = LoggerFactory.getLogger(StreamState.class);
  private static final long NO_SEQ = Long.MIN_VALUE;
  private static final int MAX_CANDIDATE_HELD = 50_000;

  private record Received(Frame frame, Normalized normalized) {}

  final String stream;
  private final VenueEngine engine;
  private final DropScope scope;
  private final String channel;
  private final Counter messages;
  private final Counter bytes;
  private final Timer lag;
  private volatile SubscriptionRequest request;
  private StreamHandler handler;

  private SessionControl primary;
  private SessionControl candidate;
  private final ArrayDeque<Received> candidateHeld = new ArrayDeque<>();
  private long lastSeq = NO_SEQ;

  private boolean backfilling;
  private long backfillFrom;
  private long backfillTo;
  private long backfillToken;
  private ScheduledFuture<?> backfillTimeout;
  private final ArrayDeque<Received> backfillHeld = new ArrayDeque<>();

  private boolean connected;
  private boolean closed;
  volatile boolean stale;
  volatile long lastFrameNanos;
  volatile long subscribedSinceNanos;

  StreamState(VenueEngine engine, String stream, SubscriptionRequest request) {
    this.engine = engine;
    this.stream = stream;
    this.request = request;
    this.channel = request.channel();
    this.scope =
        new DropScope(
            engine.venueId(),
            request.symbol(),
            engine.protocol().symbols().toNative(request.symbol()),
            stream);
    this.messages = engine.metrics().messages(stream);
    this.bytes = engine.metrics().bytes(stream);
    this.lag = engine.metrics().lag(channel);
  }

  /** Creates the stream's handler, if the venue wants one; called once, before any frame. */
  void open() {
    try {
      handler = engine.handlers().create(this).orElse(null);
    } catch (RuntimeException e) {
      log.error(
          "{} {}: cannot create stream handler; publishing as is", engine.venueId(), stream, e);
    }
  }

  void update(SubscriptionRequest renewed) {
    this.request = renewed;
  }

  // ---- data path (event loops) -------------------------------------------------------------

  /** A frame of this stream from {@code session}. */
  void accept(SessionControl session, Frame frame) {
    Normalized normalized;
    try {
      normalized = engine.protocol().normalize(stream, frame);
    } catch (Exception | StackOverflowError e) {
      synchronized (this) {
        if (closed) {
          return;
        }
        lastFrameNanos = System.nanoTime();
        if (session == primary || primary == null) {
          publishRaw(frame);
        }
      }
      engine.deadLetter(stream, frame, "cannot map frame: " + describe(e));
      return;
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      lastFrameNanos = System.nanoTime();
      stale = false;
      Received r = new Received(frame, normalized);
      if (primary == null && (candidate == null || session == candidate)) {
        if (session == candidate) {
          promote();
        } else {
          primary = session;
        }
      }
      if (session == primary) {
        deliver(r);
        if (candidate != null && !candidateHeld.isEmpty() && joined()) {
          promote();
        }
      } else if (session == candidate) {
        if (!normalized.sequence().present()) {
          // nothing to line the copies up by: switch at the candidate's first frame
          promote();
          deliver(r);
        } else {
          candidateHeld.add(r);
          if (joined() || candidateHeld.size() > MAX_CANDIDATE_HELD) {
            promote();
          }
        }
      } else {
        engine.metrics().duplicates.increment();
      }
    }
  }

  /** True when the candidate's held frames continue what the primary published. */
  private boolean joined() {
    if (lastSeq == NO_SEQ) {
      return true;
    }
    Sequence first = candidateHeld.peekFirst().normalized().sequence();
    return first.first() - 1 <= lastSeq;
  }

  private void promote() {
    primary = candidate;
    candidate = null;
    while (!candidateHeld.isEmpty()) {
      deliver(candidateHeld.poll());
    }
  }

  /** Publishes a frame from the primary: dedup, gap check, backfill hold, then the events. */
  private void deliver(Received r) {
    Sequence s = r.normalized().sequence();
    if (s.present() && lastSeq != NO_SEQ && s.last() <= lastSeq) {
      engine.metrics().duplicates.increment();
      return;
    }
    publishRaw(r.frame());
    messages.increment();
    bytes.increment(r.frame().payload().length);
    long eventTime = r.normalized().eventTime();
    if (eventTime > 0) {
      lag.record(Math.max(0, r.frame().receivedAtMillis() - eventTime), TimeUnit.MILLISECONDS);
    }
    if (!s.present()) {
      emit(r);
      return;
    }
    if (backfilling) {
      backfillHeld.add(r);
      lastSeq = s.last();
      if (backfillHeld.size() > engine.core().backfillMaxHeld()) {
        finishBackfill(
            List.of(), "more than " + engine.core().backfillMaxHeld() + " events waited");
      }
      return;
    }
    if (s.gapless() && lastSeq != NO_SEQ && s.first() > lastSeq + 1) {
      long from = lastSeq + 1;
      long to = s.first() - 1;
      lastSeq = s.last();
      gap(from, to);
      if (engine.backfiller() != null) {
        startBackfill(from, to);
        backfillHeld.add(r);
        return;
      }
    }
    lastSeq = s.last();
    emit(r);
  }

  private void emit(Received r) {
    if (handler != null) {
      try {
        handler.onData(r.normalized(), r.frame());
      } catch (RuntimeException e) {
        log.error("{} {}: stream handler failed", engine.venueId(), stream, e);
        engine.deadLetter(stream, r.frame(), "stream handler failed: " + describe(e));
      }
      return;
    }
    for (MarketEvent event : r.normalized().events()) {
      publish(event, r.frame().receivedAt());
    }
  }

  private void publishRaw(Frame frame) {
    engine
        .publisher()
        .sendRaw(
            engine.rawTopic(),
            stream,
            frame.payload(),
            frame.receivedAt(),
            frame.connectionId(),
            scope);
  }

  private void gap(long from, long to) {
    long missing = to - from + 1;
    engine.metrics().gaps(channel).increment();
    marker(
        StatusMarker.Status.GAP_DETECTED,
        "missing sequence " + from + (from == to ? "" : ".." + to),
        missing);
  }

  // ---- backfill -----------------------------------------------------------------------------

  private void startBackfill(long from, long to) {
    backfilling = true;
    backfillFrom = from;
    backfillTo = to;
    long token = ++backfillToken;
    backfillTimeout =
        engine
            .timers()
            .schedule(
                () ->
                    runSerialized(
                        () -> {
                          if (backfilling && backfillToken == token) {
                            finishBackfill(
                                List.of(), "no answer within " + engine.core().backfillTimeout());
                          }
                        }),
                engine.core().backfillTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    try {
      engine
          .backfiller()
          .fetch(stream, request, from, to)
          .whenComplete(
              (items, error) ->
                  runSerialized(
                      () -> {
                        if (backfilling && backfillToken == token) {
                          finishBackfill(
                              items == null ? List.of() : items,
                              error == null ? null : describe(error));
                        }
                      }));
    } catch (RuntimeException e) {
      finishBackfill(List.of(), describe(e));
    }
  }

  /** Publishes what the backfill recovered, then the events held meanwhile, in order. */
  private void finishBackfill(List<Normalized> items, String failure) {
    backfilling = false;
    if (backfillTimeout != null) {
      backfillTimeout.cancel(false);
    }
    long missing = backfillTo - backfillFrom + 1;
    long recovered = 0;
    long next = backfillFrom;
    long now = nowMicros();
    for (Normalized item : items) {
      Sequence s = item.sequence();
      if (!s.present() || s.last() < next || s.first() > backfillTo) {
        continue;
      }
      for (MarketEvent event : item.events()) {
        publish(event, now);
      }
      recovered += Math.min(s.last(), backfillTo) - Math.max(s.first(), next) + 1;
      next = s.last() + 1;
    }
    engine.metrics().backfilled.increment(recovered);
    String detail =
        "recovered "
            + recovered
            + " of "
            + missing
            + " missing (sequence "
            + backfillFrom
            + ".."
            + backfillTo
            + ")"
            + (failure == null ? "" : "; backfill failed: " + failure);
    if (recovered < missing) {
      log.warn("{} {}: gap not fully backfilled: {}", engine.venueId(), stream, detail);
    }
    marker(StatusMarker.Status.BACKFILLED, detail, recovered);
    while (!backfillHeld.isEmpty()) {
      emit(backfillHeld.poll());
    }
  }

  // ---- engine thread -----------------------------------------------------------------------

  /** A rotation started: {@code session} will take over once its copy of the stream joins. */
  synchronized void beginCandidate(SessionControl session) {
    candidate = session;
    candidateHeld.clear();
  }

  /** The rotation switches now: whatever the candidate holds is published. */
  synchronized void switchTo(SessionControl session) {
    if (candidate == session) {
      promote();
    } else {
      // the old session is about to close: never leave the stream bound to it
      primary = session;
    }
  }

  /** The candidate was given up (it failed or the rotation was aborted). */
  synchronized void dropCandidate(SessionControl session) {
    if (candidate == session) {
      candidate = null;
      candidateHeld.clear();
    }
  }

  /** True when {@code session} publishes this stream now. */
  synchronized boolean servedBy(SessionControl session) {
    return primary == session;
  }

  /** The session publishing this stream closed. */
  synchronized void sessionLost(SessionControl session, String cause) {
    dropCandidate(session);
    if (primary != session) {
      return;
    }
    primary = null;
    if (candidate != null) {
      promote();
      return;
    }
    if (connected && !closed) {
      connected = false;
      markerOn(StatusMarker.Status.DISCONNECTED, cause, null, session.id);
      if (handler != null) {
        handler.onDisconnected(cause);
      }
    }
  }

  /** The venue confirmed the stream on {@code session}. */
  synchronized void subscribedOn(SessionControl session) {
    subscribedSinceNanos = System.nanoTime();
    if (!connected && !closed) {
      connected = true;
      markerOn(StatusMarker.Status.CONNECTED, null, null, session.id);
      if (handler != null) {
        handler.onSubscribed(session.id);
      }
    }
  }

  /** The venue refused the stream. */
  synchronized void rejected(String error) {
    marker(StatusMarker.Status.DISCONNECTED, "rejected by the venue: " + error, null);
    connected = false;
  }

  synchronized boolean connected() {
    return connected;
  }

  /** The stream is no longer served here (unsubscribed, moved to another replica, stopping). */
  synchronized void close(String why) {
    if (closed) {
      return;
    }
    if (connected) {
      marker(StatusMarker.Status.DISCONNECTED, why, null);
    }
    closed = true;
    connected = false;
    if (backfillTimeout != null) {
      backfillTimeout.cancel(false);
    }
    if (handler != null) {
      try {
        handler.close();
      } catch (RuntimeException e) {
        log.warn("{} {}: stream handler failed to close", engine.venueId(), stream, e);
      }
    }
  }

  // ---- StreamContext -----------------------------------------------------------------------

  @Override
  public String venueId() {
    return engine.venueId();
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
    return scope.symbol();
  }

  @Override
  public String nativeSymbol() {
    return scope.nativeSymbol();
  }

  @Override
  public void publish(MarketEvent event, long receivedAtMicros) {
    engine
        .publisher()
        .send(
            engine.topic(MarketTopics.of(event)),
            event.instrumentKey(),
            event,
            receivedAtMicros,
            scope);
  }

  @Override
  public void marker(StatusMarker.Status status, String detail, Long count) {
    markerOn(status, detail, count, primary == null ? null : primary.id);
  }

  private void markerOn(StatusMarker.Status status, String detail, Long count, String connection) {
    engine
        .publisher()
        .marker(
            new StatusMarker(
                engine.venueId(),
                scope.symbol(),
                scope.nativeSymbol(),
                stream,
                status,
                connection,
                detail,
                count,
                engine.clock().millis()));
  }

  @Override
  public void gapDetected(String detail) {
    engine.metrics().gaps(channel).increment();
    marker(StatusMarker.Status.GAP_DETECTED, detail, null);
  }

  @Override
  public void resynced(String detail) {
    engine.metrics().resyncs(channel).increment();
    marker(StatusMarker.Status.RESYNCED, detail, null);
  }

  @Override
  public void bookMismatch(String detail) {
    engine.metrics().bookMismatches(channel).increment();
    marker(StatusMarker.Status.BOOK_MISMATCH, detail, null);
  }

  @Override
  public void deadLetter(String error, byte[] payload) {
    engine.metrics().deadLetters.increment();
    engine
        .publisher()
        .deadLetter(
            DeadLetter.ofFrame(
                engine.deadLetterSource(),
                engine.venueId(),
                stream,
                primary == null ? null : primary.id,
                error,
                payload,
                engine.clock().millis()));
  }

  @Override
  public void runSerialized(Runnable task) {
    synchronized (this) {
      if (!closed) {
        task.run();
      }
    }
  }

  @Override
  public ScheduledExecutorService timers() {
    return engine.timers();
  }

  @Override
  public Clock clock() {
    return engine.clock();
  }

  @Override
  public long nowMicros() {
    return Micros.now(engine.clock());
  }

  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public String toString() {
    return stream;
  }
}

package io.tickwire.connector.book;

import io.tickwire.connector.Frame;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.StreamContext;
import io.tickwire.connector.StreamHandler;
import io.tickwire.connector.pace.WeightPacedScheduler.Priority;
import io.tickwire.model.BookEvent;
import io.tickwire.model.MarketEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one local order book from a diff-depth stream by the venue's official procedure and
 * publishes it to {@code md.book.v1} as one snapshot followed by the deltas (with their update
 * ids). Deltas are buffered while a REST snapshot is fetched (paced by request weight across all
 * books); deltas the snapshot already covers are dropped; the first delta must bridge the snapshot,
 * otherwise the snapshot is too old and is fetched again. A delta that does not continue the book
 * is a gap: {@code gap_detected}, a new snapshot for THIS book only, {@code resynced} and a fresh
 * snapshot event; the other books of the connection are untouched.
 *
 * <p>Every audit interval a REST snapshot is compared with the live book (brought to the same
 * update id by replaying recent deltas on a copy of the snapshot) without replacing it; a
 * difference in the top levels is reported with a {@code book_mismatch} marker and metric.
 *
 * <p>The venue module gives the rules ({@link BookRules}) and the snapshot call ({@link
 * SnapshotSource}); everything else is here.
 */
public final class SyncedBookHandler implements StreamHandler {

  private static final Logger log = LoggerFactory.getLogger(SyncedBookHandler.class);
  private static final int HISTORY = 4_096;
  private static final long RETRY_MILLIS = 1_000;

  private final StreamContext context;
  private final BookRules rules;
  private final SnapshotSource snapshots;
  private final int auditDepth;
  private final int maxBuffered;
  private final ArrayDeque<BookEvent> buffer = new ArrayDeque<>();
  private final ArrayDeque<BookEvent> history = new ArrayDeque<>();
  private final ScheduledFuture<?> auditTimer;
  private OrderBook book;
  private BookEvent pendingSnapshot;
  private boolean live;
  private boolean everLive;
  private boolean snapshotRequested;
  private long requestToken;
  private boolean auditRunning;
  private OrderBook auditShadow;
  private boolean closed;

  /**
   * @param auditInterval zero disables audits
   * @param auditDepth levels per side compared by an audit
   * @param maxBuffered deltas kept while a snapshot is on its way (older ones are dropped, which
   *     only means the snapshot will need fetching again)
   */
  public SyncedBookHandler(
      StreamContext context,
      BookRules rules,
      SnapshotSource snapshots,
      Duration auditInterval,
      int auditDepth,
      int maxBuffered) {
    this.context = context;
    this.rules = rules;
    this.snapshots = snapshots;
    this.auditDepth = auditDepth;
    this.maxBuffered = maxBuffered;
    long every = auditInterval.toMillis();
    this.auditTimer =
        every <= 0
            ? null
            : context
                .timers()
                .scheduleAtFixedRate(
                    () -> context.runSerialized(this::startAudit),
                    every,
                    every,
                    TimeUnit.MILLISECONDS);
  }

  /** The live book (null while syncing), for tests and tools. */
  public OrderBook book() {
    return live ? book : null;
  }

  public boolean live() {
    return live;
  }

  @Override
  public void onSubscribed(String connectionId) {
    if (!live) {
      requestSnapshot();
    }
  }

  @Override
  public void onData(Normalized normalized, Frame frame) {
    for (MarketEvent event : normalized.events()) {
      if (event instanceof BookEvent delta && delta.kind() == BookEvent.Kind.DELTA) {
        onDelta(delta, frame.receivedAt());
      } else {
        context.publish(event, frame.receivedAt());
      }
    }
  }

  private void onDelta(BookEvent delta, long receivedAt) {
    if (!live) {
      buffer.add(delta);
      if (buffer.size() > maxBuffered) {
        buffer.poll();
      }
      if (!snapshotRequested && pendingSnapshot == null) {
        requestSnapshot();
      }
      tryBridge();
      return;
    }
    if (rules.continues(delta, book.lastUpdateId())) {
      apply(delta, receivedAt);
    } else if (!rules.coveredBy(delta, book.lastUpdateId())) {
      context.gapDetected(
          "update "
              + delta.firstUpdateId()
              + ".."
              + delta.lastUpdateId()
              + (delta.prevUpdateId() == null ? "" : " (previous " + delta.prevUpdateId() + ")")
              + " does not continue the book at "
              + book.lastUpdateId()
              + "; resyncing this book");
      live = false;
      auditShadow = null;
      buffer.clear();
      buffer.add(delta);
      requestSnapshot();
    }
  }

  private void apply(BookEvent delta, long receivedAt) {
    book.apply(delta);
    context.publish(delta, receivedAt);
    history.add(delta);
    if (history.size() > HISTORY) {
      history.poll();
    }
    if (auditShadow != null) {
      advanceShadow(delta);
    }
  }

  private void requestSnapshot() {
    if (snapshotRequested || closed) {
      return;
    }
    snapshotRequested = true;
    long token = ++requestToken;
    snapshots
        .fetch(Priority.RESYNC)
        .whenComplete(
            (snapshot, error) -> context.runSerialized(() -> onSnapshot(token, snapshot, error)));
  }

  private void onSnapshot(long token, BookEvent snapshot, Throwable error) {
    if (token != requestToken || closed) {
      return;
    }
    snapshotRequested = false;
    if (error != null || snapshot == null) {
      log.warn(
          "{} {}: snapshot failed ({}); trying again",
          context.venueId(),
          context.stream(),
          error == null ? "empty answer" : error.getMessage());
      context
          .timers()
          .schedule(
              () -> context.runSerialized(this::requestSnapshot),
              RETRY_MILLIS,
              TimeUnit.MILLISECONDS);
      return;
    }
    pendingSnapshot = snapshot;
    tryBridge();
  }

  /** Goes live once a buffered delta bridges the pending snapshot. */
  private void tryBridge() {
    if (pendingSnapshot == null) {
      return;
    }
    long id = pendingSnapshot.lastUpdateId();
    while (!buffer.isEmpty() && rules.coveredBy(buffer.peekFirst(), id)) {
      buffer.poll();
    }
    if (buffer.isEmpty()) {
      return;
    }
    if (!rules.bridges(buffer.peekFirst(), id)) {
      log.info(
          "{} {}: snapshot {} is older than the first buffered update {}; fetching again",
          context.venueId(),
          context.stream(),
          id,
          buffer.peekFirst().firstUpdateId());
      pendingSnapshot = null;
      requestSnapshot();
      return;
    }
    BookEvent snapshot = pendingSnapshot;
    pendingSnapshot = null;
    book = OrderBook.of(snapshot);
    history.clear();
    long now = context.nowMicros();
    context.publish(withReceivedAt(snapshot, now), now);
    live = true;
    if (everLive) {
      context.resynced("book rebuilt from snapshot " + id);
    }
    everLive = true;
    List<BookEvent> pending = new ArrayList<>(buffer);
    buffer.clear();
    apply(pending.get(0), now);
    for (BookEvent delta : pending.subList(1, pending.size())) {
      onDelta(delta, now);
    }
  }

  // ---- audit -------------------------------------------------------------------------------

  /** Starts an audit now instead of at the next interval (tools and tests). */
  public void auditNow() {
    context.runSerialized(this::startAudit);
  }

  private void startAudit() {
    if (!live || auditRunning || closed) {
      return;
    }
    auditRunning = true;
    snapshots
        .fetch(Priority.AUDIT)
        .whenComplete(
            (snapshot, error) ->
                context.runSerialized(
                    () -> {
                      auditRunning = false;
                      if (error == null && snapshot != null && live) {
                        audit(snapshot);
                      }
                    }));
  }

  private void audit(BookEvent snapshot) {
    long snapshotId = snapshot.lastUpdateId();
    OrderBook shadow = OrderBook.of(snapshot);
    if (book.lastUpdateId() < snapshotId) {
      // the venue is ahead of us: finish when our deltas reach the snapshot
      auditShadow = shadow;
      return;
    }
    boolean bridged = false;
    for (BookEvent delta : history) {
      if (rules.coveredBy(delta, shadow.lastUpdateId())) {
        continue;
      }
      if (!bridged && !rules.bridges(delta, snapshotId)) {
        log.debug(
            "{} {}: audit inconclusive, history too short", context.venueId(), context.stream());
        return;
      }
      bridged = true;
      shadow.apply(delta);
    }
    compare(shadow);
  }

  private void advanceShadow(BookEvent delta) {
    if (!rules.coveredBy(delta, auditShadow.lastUpdateId())) {
      auditShadow.apply(delta);
    }
    if (auditShadow.lastUpdateId() == book.lastUpdateId()) {
      OrderBook shadow = auditShadow;
      auditShadow = null;
      compare(shadow);
    }
  }

  private void compare(OrderBook shadow) {
    if (shadow.lastUpdateId() != book.lastUpdateId()) {
      return;
    }
    Optional<String> difference = book.firstDifference(shadow, auditDepth);
    difference.ifPresent(
        d -> {
          log.warn(
              "{} {}: book differs from the venue at {}: {}",
              context.venueId(),
              context.stream(),
              book.lastUpdateId(),
              d);
          context.bookMismatch("at update " + book.lastUpdateId() + ": " + d);
        });
  }

  private static BookEvent withReceivedAt(BookEvent e, long receivedAt) {
    return new BookEvent(
        e.venue(),
        e.symbol(),
        e.nativeSymbol(),
        BookEvent.Kind.SNAPSHOT,
        e.depth(),
        e.firstUpdateId(),
        e.lastUpdateId(),
        e.prevUpdateId(),
        e.bids(),
        e.asks(),
        e.eventTime(),
        e.transactionTime(),
        receivedAt);
  }

  @Override
  public void close() {
    closed = true;
    requestToken++;
    if (auditTimer != null) {
      auditTimer.cancel(false);
    }
  }
}

package io.tickwire.connector.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.connector.Frame;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.Sequence;
import io.tickwire.connector.pace.WeightPacedScheduler.Priority;
import io.tickwire.connector.testing.RecordingStreamContext;
import io.tickwire.model.BookEvent;
import io.tickwire.model.Level;
import io.tickwire.model.StatusMarker.Status;
import io.tickwire.model.SubscriptionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The book procedure with Binance spot's rules, snapshots answered by the test. */
class SyncedBookHandlerTest {

  /** Binance spot: covered u <= id; bridges U <= id+1 <= u; continues U == last+1. */
  static final BookRules SPOT =
      new BookRules() {
        @Override
        public boolean coveredBy(BookEvent d, long id) {
          return d.lastUpdateId() <= id;
        }

        @Override
        public boolean bridges(BookEvent d, long id) {
          return d.firstUpdateId() <= id + 1 && id + 1 <= d.lastUpdateId();
        }

        @Override
        public boolean continues(BookEvent d, long last) {
          return d.firstUpdateId() == last + 1;
        }
      };

  private record Request(Priority priority, CompletableFuture<BookEvent> answer) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private RecordingStreamContext context;
  private SyncedBookHandler handler;

  @BeforeEach
  void start() {
    SubscriptionRequest request =
        new SubscriptionRequest("binance-spot", "depth", "BTC-USDT", Map.of(), "test", null, 0);
    context = new RecordingStreamContext(request, "btcusdt@depth", "BTCUSDT");
    handler =
        new SyncedBookHandler(
            context,
            SPOT,
            priority -> {
              CompletableFuture<BookEvent> answer = new CompletableFuture<>();
              requests.add(new Request(priority, answer));
              return answer;
            },
            Duration.ZERO,
            10,
            1000);
    handler.onSubscribed("c1");
  }

  @AfterEach
  void stop() {
    handler.close();
    context.close();
  }

  @Test
  void buildsTheBookFromASnapshotAndTheFirstBridgingDelta() {
    feed(delta(98, 99, "10", "7"));
    feed(delta(100, 102, "10", "8"));
    feed(delta(103, 105, "9", "3"));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).priority()).isEqualTo(Priority.RESYNC);
    assertThat(context.published).isEmpty();

    answer(0, snapshot(100, "10", "5"));

    assertThat(kinds()).containsExactly("snapshot@100", "delta@102", "delta@105");
    assertThat(handler.book().bids(5)).containsExactly(new Level("10", "8"), new Level("9", "3"));
    assertThat(context.markers).isEmpty();
  }

  @Test
  void aGapResyncsThisBookWithMarkersAndAFreshSnapshot() {
    answer(0, snapshot(100, "10", "5"));
    feed(delta(101, 101, "10", "6"));
    assertThat(kinds()).containsExactly("snapshot@100", "delta@101");

    feed(delta(104, 105, "10", "9")); // 102..103 missing
    assertThat(handler.live()).isFalse();
    assertThat(context.markerStatuses()).containsExactly(Status.GAP_DETECTED);
    assertThat(requests).hasSize(2);

    feed(delta(106, 107, "11", "1"));
    answer(1, snapshot(105, "10", "9"));

    assertThat(kinds()).containsExactly("snapshot@100", "delta@101", "snapshot@105", "delta@107");
    assertThat(context.markerStatuses()).containsExactly(Status.GAP_DETECTED, Status.RESYNCED);
    assertThat(handler.book().lastUpdateId()).isEqualTo(107);
  }

  @Test
  void fetchesAgainWhenTheSnapshotIsOlderThanTheBufferedUpdates() {
    feed(delta(200, 201, "10", "1"));
    answer(0, snapshot(150, "10", "5"));
    assertThat(requests).hasSize(2);
    assertThat(context.published).isEmpty();
    answer(1, snapshot(200, "10", "5"));
    assertThat(kinds()).containsExactly("snapshot@200", "delta@201");
  }

  @Test
  void ignoresUpdatesTheBookAlreadyHas() {
    answer(0, snapshot(100, "10", "5"));
    feed(delta(101, 102, "10", "6"));
    feed(delta(101, 102, "10", "6"));
    assertThat(kinds()).containsExactly("snapshot@100", "delta@102");
    assertThat(context.markers).isEmpty();
  }

  @Test
  void anAuditReportsADifferenceWithoutReplacingTheBook() {
    answer(0, snapshot(100, "10", "5"));
    feed(delta(101, 102, "10", "6"));

    handler.auditNow();
    assertThat(requests.get(1).priority()).isEqualTo(Priority.AUDIT);
    answer(1, snapshot(102, "10", "6"));
    assertThat(context.markers).isEmpty();

    handler.auditNow();
    // the venue, at 101, has a bid level we lack: replay 102 on its snapshot, then compare
    answer(2, snapshot(101, "12", "4"));
    assertThat(context.markerStatuses()).containsExactly(Status.BOOK_MISMATCH);
    assertThat(context.markers.get(0).detail()).contains("at update 102").contains("bid level 1");
    assertThat(handler.book().bids(1)).containsExactly(new Level("10", "6"));
  }

  @Test
  void anAuditAheadOfTheBookWaitsForTheBookToCatchUp() {
    answer(0, snapshot(100, "10", "5"));
    feed(delta(101, 101, "10", "6"));
    handler.auditNow();
    answer(1, snapshot(103, "10", "1"));
    assertThat(context.markers).isEmpty();
    feed(delta(102, 103, "10", "2"));
    assertThat(context.markerStatuses()).containsExactly(Status.BOOK_MISMATCH);
  }

  private void feed(BookEvent delta) {
    Frame frame = new Frame(new byte[0], false, context.nowMicros(), "c1");
    context.runSerialized(
        () ->
            handler.onData(
                Normalized.of(
                    delta, Sequence.range(delta.firstUpdateId(), delta.lastUpdateId()), 0),
                frame));
  }

  private void answer(int request, BookEvent snapshot) {
    requests.get(request).answer().complete(snapshot);
  }

  private List<String> kinds() {
    return context.published.stream()
        .map(e -> (BookEvent) e)
        .map(e -> e.kind().name().toLowerCase() + "@" + e.lastUpdateId())
        .toList();
  }

  private static BookEvent delta(long first, long last, String bidPrice, String bidQty) {
    return new BookEvent(
        "binance-spot",
        "BTC-USDT",
        "BTCUSDT",
        BookEvent.Kind.DELTA,
        null,
        first,
        last,
        null,
        List.of(new Level(bidPrice, bidQty)),
        List.of(),
        1L,
        null,
        1);
  }

  private static BookEvent snapshot(long id, String bidPrice, String bidQty) {
    return new BookEvent(
        "binance-spot",
        "BTC-USDT",
        "BTCUSDT",
        BookEvent.Kind.SNAPSHOT,
        null,
        null,
        id,
        null,
        List.of(new Level(bidPrice, bidQty)),
        List.of(new Level("11", "1")),
        null,
        null,
        0);
  }
}

package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.connector.Frame;
import io.tickwire.connector.StreamHandler;
import io.tickwire.connector.binance.wire.DepthSnapshot;
import io.tickwire.connector.book.SyncedBookHandler;
import io.tickwire.connector.pace.WeightPacedScheduler.Priority;
import io.tickwire.connector.testing.RecordingStreamContext;
import io.tickwire.model.BinanceSymbols;
import io.tickwire.model.BookEvent;
import io.tickwire.model.Level;
import io.tickwire.model.MarketEvent;
import io.tickwire.model.StatusMarker.Status;
import io.tickwire.model.StreamNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official local-book procedures, driven with frames the protocol normalizes and snapshots the
 * test answers: spot bridges with {@code U <= id+1 <= u} and chains {@code U}/{@code u}; USD-M
 * bridges with {@code U <= id <= u} and chains {@code pu}. A break in the chain resyncs this one
 * book with markers and a fresh snapshot; an audit compares without replacing.
 */
class BinanceBooksTest {

  private record Request(
      String symbol, int limit, Priority priority, CompletableFuture<DepthSnapshot> answer) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private RecordingStreamContext context;
  private StreamHandler handler;
  private BinanceProtocol protocol;
  private String stream;

  @AfterEach
  void close() {
    if (handler != null) {
      handler.close();
    }
    if (context != null) {
      context.close();
    }
  }

  private void open(BinanceMarket market, String streamName) {
    String venue = market.venue().id();
    protocol = BinanceMappingTest.protocol(market, venue);
    stream = streamName;
    context =
        new RecordingStreamContext(
            StreamNames.fromBinance(
                venue, streamName, BinanceSymbols.withDefaultQuotes(), "test", null, 0),
            streamName,
            "BTCUSDT");
    BinanceBooks books =
        new BinanceBooks(
            protocol,
            (symbol, limit, priority) -> {
              Request r = new Request(symbol, limit, priority, new CompletableFuture<>());
              requests.add(r);
              return r.answer();
            },
            1000,
            Duration.ZERO,
            20);
    handler = books.create(context).orElseThrow();
    handler.onSubscribed("test/1");
  }

  @Test
  void onlyDiffDepthStreamsGetABook() {
    open(BinanceMarket.SPOT, "btcusdt@depth@100ms");
    BinanceBooks books =
        new BinanceBooks(protocol, (s, l, p) -> new CompletableFuture<>(), 1000, Duration.ZERO, 20);
    for (String other :
        List.of("btcusdt@depth20@100ms", "btcusdt@aggTrade", "btcusdt@bookTicker")) {
      var ctx = new RecordingStreamContext(context.request(), other, "BTCUSDT");
      assertThat(books.create(ctx)).as(other).isEmpty();
      ctx.close();
    }
  }

  @Test
  void spotBookStartsFromASnapshotBridgedByABufferedUpdate() {
    open(BinanceMarket.SPOT, "btcusdt@depth@100ms");
    assertThat(requests)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.symbol()).isEqualTo("BTCUSDT");
              assertThat(r.limit()).isEqualTo(1000);
              assertThat(r.priority()).isEqualTo(Priority.RESYNC);
            });
    spot(95, 99, bid("100", "1"));
    spot(100, 105, bid("100", "2"));
    spot(106, 110, ask("101", "3"));
    answer(0, snapshot(103, List.of(bid("100", "5"), bid("99", "1")), List.of(ask("101", "1"))));

    assertThat(kinds()).containsExactly("snapshot:103", "delta:100-105", "delta:106-110");
    var book = ((SyncedBookHandler) handler).book();
    assertThat(book.lastUpdateId()).isEqualTo(110);
    assertThat(book.bids(5)).containsExactly(bid("100", "2"), bid("99", "1"));
    assertThat(book.asks(5)).containsExactly(ask("101", "3"));
    assertThat(context.markers).isEmpty();

    // an overlapping update still applies (a gap is only U > last + 1)
    spot(108, 112, bid("99", "0"));
    assertThat(book.lastUpdateId()).isEqualTo(112);
    assertThat(book.bids(5)).containsExactly(bid("100", "2"));
  }

  @Test
  void spotSnapshotOlderThanTheFirstBufferedUpdateIsFetchedAgain() {
    open(BinanceMarket.SPOT, "btcusdt@depth");
    spot(200, 205, bid("100", "2"));
    answer(0, snapshot(150, List.of(), List.of()));
    assertThat(requests).hasSize(2);
    assertThat(context.published).isEmpty();
    answer(1, snapshot(202, List.of(bid("100", "1")), List.of()));
    assertThat(kinds()).containsExactly("snapshot:202", "delta:200-205");
  }

  @Test
  void spotGapResyncsThisBookWithMarkersAndAFreshSnapshot() {
    open(BinanceMarket.SPOT, "btcusdt@depth@100ms");
    spot(10, 12, bid("100", "1"));
    answer(0, snapshot(11, List.of(), List.of()));
    spot(13, 15, bid("100", "2"));
    spot(18, 20, bid("100", "3"));
    assertThat(context.markers)
        .extracting(RecordingStreamContext.Marker::status)
        .containsExactly(Status.GAP_DETECTED);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).priority()).isEqualTo(Priority.RESYNC);
    spot(21, 25, ask("101", "1"));
    answer(1, snapshot(22, List.of(bid("100", "9")), List.of()));

    assertThat(kinds())
        .containsExactly("snapshot:11", "delta:10-12", "delta:13-15", "snapshot:22", "delta:21-25");
    assertThat(context.markers)
        .extracting(RecordingStreamContext.Marker::status)
        .containsExactly(Status.GAP_DETECTED, Status.RESYNCED);
    assertThat(((SyncedBookHandler) handler).book().bids(5)).containsExactly(bid("100", "9"));
  }

  @Test
  void usdmBookFollowsThePreviousUpdateIdChain() {
    open(BinanceMarket.USDM, "btcusdt@depth@100ms");
    usdm(140, 149, 139, bid("100", "1"));
    usdm(150, 160, 149, bid("100", "2"));
    usdm(161, 170, 160, ask("101", "1"));
    // the first applied event must have U <= lastUpdateId <= u; the older one is dropped
    answer(0, snapshot(155, List.of(bid("100", "7")), List.of()));
    assertThat(kinds()).containsExactly("snapshot:155", "delta:150-160", "delta:161-170");
    assertThat(context.published.get(1))
        .isInstanceOfSatisfying(BookEvent.class, d -> assertThat(d.prevUpdateId()).isEqualTo(149L));

    // pu must equal the previous u; here 175 != 170
    usdm(180, 190, 175, bid("100", "3"));
    assertThat(context.markers)
        .extracting(RecordingStreamContext.Marker::status)
        .containsExactly(Status.GAP_DETECTED);
    usdm(191, 200, 190, bid("100", "4"));
    answer(1, snapshot(195, List.of(bid("100", "8")), List.of()));
    assertThat(kinds()).endsWith("snapshot:195", "delta:191-200");
    assertThat(context.markers)
        .extracting(RecordingStreamContext.Marker::status)
        .containsExactly(Status.GAP_DETECTED, Status.RESYNCED);
  }

  @Test
  void anAuditUsesALightSnapshotAndReportsAMismatchWithoutReplacingTheBook() {
    open(BinanceMarket.SPOT, "btcusdt@depth@100ms");
    spot(10, 12, bid("100", "1"));
    answer(0, snapshot(11, List.of(bid("100", "1"), bid("99", "4")), List.of()));
    ((SyncedBookHandler) handler).auditNow();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).priority()).isEqualTo(Priority.AUDIT);
    assertThat(requests.get(1).limit()).isEqualTo(BinanceBooks.AUDIT_LIMIT);
    answer(1, snapshot(12, List.of(bid("100", "1"), bid("99", "5")), List.of()));

    assertThat(context.markers)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.status()).isEqualTo(Status.BOOK_MISMATCH);
              assertThat(m.detail()).contains("bid level 2");
            });
    assertThat(((SyncedBookHandler) handler).book().bids(5))
        .containsExactly(bid("100", "1"), bid("99", "4"));
    assertThat(kinds()).containsExactly("snapshot:11", "delta:10-12");
  }

  private void spot(long first, long last, Level... levels) {
    feed(
        "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":"
            + first
            + ",\"u\":"
            + last
            + levels(levels)
            + "}");
  }

  private void usdm(long first, long last, long previous, Level... levels) {
    feed(
        "{\"e\":\"depthUpdate\",\"E\":1,\"T\":1,\"s\":\"BTCUSDT\",\"U\":"
            + first
            + ",\"u\":"
            + last
            + ",\"pu\":"
            + previous
            + levels(levels)
            + "}");
  }

  /** Bids are levels at prices up to 100, asks above. */
  private static String levels(Level... levels) {
    StringBuilder bids = new StringBuilder();
    StringBuilder asks = new StringBuilder();
    for (Level l : levels) {
      StringBuilder side = Double.parseDouble(l.price()) <= 100 ? bids : asks;
      side.append(side.length() == 0 ? "" : ",")
          .append("[\"")
          .append(l.price())
          .append("\",\"")
          .append(l.quantity())
          .append("\"]");
    }
    return ",\"b\":[" + bids + "],\"a\":[" + asks + "]";
  }

  private void feed(String data) {
    byte[] payload =
        ("{\"stream\":\"" + stream + "\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
    Frame frame = new Frame(payload, false, 1, "test/1");
    try {
      handler.onData(protocol.normalize(stream, frame), frame);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void answer(int request, DepthSnapshot snapshot) {
    requests.get(request).answer().complete(snapshot);
  }

  private static DepthSnapshot snapshot(long id, List<Level> bids, List<Level> asks) {
    return new DepthSnapshot(id, null, null, bids, asks);
  }

  private static Level bid(String price, String quantity) {
    return new Level(price, quantity);
  }

  private static Level ask(String price, String quantity) {
    return new Level(price, quantity);
  }

  private List<String> kinds() {
    return context.published.stream().map(BinanceBooksTest::kind).toList();
  }

  private static String kind(MarketEvent e) {
    BookEvent b = (BookEvent) e;
    return b.kind() == BookEvent.Kind.SNAPSHOT
        ? "snapshot:" + b.lastUpdateId()
        : "delta:" + b.firstUpdateId() + "-" + b.lastUpdateId();
  }
}

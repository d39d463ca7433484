package io.tickwire.jobs.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickwire.jobs.JobDriver;
import io.tickwire.model.BookEvent;
import io.tickwire.model.BookTop;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.Level;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * book-aggregator's rules on its production topology: explicit record timestamps for the inputs and
 * a mocked wall clock, advanced tick by tick, for the cadence.
 */
class BookAggregatorTest {

  private static final long T = JobDriver.START.toEpochMilli();
  private static final Duration CADENCE = Duration.ofMillis(100);
  private static final String SPOT = "binance-spot:BTC-USDT";
  private static final String FUTURES = "binance-usdm:BTC-USDT";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private JobDriver driver;
  private TestInputTopic<String, BookEvent> books;
  private TestInputTopic<String, StatusMarker> status;
  private TestOutputTopic<String, BookTop> tops;
  private long recordTime = T;

  @BeforeEach
  void start() {
    BookAggregatorConfig config =
        new BookAggregatorConfig(
            "test-book-aggregator",
            Topics.BOOK,
            Topics.STATUS,
            Topics.BOOK_TOP,
            CADENCE,
            3,
            List.of(10, 50, 100));
    driver = new JobDriver(BookAggregator.job(config, meters));
    books = driver.input(Topics.BOOK);
    status = driver.input(Topics.STATUS);
    tops = driver.output(Topics.BOOK_TOP);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void publishesTheTopLevelsAndFiguresAtTheCadence() {
    send(
        snapshot(
            SPOT,
            100,
            levels("100.0:1.5", "99.9:2", "99.5:4", "98:10"),
            levels("100.2:1", "100.3:3", "101:5", "103:7"),
            T + 10));
    assertThat(tops.isEmpty()).isTrue();

    List<KeyValue<String, BookTop>> published = tickRecords();

    assertThat(published).hasSize(1);
    assertThat(published.get(0).key).isEqualTo(SPOT);
    BookTop top = published.get(0).value;
    assertThat(top.status()).isEqualTo(BookTop.Status.OK);
    assertThat(top.depth()).isEqualTo(3);
    assertThat(top.bids()).extracting(Level::price).containsExactly("100.0", "99.9", "99.5");
    assertThat(top.asks()).extracting(Level::price).containsExactly("100.2", "100.3", "101");
    assertThat(top.bestBid()).isEqualTo("100.0");
    assertThat(top.bestAsk()).isEqualTo("100.2");
    assertThat(top.mid()).isEqualTo("100.1");
    assertThat(top.spread()).isEqualTo("0.2");
    assertThat(top.spreadBps()).isEqualTo("19.98");
    assertThat(top.imbalance()).isEqualTo("-0.0909"); // (7.5 - 9) / 16.5 over the top 3
    assertThat(top.bands())
        .containsExactly(
            new BookTop.DepthBand(10, "1.5", "1"),
            new BookTop.DepthBand(50, "3.5", "4"),
            new BookTop.DepthBand(100, "7.5", "9"));
    assertThat(top.updateId()).isEqualTo(100);
    assertThat(top.sourceTime()).isEqualTo(T + 10); // a snapshot without venue time: received
    assertThat(top.time()).isEqualTo(T + CADENCE.toMillis());
    assertThat(top.reason()).isNull();
  }

  @Test
  void publishesOnlyWhenChangedAndAtMostOncePerTick() {
    send(snapshot(SPOT, 100, levels("100:1", "99:1"), levels("101:1", "102:1"), T));
    assertThat(tick()).hasSize(1);
    assertThat(tick()).isEmpty();

    send(delta(SPOT, 101, 101, null, levels("100:2"), levels(), T + 150));
    send(delta(SPOT, 102, 103, null, levels("99:0"), levels("101:0.5"), T + 160));
    send(delta(SPOT, 104, 104, null, levels(), levels("102:4"), T + 170));
    List<BookTop> published = tick();

    assertThat(published).hasSize(1);
    assertThat(published.get(0).updateId()).isEqualTo(104);
    assertThat(published.get(0).bids()).containsExactly(new Level("100", "2"));
    assertThat(published.get(0).asks())
        .containsExactly(new Level("101", "0.5"), new Level("102", "4"));
    assertThat(published.get(0).sourceTime()).isEqualTo(T + 170);

    send(delta(SPOT, 102, 103, null, levels("99:7"), levels(), T + 160)); // a duplicate
    send(delta(SPOT, 104, 104, null, levels(), levels("102:4"), T + 170)); // a replay
    assertThat(tick()).isEmpty();
  }

  @Test
  void aDeltaBeforeAnySnapshotLeavesTheBookBrokenUntilTheSnapshot() {
    send(delta(SPOT, 101, 102, null, levels("100:1"), levels("101:1"), T));
    List<BookTop> waiting = tick();

    assertThat(waiting).hasSize(1);
    assertThat(waiting.get(0).status()).isEqualTo(BookTop.Status.BROKEN);
    assertThat(waiting.get(0).reason()).isEqualTo("no snapshot yet; waiting for one");
    assertThat(waiting.get(0).bids()).isEmpty();
    assertThat(waiting.get(0).mid()).isNull();

    send(delta(SPOT, 103, 103, null, levels("100:2"), levels(), T + 10));
    assertThat(tick()).isEmpty(); // still waiting: nothing new to say

    send(snapshot(SPOT, 105, levels("99:1"), levels("100.5:2"), T + 300));
    send(delta(SPOT, 106, 106, null, levels("99:3"), levels(), T + 310));
    List<BookTop> recovered = tick();

    assertThat(recovered).hasSize(1);
    assertThat(recovered.get(0).status()).isEqualTo(BookTop.Status.OK);
    assertThat(recovered.get(0).bids()).containsExactly(new Level("99", "3"));
    assertThat(recovered.get(0).updateId()).isEqualTo(106);
  }

  @Test
  void anUpdateIdGapBreaksTheBookAndTheNextSnapshotMendsIt() {
    send(snapshot(SPOT, 100, levels("100:1"), levels("101:1"), T));
    send(delta(SPOT, 101, 105, null, levels("100:2"), levels(), T + 10));
    assertThat(tick()).extracting(BookTop::updateId).containsExactly(105L);

    send(delta(SPOT, 110, 112, null, levels("100:3"), levels(), T + 120));
    List<BookTop> broken = tick();

    assertThat(broken).hasSize(1);
    assertThat(broken.get(0).status()).isEqualTo(BookTop.Status.BROKEN);
    assertThat(broken.get(0).reason())
        .isEqualTo(
            "update-id gap: expected an update starting at or before 106, got 110-112;"
                + " waiting for a snapshot");
    assertThat(broken.get(0).bids()).isEmpty();
    assertThat(broken.get(0).updateId()).isEqualTo(105);
    assertThat(
            meters.get("stream.jobs.books.broken").tag("cause", "update-id-gap").counter().count())
        .isEqualTo(1.0);

    send(delta(SPOT, 113, 115, null, levels("100:4"), levels(), T + 210));
    assertThat(tick()).isEmpty();

    send(snapshot(SPOT, 120, levels("99.5:6"), levels("100.5:1"), T + 300));
    List<BookTop> mended = tick();

    assertThat(mended).hasSize(1);
    assertThat(mended.get(0).status()).isEqualTo(BookTop.Status.OK);
    assertThat(mended.get(0).bids()).containsExactly(new Level("99.5", "6"));
    assertThat(mended.get(0).updateId()).isEqualTo(120);
  }

  @Test
  void futuresDeltasFollowThePuChain() {
    send(snapshot(FUTURES, 100, levels("100:1"), levels("101:1"), T));
    send(delta(FUTURES, 95, 99, 90L, levels("100:9"), levels(), T + 1)); // before the snapshot
    send(delta(FUTURES, 98, 103, 97L, levels("100:2"), levels(), T + 2)); // spans it
    send(delta(FUTURES, 104, 108, 103L, levels(), levels("101:3"), T + 3)); // pu = previous u
    List<BookTop> chained = tick();

    assertThat(chained).hasSize(1);
    assertThat(chained.get(0).updateId()).isEqualTo(108);
    assertThat(chained.get(0).bids()).containsExactly(new Level("100", "2"));
    assertThat(chained.get(0).asks()).containsExactly(new Level("101", "3"));

    send(delta(FUTURES, 110, 112, 109L, levels("100:5"), levels(), T + 110));
    List<BookTop> broken = tick();

    assertThat(broken).extracting(BookTop::status).containsExactly(BookTop.Status.BROKEN);
    assertThat(broken.get(0).reason()).startsWith("update-id gap: expected pu 108, got pu 109");
  }

  @Test
  void theFirstFuturesDeltaAfterASnapshotMustSpanOrFollowIt() {
    send(snapshot(FUTURES, 200, levels("100:1"), levels("101:1"), T));
    send(delta(FUTURES, 205, 207, 200L, levels("100:2"), levels(), T + 1)); // follows it exactly
    assertThat(tick()).extracting(BookTop::updateId).containsExactly(207L);

    send(snapshot(FUTURES, 300, levels("100:1"), levels("101:1"), T + 110));
    send(delta(FUTURES, 305, 307, 303L, levels("100:2"), levels(), T + 111));

    assertThat(tick()).extracting(BookTop::status).containsExactly(BookTop.Status.BROKEN);
  }

  @Test
  void aConnectorGapMarkerBreaksTheBookUnlessItsSnapshotIsNewer() {
    send(snapshot(SPOT, 100, levels("100:1"), levels("101:1"), T + 1_000));
    assertThat(tick()).hasSize(1);

    status.pipeInput(SPOT, gap("btcusdt@depth@100ms", T + 2_000), T + 2_000);
    List<BookTop> broken = tick();

    assertThat(broken).hasSize(1);
    assertThat(broken.get(0).status()).isEqualTo(BookTop.Status.BROKEN);
    assertThat(broken.get(0).reason())
        .isEqualTo(
            "gap detected by the connector (update 161 expected, 170 received);"
                + " waiting for a snapshot");

    send(snapshot(SPOT, 180, levels("100:2"), levels("101:2"), T + 3_000));
    assertThat(tick()).extracting(BookTop::status).containsExactly(BookTop.Status.OK);

    // the marker that announced this resync, processed after its snapshot: already resolved
    status.pipeInput(SPOT, gap("btcusdt@depth@100ms", T + 2_500), T + 2_500);
    // markers about other things: a trade stream, an audit mismatch, the whole connection
    status.pipeInput(SPOT, gap("btcusdt@aggTrade", T + 4_000), T + 4_000);
    status.pipeInput(
        SPOT,
        new StatusMarker(
            "binance-spot",
            "BTC-USDT",
            "BTCUSDT",
            "btcusdt@depth@100ms",
            StatusMarker.Status.BOOK_MISMATCH,
            "c1",
            null,
            null,
            T + 4_000),
        T + 4_000);
    status.pipeInput(
        "binance-spot",
        new StatusMarker(
            "binance-spot",
            null,
            null,
            null,
            StatusMarker.Status.DISCONNECTED,
            "c1",
            null,
            null,
            T + 4_000),
        T + 4_000);

    assertThat(tick()).isEmpty();
    assertThat(meters.get("stream.jobs.books.broken").tag("cause", "gap-marker").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void aDroppedMarkerForTheBookStreamBreaksItToo() {
    send(snapshot(SPOT, 100, levels("100:1"), levels("101:1"), T));
    assertThat(tick()).hasSize(1);

    status.pipeInput(
        SPOT,
        new StatusMarker(
            "binance-spot",
            "BTC-USDT",
            "BTCUSDT",
            "btcusdt@depth@100ms",
            StatusMarker.Status.DROPPED,
            "binance-spot-3",
            "buffer full",
            12L,
            T + 1_000),
        T + 1_000);

    assertThat(tick())
        .extracting(BookTop::reason)
        .containsExactly("the connector dropped events (buffer full); waiting for a snapshot");
  }

  @Test
  void anOlderSnapshotIsAReplayAndIsIgnored() {
    send(snapshot(SPOT, 100, levels("100:1"), levels("101:1"), T));
    send(delta(SPOT, 101, 101, null, levels("100:5"), levels(), T + 1));
    send(snapshot(SPOT, 90, levels("90:1"), levels("91:1"), T + 2));

    List<BookTop> published = tick();

    assertThat(published).hasSize(1);
    assertThat(published.get(0).updateId()).isEqualTo(101);
    assertThat(published.get(0).bids()).containsExactly(new Level("100", "5"));
  }

  @Test
  void upbitSnapshotsReplaceOneAnother() {
    String upbit = "upbit:BTC-KRW";
    send(snapshot(upbit, 1_727_833_500_100L, levels("85000000:0.5"), levels("85010000:1"), T));
    send(
        snapshot(
            upbit,
            1_727_833_500_200L,
            levels("85005000:0.7", "85000000:0.2"),
            levels("85010000:0.9"),
            T + 50));

    List<KeyValue<String, BookTop>> published = tickRecords();

    assertThat(published).hasSize(1);
    assertThat(published.get(0).key).isEqualTo(upbit);
    assertThat(published.get(0).value.nativeSymbol()).isEqualTo("KRW-BTC");
    assertThat(published.get(0).value.bestBid()).isEqualTo("85005000");
    assertThat(published.get(0).value.mid()).isEqualTo("85007500");
    assertThat(published.get(0).value.spreadBps()).isEqualTo("0.5882");
  }

  @Test
  void aOneSidedBookHasNoMidButItsImbalance() {
    send(snapshot(SPOT, 100, levels("100:1", "99:2"), levels(), T));

    BookTop top = tick().get(0);

    assertThat(top.status()).isEqualTo(BookTop.Status.OK);
    assertThat(top.mid()).isNull();
    assertThat(top.spread()).isNull();
    assertThat(top.bands()).isEmpty();
    assertThat(top.imbalance()).isEqualTo("1");
  }

  @Test
  void aDeltaWithABadLevelGoesToTheDeadLetterTopicAndBreaksTheBook() {
    send(snapshot(SPOT, 100, levels("100:1"), levels("101:1"), T));
    send(delta(SPOT, 101, 101, null, levels("99:1", "abc:1"), levels(), T + 1));
    send(delta(SPOT, 102, 102, null, levels("99:2"), levels(), T + 2));

    BookTop top = tick().get(0);
    DeadLetter letter = driver.deadLetters().readValue();

    assertThat(letter.source()).isEqualTo("stream-jobs/book-aggregator");
    assertThat(letter.originTopic()).isEqualTo("md.book.v1");
    assertThat(letter.originOffset()).isEqualTo(1L);
    assertThat(letter.error()).isEqualTo("bid level [abc, 1] is not decimal");
    assertThat(top.status()).isEqualTo(BookTop.Status.BROKEN);
    assertThat(top.reason())
        .isEqualTo(
            "update 101 could not be applied (bid level [abc, 1] is not decimal);"
                + " waiting for a snapshot");
  }

  @Test
  void aSnapshotWithABadLevelGoesToTheDeadLetterTopicAndTheBookCarriesOn() {
    send(snapshot(SPOT, 100, levels("100:1"), levels("101:1"), T));
    send(snapshot(SPOT, 105, levels("100:-1"), levels("101:1"), T + 1));
    send(delta(SPOT, 101, 101, null, levels("99:2"), levels(), T + 2));

    BookTop top = tick().get(0);

    assertThat(driver.deadLetters().readValue().error()).isEqualTo("bad bid level [100, -1]");
    assertThat(top.status()).isEqualTo(BookTop.Status.OK);
    assertThat(top.bids()).containsExactly(new Level("100", "1"), new Level("99", "2"));
  }

  @Test
  void theStoresHoldEachBookAsPublishedLevelByLevel() {
    send(snapshot(SPOT, 100, levels("100.0:1", "99:2"), levels("101:1"), T));
    KeyValueStore<String, OrderBook> headers = driver.driver().getKeyValueStore("book-headers");
    KeyValueStore<String, String> stored = driver.driver().getKeyValueStore("book-levels");
    assertThat(headers.get(SPOT).unpublished()).isTrue();

    tick();
    send(delta(SPOT, 101, 101, null, levels("99:0", "98.50:3"), levels(), T + 1));

    assertThat(headers.get(SPOT).unpublished()).isTrue(); // the delta is not published yet
    assertThat(headers.get(SPOT).updateId()).isEqualTo(101);
    assertThat(stored.get(SPOT + "\u0000b100")).isEqualTo("100.0 1");
    assertThat(stored.get(SPOT + "\u0000b99")).isNull();
    assertThat(stored.get(SPOT + "\u0000b98.5")).isEqualTo("98.50 3");
    assertThat(stored.get(SPOT + "\u0000a101")).isEqualTo("101 1");
  }

  @Test
  void anUnreadableEventGoesToTheDeadLetterTopic() {
    driver.close();
    driver =
        JobDriver.atLeastOnce(
            BookAggregator.job(
                new BookAggregatorConfig(
                    "test-book-aggregator",
                    Topics.BOOK,
                    Topics.STATUS,
                    Topics.BOOK_TOP,
                    CADENCE,
                    3,
                    List.of(10)),
                meters));

    driver
        .rawInput(Topics.BOOK)
        .pipeInput(SPOT, "{\"kind\":\"sideways\"}".getBytes(StandardCharsets.UTF_8), T);

    DeadLetter letter = driver.deadLetters().readValue();
    assertThat(letter.source()).isEqualTo("stream-jobs/book-aggregator");
    assertThat(letter.originTopic()).isEqualTo("md.book.v1");
    assertThat(letter.error()).startsWith("cannot read the record: cannot read BookEvent");
    assertThat(letter.payload()).isEqualTo("{\"kind\":\"sideways\"}");
  }

  private void send(BookEvent event) {
    books.pipeInput(event.instrumentKey(), event, recordTime++);
  }

  private List<BookTop> tick() {
    return tickRecords().stream().map(kv -> kv.value).toList();
  }

  private List<KeyValue<String, BookTop>> tickRecords() {
    driver.driver().advanceWallClockTime(CADENCE);
    return tops.readKeyValuesToList();
  }

  static List<Level> levels(String... pairs) {
    return Arrays.stream(pairs)
        .map(pair -> new Level(pair.split(":")[0], pair.split(":")[1]))
        .toList();
  }

  static BookEvent snapshot(
      String instrument, long id, List<Level> bids, List<Level> asks, long receivedAtMs) {
    String[] parts = instrument.split(":");
    return new BookEvent(
        parts[0],
        parts[1],
        parts[0].equals("upbit") ? "KRW-" + parts[1].split("-")[0] : parts[1].replace("-", ""),
        BookEvent.Kind.SNAPSHOT,
        null,
        null,
        id,
        null,
        bids,
        asks,
        null,
        null,
        receivedAtMs * 1000);
  }

  static BookEvent delta(
      String instrument,
      long first,
      long last,
      Long previous,
      List<Level> bids,
      List<Level> asks,
      long eventTime) {
    String[] parts = instrument.split(":");
    return new BookEvent(
        parts[0],
        parts[1],
        parts[1].replace("-", ""),
        BookEvent.Kind.DELTA,
        null,
        first,
        last,
        previous,
        bids,
        asks,
        eventTime,
        null,
        eventTime * 1000 + 1);
  }

  private static StatusMarker gap(String stream, long time) {
    return new StatusMarker(
        "binance-spot",
        "BTC-USDT",
        "BTCUSDT",
        stream,
        StatusMarker.Status.GAP_DETECTED,
        "binance-spot-3",
        stream.contains("depth") ? "update 161 expected, 170 received" : "trade 5 missing",
        null,
        time);
  }
}

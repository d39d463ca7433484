package io.tickwire.jobs.book;

import static io.tickwire.jobs.book.BookAggregatorTest.delta;
import static io.tickwire.jobs.book.BookAggregatorTest.levels;
import static io.tickwire.jobs.book.BookAggregatorTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.model.BookEvent;
import io.tickwire.model.Level;
import io.tickwire.model.StatusMarker;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * What a book leaves in the stores (its header, and its levels one change at a time) is enough for
 * a restarted task to carry on exactly.
 */
class OrderBookStateTest {

  private final BookHeaderSerde serde = new BookHeaderSerde();

  @Test
  void aBookRebuiltFromItsHeaderAndLevelsCarriesOn() {
    OrderBook book = book("binance-usdm:BTC-USDT");
    List<OrderBook.Change> stored = new java.util.ArrayList<>();
    apply(
        book,
        snapshot("binance-usdm:BTC-USDT", 100, levels("100.10:1", "99:2"), levels("101:3"), 7));
    stored.addAll(book.drainChanges());
    apply(book, delta("binance-usdm:BTC-USDT", 99, 103, 98L, levels("99.5:4"), levels("101:0"), 9));
    stored.addAll(book.drainChanges());
    book.published();

    OrderBook back = serde.deserialize("t", serde.serialize("t", book));
    replay(stored, back);

    assertThat(back.top(5, List.of(10, 100), 42)).isEqualTo(book.top(5, List.of(10, 100), 42));
    assertThat(back.updateId()).isEqualTo(103);
    assertThat(back.afterSnapshot()).isFalse();
    assertThat(back.snapshotReceivedAt()).isEqualTo(7_000);
    assertThat(back.unpublished()).isFalse();
    assertThat(serde.serialize("t", back)).isEqualTo(serde.serialize("t", book));
    assertThat(apply(back, delta("binance-usdm:BTC-USDT", 104, 105, 103L, levels(), levels(), 10)))
        .isEqualTo(OrderBook.Outcome.APPLIED);
  }

  @Test
  void theStoreFollowsEachLevelAndASnapshotRemovesWhatItNoLongerHas() {
    OrderBook book = book("binance-spot:BTC-USDT");
    apply(book, snapshot("binance-spot:BTC-USDT", 1, levels("100:1", "99:2"), levels("101:3"), 1));
    book.drainChanges();

    apply(book, delta("binance-spot:BTC-USDT", 2, 2, null, levels("99:0", "98:4"), levels(), 2));
    List<OrderBook.Change> delta = book.drainChanges();
    apply(book, snapshot("binance-spot:BTC-USDT", 5, levels("100:1"), levels("102:1"), 3));
    List<OrderBook.Change> resync = book.drainChanges();

    assertThat(delta)
        .containsExactly(
            new OrderBook.Change(true, new BigDecimal("99"), null),
            new OrderBook.Change(true, new BigDecimal("98"), new Level("98", "4")));
    assertThat(resync)
        .containsExactlyInAnyOrder(
            new OrderBook.Change(true, new BigDecimal("98"), null),
            new OrderBook.Change(true, new BigDecimal("100"), new Level("100", "1")),
            new OrderBook.Change(false, new BigDecimal("101"), null),
            new OrderBook.Change(false, new BigDecimal("102"), new Level("102", "1")));
    assertThat(book.drainChanges()).isEmpty();
  }

  @Test
  void aBrokenBookKeepsItsReasonInAnyScriptAndNoLevels() {
    OrderBook book = book("upbit:BTC-KRW");
    apply(book, snapshot("upbit:BTC-KRW", 1, levels("1:1"), levels("2:1"), 1));
    book.drainChanges();
    book.breakOn(
        new StatusMarker(
            "upbit",
            "BTC-KRW",
            "KRW-BTC",
            null,
            StatusMarker.Status.GAP_DETECTED,
            "c",
            "호가 누락",
            null,
            5));

    OrderBook back = serde.deserialize("t", serde.serialize("t", book));

    assertThat(book.drainChanges()).extracting(OrderBook.Change::level).containsOnlyNulls();
    assertThat(back.broken()).isTrue();
    assertThat(back.reason()).contains("호가 누락");
    assertThat(back.unpublished()).isTrue();
    assertThat(back.bids()).isEmpty();
  }

  @Test
  void anUnreadableHeaderIsReportedNotMisread() {
    byte[] bytes = serde.serialize("t", book("binance-spot:BTC-USDT"));

    assertThatThrownBy(() -> serde.deserialize("t", Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(SerializationException.class)
        .hasMessage("truncated book header");
    bytes[0] = 9;
    assertThatThrownBy(() -> serde.deserialize("t", bytes))
        .hasMessage("unknown book header version 9");
  }

  /** What the level store holds after these changes, put back into a book. */
  private static void replay(List<OrderBook.Change> changes, OrderBook into) {
    java.util.Map<String, OrderBook.Change> latest = new java.util.LinkedHashMap<>();
    changes.forEach(c -> latest.put(c.bid() + ":" + c.price().stripTrailingZeros(), c));
    latest.values().stream()
        .filter(c -> c.level() != null)
        .forEach(c -> into.restore(c.bid(), c.level()));
  }

  private static OrderBook book(String instrument) {
    String[] parts = instrument.split(":");
    return new OrderBook(parts[0], parts[1], parts[1].replace("-", ""));
  }

  private static OrderBook.Outcome apply(OrderBook book, BookEvent event) {
    return book.apply(
        event, PriceLevel.parse(event.bids(), "bid"), PriceLevel.parse(event.asks(), "ask"));
  }
}

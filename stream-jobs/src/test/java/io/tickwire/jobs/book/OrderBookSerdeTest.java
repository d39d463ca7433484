package io.tickwire.jobs.book;

import static io.tickwire.jobs.book.BookAggregatorTest.delta;
import static io.tickwire.jobs.book.BookAggregatorTest.levels;
import static io.tickwire.jobs.book.BookAggregatorTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.model.BookEvent;
import io.tickwire.model.StatusMarker;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The book store's format keeps everything a restarted task needs to carry on exactly. */
class OrderBookSerdeTest {

  private final OrderBookSerde serde = new OrderBookSerde();

  @Test
  void aBookSurvivesTheStoreUnchanged() {
    OrderBook book = book("binance-usdm:BTC-USDT");
    apply(
        book,
        snapshot("binance-usdm:BTC-USDT", 100, levels("100.10:1", "99:2"), levels("101:3"), 7));
    apply(book, delta("binance-usdm:BTC-USDT", 99, 103, 98L, levels("99.5:4"), levels("101:0"), 9));
    book.published();

    OrderBook back = roundTrip(book);

    assertThat(back.top(5, List.of(10, 100), 42)).isEqualTo(book.top(5, List.of(10, 100), 42));
    assertThat(back.updateId()).isEqualTo(103);
    assertThat(back.afterSnapshot()).isFalse();
    assertThat(back.snapshotReceivedAt()).isEqualTo(7_000);
    assertThat(back.unpublished()).isFalse();
    assertThat(serde.serialize("t", back)).isEqualTo(serde.serialize("t", book));
    // the futures chain carries on from the restored id
    assertThat(apply(back, delta("binance-usdm:BTC-USDT", 104, 105, 103L, levels(), levels(), 10)))
        .isEqualTo(OrderBook.Outcome.APPLIED);
  }

  @Test
  void aBrokenBookKeepsItsReasonEvenInAnyScript() {
    OrderBook book = book("upbit:BTC-KRW");
    apply(book, snapshot("upbit:BTC-KRW", 1, levels("1:1"), levels("2:1"), 1));
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

    OrderBook back = roundTrip(book);

    assertThat(back.broken()).isTrue();
    assertThat(back.reason()).contains("호가 누락");
    assertThat(back.unpublished()).isTrue();
    assertThat(back.bids()).isEmpty();
  }

  @Test
  void unreadableStateIsReportedNotMisread() {
    byte[] bytes = serde.serialize("t", book("binance-spot:BTC-USDT"));

    assertThatThrownBy(() -> serde.deserialize("t", Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(SerializationException.class)
        .hasMessage("truncated book state");
    bytes[0] = 9;
    assertThatThrownBy(() -> serde.deserialize("t", bytes))
        .hasMessage("unknown book state version 9");
  }

  private OrderBook roundTrip(OrderBook book) {
    return serde.deserialize("t", serde.serialize("t", book));
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

package io.tickwire.connector.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.model.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBookTest {

  @Test
  void setsAndRemovesLevelsComparingPricesAsDecimals() {
    OrderBook book = new OrderBook();
    book.reset(
        List.of(new Level("0.0024", "10"), new Level("0.0023", "5")),
        List.of(new Level("0.0026", "100")),
        160);
    book.apply(
        List.of(new Level("0.00240000", "0.00000000"), new Level("0.0022", "1")),
        List.of(new Level("0.0025", "2")),
        161);
    assertThat(book.bids(10)).containsExactly(new Level("0.0023", "5"), new Level("0.0022", "1"));
    assertThat(book.asks(1)).containsExactly(new Level("0.0025", "2"));
    assertThat(book.askCount()).isEqualTo(2);
    assertThat(book.lastUpdateId()).isEqualTo(161);
  }

  @Test
  void reportsTheFirstDifferenceInTheTopLevels() {
    OrderBook a = new OrderBook();
    a.reset(List.of(new Level("10", "1"), new Level("9", "2")), List.of(new Level("11", "1")), 5);
    OrderBook b = a.copy();
    assertThat(a.firstDifference(b, 10)).isEmpty();
    b.apply(List.of(new Level("9.0", "2.5")), List.of(), 6);
    assertThat(a.firstDifference(b, 1)).isEmpty();
    assertThat(a.firstDifference(b, 2)).contains("bid level 2: local 2 @ 9, venue 2.5 @ 9.0");
    b.apply(List.of(), List.of(new Level("10.5", "1")), 7);
    assertThat(a.firstDifference(b, 1)).contains("ask level 1: local 1 @ 11, venue 1 @ 10.5");
  }
}

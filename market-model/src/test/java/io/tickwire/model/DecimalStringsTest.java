package io.tickwire.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prices and quantities are strings end to end: no float ever rounds them. */
class DecimalStringsTest {

  private static final String TINY = "0.00000001";
  private static final String BIG = "123456789.12345678";

  @Test
  void tradeDecimalsSurviveUnchanged() {
    Trade trade =
        new Trade(
            "binance-spot",
            "BTC-USDT",
            "BTCUSDT",
            Trade.Kind.TRADE,
            1,
            null,
            null,
            TINY,
            BIG,
            Side.BUY,
            1,
            2,
            3,
            false);

    byte[] bytes = Topics.TRADES.valueSerde().serializer().serialize("t", trade);
    Trade back = Topics.TRADES.valueSerde().deserializer().deserialize("t", bytes);

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"price\":\"" + TINY + "\"")
        .contains("\"quantity\":\"" + BIG + "\"");
    assertThat(back.price()).isEqualTo(TINY);
    assertThat(back.quantity()).isEqualTo(BIG);
  }

  @Test
  void bookLevelsSurviveUnchanged() {
    BookEvent book =
        new BookEvent(
            "binance-spot",
            "BTC-USDT",
            "BTCUSDT",
            BookEvent.Kind.SNAPSHOT,
            null,
            null,
            7,
            null,
            List.of(new Level(BIG, TINY)),
            List.of(new Level("123456789.12345679", "1.10")),
            null,
            null,
            1);

    byte[] bytes = Topics.BOOK.valueSerde().serializer().serialize("t", book);
    BookEvent back = Topics.BOOK.valueSerde().deserializer().deserialize("t", bytes);

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"bids\":[[\"" + BIG + "\",\"" + TINY + "\"]]")
        .contains("[\"123456789.12345679\",\"1.10\"]");
    assertThat(back).isEqualTo(book);
  }
}

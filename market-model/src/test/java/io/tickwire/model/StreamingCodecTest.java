package io.tickwire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The hand-written codecs write exactly what the databind mapping writes, and read it back. */
class StreamingCodecTest {

  private static final Trade TRADE =
      new Trade(
          "binance-spot",
          "BTC-USDT",
          "BTCUSDT",
          Trade.Kind.AGG_TRADE,
          7,
          1L,
          3L,
          "1.10",
          "0.00000001",
          Side.BUY,
          10,
          11,
          12,
          true);
  private static final BookEvent BOOK =
      new BookEvent(
          "binance-usdm",
          "ETH-USDT",
          "ETHUSDT",
          BookEvent.Kind.DELTA,
          null,
          157L,
          160L,
          149L,
          List.of(new Level("1.0", "2")),
          List.of(),
          5L,
          null,
          6);

  private static final BookEvent GROUPED =
      new BookEvent(
          "upbit",
          "BTC-KRW",
          "KRW-BTC",
          BookEvent.Kind.SNAPSHOT,
          15,
          null,
          1668495774440L,
          null,
          List.of(new Level("22840000", "0.5")),
          List.of(new Level("22860000", "0.75")),
          1668495774440L,
          null,
          7,
          "10000");

  @Test
  void groupedBookSameJsonAsDatabindAndBack() throws Exception {
    byte[] written = Topics.BOOK.valueSerde().serializer().serialize("t", GROUPED);

    assertThat(written).isEqualTo(Json.mapper().writeValueAsBytes(GROUPED));
    assertThat(Topics.BOOK.valueSerde().deserializer().deserialize("t", written))
        .isEqualTo(GROUPED);
    assertThat(Json.mapper().readValue(written, BookEvent.class)).isEqualTo(GROUPED);
  }

  @Test
  void sameJsonAsDatabind() throws Exception {
    assertThat(Topics.TRADES.valueSerde().serializer().serialize("t", TRADE))
        .isEqualTo(Json.mapper().writeValueAsBytes(TRADE));
    assertThat(Topics.BOOK.valueSerde().serializer().serialize("t", BOOK))
        .isEqualTo(Json.mapper().writeValueAsBytes(BOOK));
  }

  @Test
  void readsWhatDatabindWritesAndSkipsUnknownFields() throws Exception {
    byte[] withExtra =
        "{\"venue\":\"binance-spot\",\"future\":{\"a\":[1,2]},\"symbol\":\"BTC-USDT\",\"nativeSymbol\":\"BTCUSDT\",\"kind\":\"aggTrade\",\"tradeId\":7,\"firstTradeId\":1,\"lastTradeId\":3,\"price\":\"1.10\",\"quantity\":\"0.00000001\",\"takerSide\":\"buy\",\"tradeTime\":10,\"eventTime\":11,\"receivedAt\":12,\"backfilled\":true}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(Topics.TRADES.valueSerde().deserializer().deserialize("t", withExtra))
        .isEqualTo(TRADE);
    assertThat(
            Topics.BOOK
                .valueSerde()
                .deserializer()
                .deserialize("t", Json.mapper().writeValueAsBytes(BOOK)))
        .isEqualTo(BOOK);
  }

  @Test
  void malformedInputIsASerializationErrorNamingTheType() {
    byte[] truncated = "{\"venue\":\"binance-spot\",\"price\":".getBytes(StandardCharsets.UTF_8);
    byte[] badSide = "{\"takerSide\":\"up\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> Topics.TRADES.valueSerde().deserializer().deserialize("md.trades.v1", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot read Trade from topic md.trades.v1");
    assertThatThrownBy(
            () -> Topics.TRADES.valueSerde().deserializer().deserialize("md.trades.v1", badSide))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unexpected value 'up'");
    assertThatThrownBy(
            () ->
                Topics.BOOK
                    .valueSerde()
                    .deserializer()
                    .deserialize("t", "[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class);
  }
}

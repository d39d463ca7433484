package io.tickwire.connector.binance.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.connector.binance.Golden;
import io.tickwire.model.Json;
import io.tickwire.model.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand-written streaming readers against the golden payloads: each reads exactly what Jackson
 * databind reads from the same bytes through the DTO's own {@code @JsonProperty} mapping, and
 * malformed input fails with a message naming what is wrong.
 */
class BinanceWireTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "spot-trade, io.tickwire.connector.binance.wire.TradeEvent",
    "spot-aggTrade, io.tickwire.connector.binance.wire.AggTradeEvent",
    "usdm-aggTrade, io.tickwire.connector.binance.wire.AggTradeEvent",
    "spot-kline, io.tickwire.connector.binance.wire.KlineEvent",
    "usdm-kline, io.tickwire.connector.binance.wire.KlineEvent",
    "spot-ticker, io.tickwire.connector.binance.wire.TickerEvent",
    "usdm-ticker, io.tickwire.connector.binance.wire.TickerEvent",
    "spot-miniTicker, io.tickwire.connector.binance.wire.MiniTickerEvent",
    "spot-bookTicker, io.tickwire.connector.binance.wire.BookTickerEvent",
    "usdm-bookTicker, io.tickwire.connector.binance.wire.BookTickerEvent",
    "spot-depth5, io.tickwire.connector.binance.wire.DepthSnapshot",
    "spot-depthUpdate, io.tickwire.connector.binance.wire.DepthUpdateEvent",
    "usdm-depthUpdate, io.tickwire.connector.binance.wire.DepthUpdateEvent",
    "usdm-depth20, io.tickwire.connector.binance.wire.DepthUpdateEvent",
    "usdm-markPrice, io.tickwire.connector.binance.wire.MarkPriceEvent",
    "usdm-forceOrder, io.tickwire.connector.binance.wire.ForceOrderEvent"
  })
  void streamingReaderAgreesWithDatabind(String golden, Class<?> type) throws Exception {
    byte[] frame = golden(golden + ".json");
    JsonNode data = Json.mapper().readTree(frame).get("data");
    Object expected = Json.mapper().treeToValue(data, type);
    Object actual = BinanceWire.readData(frame, reader(type));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void readsTheStreamNameOfCombinedFrames() throws Exception {
    assertThat(BinanceWire.combinedStream(golden("spot-trade.json"))).isEqualTo("bnbbtc@trade");
    assertThat(BinanceWire.combinedStream(bytes("{ \"data\":{}, \"stream\":\"a@b\" }")))
        .isEqualTo("a@b");
    assertThat(BinanceWire.combinedStream(golden("ws-subscribe-ack.json"))).isNull();
    assertThat(BinanceWire.combinedStream(golden("raw-serverShutdown.json"))).isNull();
    assertThatThrownBy(() -> BinanceWire.combinedStream(bytes("[1,2]")))
        .hasMessage("expected '{' at offset 0");
  }

  @Test
  void readsRestAnswers() throws Exception {
    DepthSnapshot spot =
        BinanceWire.readObject(golden("rest-spot-depth.json"), DepthSnapshot::read);
    assertThat(spot.lastUpdateId()).isEqualTo(1027024);
    assertThat(spot.bids()).containsExactly(new Level("4.00000000", "431.00000000"));
    assertThat(spot.eventTime()).isNull();
    DepthSnapshot usdm =
        BinanceWire.readObject(golden("rest-usdm-depth.json"), DepthSnapshot::read);
    assertThat(usdm.eventTime()).isEqualTo(1589436922972L);
    assertThat(usdm.transactionTime()).isEqualTo(1589436922959L);

    List<AggTradeEvent> trades =
        BinanceWire.readArray(golden("rest-aggTrades.json"), AggTradeEvent::readRestItem);
    assertThat(trades).extracting(AggTradeEvent::aggregateTradeId).containsExactly(26129L, 26130L);
    assertThat(trades.get(0).eventTime()).isNull();
    assertThat(trades.get(1).buyerIsMaker()).isFalse();

    ExchangeInfo info = ExchangeInfo.read(golden("rest-exchangeInfo.json"));
    assertThat(info.symbols())
        .contains(new ExchangeInfo.SymbolInfo("1000SATSUSDT", "TRADING", "1000SATS", "USDT"));
  }

  @Test
  void refusesMalformedPayloadsNamingTheProblem() {
    assertThatThrownBy(
            () ->
                data(
                    "{\"e\":\"trade\",\"E\":1,\"s\":\"X\",\"t\":1,\"q\":\"1\",\"T\":1,\"m\":true}",
                    TradeEvent::read))
        .hasMessage("trade: field 'p' is missing");
    assertThatThrownBy(
            () ->
                data(
                    "{\"e\":\"trade\",\"E\":1,\"s\":\"X\",\"t\":1,\"p\":0.1,\"q\":\"1\",\"T\":1,\"m\":true}",
                    TradeEvent::read))
        .hasMessageStartingWith("field 'p' should be a string");
    assertThatThrownBy(() -> data("{\"e\":\"trade\",\"E\":\"1\"}", TradeEvent::read))
        .hasMessageStartingWith("field 'E' should be an integer");
    assertThatThrownBy(
            () -> data("{\"lastUpdateId\":1,\"bids\":[[\"1\"]],\"asks\":[]}", DepthSnapshot::read))
        .hasMessageContaining("field 'bids'");
    assertThatThrownBy(
            () -> data("{\"lastUpdateId\":1,\"bids\":{},\"asks\":[]}", DepthSnapshot::read))
        .hasMessageStartingWith(
            "field 'bids' should be an array of [price, quantity] string pairs");
    assertThatThrownBy(
            () -> data("{\"e\":\"kline\",\"E\":1,\"s\":\"X\",\"k\":[]}", KlineEvent::read))
        .hasMessageStartingWith("field 'k' should be an object");
    // truncated frame, text after the document, no data member
    byte[] whole = golden("spot-trade.json");
    assertThatThrownBy(
            () ->
                BinanceWire.readData(
                    java.util.Arrays.copyOf(whole, whole.length - 1), TradeEvent::read))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                BinanceWire.readData(
                    bytes(new String(whole, StandardCharsets.UTF_8) + "{}"), TradeEvent::read))
        .hasMessageContaining("unexpected content after the object");
    assertThatThrownBy(
            () -> BinanceWire.readData(bytes("{\"stream\":\"a@trade\"}"), TradeEvent::read))
        .hasMessage("combined-stream frame without a 'data' object");
  }

  @Test
  void skipsFieldsItDoesNotUse() throws Exception {
    TradeEvent t =
        data(
            "{\"new\":{\"x\":[1,{\"y\":null}]},\"e\":\"trade\",\"E\":1,\"s\":\"X\",\"t\":7,\"p\":\"1\",\"q\":\"2\",\"T\":3,\"m\":false,\"M\":true,\"z\":[]}",
            TradeEvent::read);
    assertThat(t).isEqualTo(new TradeEvent("trade", 1, "X", 7, "1", "2", 3, false));
  }

  private static <T> T data(String json, BinanceWire.Reader<T> reader) {
    return BinanceWire.readData(bytes("{\"stream\":\"x@y\",\"data\":" + json + "}"), reader);
  }

  private static BinanceWire.Reader<?> reader(Class<?> type) {
    if (type == TradeEvent.class) {
      return TradeEvent::read;
    } else if (type == AggTradeEvent.class) {
      return AggTradeEvent::read;
    } else if (type == KlineEvent.class) {
      return KlineEvent::read;
    } else if (type == TickerEvent.class) {
      return TickerEvent::read;
    } else if (type == MiniTickerEvent.class) {
      return MiniTickerEvent::read;
    } else if (type == BookTickerEvent.class) {
      return BookTickerEvent::read;
    } else if (type == DepthSnapshot.class) {
      return DepthSnapshot::read;
    } else if (type == DepthUpdateEvent.class) {
      return DepthUpdateEvent::read;
    } else if (type == MarkPriceEvent.class) {
      return MarkPriceEvent::read;
    } else if (type == ForceOrderEvent.class) {
      return ForceOrderEvent::read;
    }
    throw new IllegalArgumentException(type.getName());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] golden(String name) {
    return Golden.bytes(name);
  }
}

package io.tickwire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamNamesTest {

  private static final BinanceSymbols SYMBOLS = BinanceSymbols.withDefaultQuotes();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "btcusdt@trade",
        "btcusdt@aggTrade",
        "btcusdt@kline_1m",
        "ethbtc@kline_1M",
        "btcusdt@ticker",
        "btcusdt@miniTicker",
        "btcusdt@bookTicker",
        "btcusdt@depth",
        "btcusdt@depth@100ms",
        "btcusdt@depth20",
        "btcusdt@depth5@100ms",
        "btcusdt@markPrice",
        "btcusdt@markPrice@1s",
        "btcusdt@forceOrder"
      })
  void binanceNamesRoundTrip(String stream) {
    SubscriptionRequest request =
        StreamNames.fromBinance("binance-spot", stream, SYMBOLS, "test", null, 1);

    assertThat(StreamNames.toBinance(request, SYMBOLS)).isEqualTo(stream);
  }

  @Test
  void binanceRequestsCarryChannelAndParams() {
    SubscriptionRequest depth =
        StreamNames.fromBinance(
            "binance-usdm", "btcusdt@depth20@100ms", SYMBOLS, "settings", 99L, 1);

    assertThat(depth.channel()).isEqualTo("depth");
    assertThat(depth.symbol()).isEqualTo("BTC-USDT");
    assertThat(depth.params()).isEqualTo(Map.of("levels", "20", "speed", "100ms"));
    assertThat(depth.key()).isEqualTo("binance-usdm|depth|BTC-USDT|20|100ms");
    assertThat(depth.expiresAt()).isEqualTo(99L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "btcusdt",
        "BTCUSDT@trade",
        "btcusdt@kline",
        "btcusdt@kline_7m",
        "btcusdt@depth15",
        "btcusdt@depth@10ms",
        "btcusdt@trades",
        "btcusdt@trade_1m",
        "btcxyz@trade"
      })
  void badBinanceNamesAreRejectedWithTheName(String stream) {
    assertThatThrownBy(() -> StreamNames.fromBinance("binance-spot", stream, SYMBOLS, "t", null, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid stream '" + stream + "': ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "trade:KRW-BTC",
        "ticker:KRW-ETH",
        "orderbook:KRW-BTC.15",
        "orderbook:KRW-XRP",
        "orderbook:KRW-BTC.15@10000",
        "orderbook:KRW-XRP@0.1",
        "candle.1m:KRW-BTC",
        "candle.240m:KRW-SOL"
      })
  void upbitSpecsRoundTrip(String spec) {
    SubscriptionRequest request = StreamNames.fromUpbit("upbit", spec, "test", null, 1);

    assertThat(StreamNames.toUpbit(request)).isEqualTo(spec);
    assertThat(request.symbol()).endsWith("-KRW");
  }

  @Test
  void upbitGroupingIsAPlainDecimalParameter() {
    SubscriptionRequest request =
        StreamNames.fromUpbit("upbit", "orderbook:KRW-BTC.15@10000.00", "test", null, 1);

    assertThat(request.params())
        .containsEntry(StreamNames.LEVELS, "15")
        .containsEntry(StreamNames.GROUPING, "10000");
    assertThat(StreamNames.toUpbit(request)).isEqualTo("orderbook:KRW-BTC.15@10000");
    assertThat(request.key()).isEqualTo("upbit|orderbook|BTC-KRW|10000|15");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "trade:krw-btc",
        "orderbook:KRW-BTC.7",
        "candle:KRW-BTC",
        "candle.2m:KRW-BTC",
        "trade:KRW-BTC.5",
        "trade:KRW-BTC@10",
        "orderbook:KRW-BTC.15@0",
        "orderbook:KRW-BTC.15@-1",
        "myOrder:KRW-BTC"
      })
  void badUpbitSpecsAreRejectedWithTheSpec(String spec) {
    assertThatThrownBy(() -> StreamNames.fromUpbit("upbit", spec, "t", null, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid stream '" + spec + "': ");
  }
}

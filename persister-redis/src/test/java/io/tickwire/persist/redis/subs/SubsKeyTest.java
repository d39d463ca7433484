package io.tickwire.persist.redis.subs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.model.SubscriptionRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubsKeyTest {

  private static SubsKey key(String name) {
    return SubsKey.parse(name).orElseThrow();
  }

  private static List<String> streamKeys(String name, String value) {
    return key(name).requests(value, 1L).stream().map(SubscriptionRequest::key).toList();
  }

  @Test
  void splitsVenueAndChannelAtTheLastDash() {
    assertThat(key("binance-spot-kline_1m-subs"))
        .isEqualTo(new SubsKey("binance-spot-kline_1m-subs", "binance-spot", "kline_1m"));
    assertThat(key("binance-usdm-sandbox-depth20@100ms-subs"))
        .isEqualTo(
            new SubsKey(
                "binance-usdm-sandbox-depth20@100ms-subs",
                "binance-usdm-sandbox",
                "depth20@100ms"));
    assertThat(key("upbit-candle.1m-subs").channel()).isEqualTo("candle.1m");
  }

  @Test
  void ignoresKeysThatAreNotTickwiresSubsKeys() {
    assertThat(SubsKey.parse("binance-spot-trade-subs-error")).isEmpty();
    assertThat(SubsKey.parse("kraken-trade-subs")).isEmpty();
    assertThat(SubsKey.parse("binance-spot-subs")).isEmpty();
    assertThat(SubsKey.parse("-subs")).isEmpty();
    assertThat(SubsKey.parse("upbit--subs")).isEmpty();
  }

  @Test
  void binanceChannelIsTheStreamSuffixAndElementsAreSymbols() {
    assertThat(streamKeys("binance-spot-kline_1m-subs", "[\"BTCUSDT\",\"ethusdt\",\"BTCUSDT\"]"))
        .containsExactly("binance-spot|kline|BTC-USDT|1m", "binance-spot|kline|ETH-USDT|1m");
    assertThat(streamKeys("binance-usdm-depth20@100ms-subs", "[\"BTCUSDT\"]"))
        .containsExactly("binance-usdm|depth|BTC-USDT|20|100ms");
    assertThat(streamKeys("binance-usdm-markPrice@1s-subs", "[]")).isEmpty();
  }

  @Test
  void upbitChannelIsTheTypeAndElementsAreMarketCodes() {
    assertThat(streamKeys("upbit-orderbook-subs", "[\"KRW-BTC.15\",\"krw-eth\"]"))
        .containsExactly("upbit|orderbook|BTC-KRW|15", "upbit|orderbook|ETH-KRW");
    assertThat(streamKeys("upbit-candle.1m-subs", "[\"KRW-BTC\"]"))
        .containsExactly("upbit|candle|BTC-KRW|1m");
  }

  @Test
  void requestsCarryTheKeyAsRequesterAndNoLease() {
    SubscriptionRequest request =
        key("binance-spot-trade-subs").requests("[\"BTCUSDT\"]", 42L).get(0);
    assertThat(request)
        .isEqualTo(
            new SubscriptionRequest(
                "binance-spot",
                "trade",
                "BTC-USDT",
                Map.of(),
                "redis:binance-spot-trade-subs",
                null,
                42L));
  }

  @Test
  void malformedValuesAreExplained() {
    SubsKey trades = key("binance-spot-trade-subs");
    assertThatThrownBy(() -> trades.requests("BTCUSDT", 1L))
        .hasMessageStartingWith("the value is not JSON (")
        .hasMessageEndingWith(
            "expected a JSON array of native symbols such as [\"BTCUSDT\",\"ETHUSDT\"] (Upbit: [\"KRW-BTC\"])");
    assertThatThrownBy(() -> trades.requests("\"BTCUSDT\"", 1L))
        .hasMessageStartingWith("the value is a JSON string, expected a JSON array");
    assertThatThrownBy(() -> trades.requests("[\"BTCUSDT\", null, \"XYZ\"]", 1L))
        .hasMessage(
            "element 2 (null) is not a symbol; element 3 (\"XYZ\"): invalid stream 'xyz@trade':"
                + " cannot split Binance symbol 'xyz' into base and quote: its quote asset is not in "
                + io.tickwire.model.BinanceSymbols.DEFAULT_QUOTES.stream()
                    .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                    .toList());
    assertThatThrownBy(() -> key("binance-spot-kline_7m-subs").requests("[\"BTCUSDT\"]", 1L))
        .hasMessageContaining("kline needs an interval");
    assertThatThrownBy(() -> key("upbit-orderbook-subs").requests("[\"KRW-BTC.7\"]", 1L))
        .hasMessageContaining("only orderbook takes a size, one of 1, 5, 15, 30");
  }
}

package io.tickwire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymbolMapperTest {

  private final BinanceSymbols binance = BinanceSymbols.withDefaultQuotes();

  @Test
  void binanceSplitsOnTheLongestKnownQuote() {
    assertThat(binance.toCanonical("BTCUSDT")).isEqualTo("BTC-USDT");
    assertThat(binance.toCanonical("btcusdt")).isEqualTo("BTC-USDT");
    assertThat(binance.toCanonical("ETHBTC")).isEqualTo("ETH-BTC");
    assertThat(binance.toCanonical("BTCFDUSD")).isEqualTo("BTC-FDUSD");
    assertThat(binance.toNative("BTC-USDT")).isEqualTo("BTCUSDT");
  }

  @Test
  void binanceExchangeMetadataWinsOverTheQuoteList() {
    // with only the quote list, "TUSD" would be read as the quote of USDTTUSD...
    BinanceSymbols withMeta =
        binance
            .withMarkets(Map.of("1000SATSUSDT", List.of("1000SATS", "USDT")))
            .withMarket("BTCTUSD", "BTC", "TUSD")
            .withMarket("USDTTRY", "USDT", "TRY");

    assertThat(withMeta.toCanonical("1000SATSUSDT")).isEqualTo("1000SATS-USDT");
    assertThat(withMeta.toCanonical("usdttry")).isEqualTo("USDT-TRY");
    assertThat(withMeta.toCanonical("BTCTUSD")).isEqualTo("BTC-TUSD");
  }

  @Test
  void binanceConfigurableQuotes() {
    BinanceSymbols custom = BinanceSymbols.withQuotes(List.of("XYZ"));

    assertThat(custom.toCanonical("ABCXYZ")).isEqualTo("ABC-XYZ");
    assertThatThrownBy(() -> custom.toCanonical("BTCUSDT"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BTCUSDT")
        .hasMessageContaining("[XYZ]");
  }

  @Test
  void upbitSwapsQuoteAndBase() {
    assertThat(UpbitSymbols.INSTANCE.toCanonical("KRW-BTC")).isEqualTo("BTC-KRW");
    assertThat(UpbitSymbols.INSTANCE.toCanonical("krw-btc")).isEqualTo("BTC-KRW");
    assertThat(UpbitSymbols.INSTANCE.toNative("BTC-KRW")).isEqualTo("KRW-BTC");
    assertThat(UpbitSymbols.INSTANCE.toNative("USDT-KRW")).isEqualTo("KRW-USDT");
    assertThatThrownBy(() -> UpbitSymbols.INSTANCE.toCanonical("KRWBTC"))
        .hasMessageContaining("QUOTE-BASE");
  }

  @Test
  void canonicalSymbolsAreValidated() {
    assertThatThrownBy(() -> new Instrument("binance-spot", "btc-usdt", "btcusdt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BASE-QUOTE");
    assertThat(new Instrument("upbit", "BTC-KRW", "KRW-BTC").key()).isEqualTo("upbit:BTC-KRW");
  }

  @Test
  void venueIdsMayCarryADeploymentSuffix() {
    assertThat(Venue.of("binance-spot-sandbox")).isEqualTo(Venue.BINANCE_SPOT);
    assertThat(Venue.of("binance-usdm")).isEqualTo(Venue.BINANCE_USDM);
    assertThat(Venue.UPBIT.id("sandbox")).isEqualTo("upbit-sandbox");
    assertThatThrownBy(() -> Venue.of("kraken")).hasMessageContaining("kraken");
  }

  @Test
  void accountIdIsAHashPrefixNeverTheKey() {
    String key = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    assertThat(AccountIds.fromApiKey(key)).hasSize(6).matches("[0-9a-f]{6}").doesNotContain(key);
    assertThat(AccountIds.fromApiKey(key)).isEqualTo(AccountIds.fromApiKey(key));
  }
}

package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.connector.VenueConfig;
import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.config.ConfigException;
import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The service as the distribution finds it, and its settings as the issue names them. */
class BinanceSettingsTest {

  private final BinanceConnectorProvider provider = new BinanceConnectorProvider();

  @Test
  void isTheConnectorBinanceServiceOfTheDistribution() {
    assertThat(ServiceLoader.load(ServiceProvider.class).stream().map(ServiceLoader.Provider::get))
        .anySatisfy(p -> assertThat(p).isInstanceOf(BinanceConnectorProvider.class));
    assertThat(provider.name()).isEqualTo("connector-binance");
    assertThat(provider.healthPortOffset()).isEqualTo(1);
  }

  @Test
  void declaresEverySettingTheIssueNamesWithTheRealExchangesAsDefaults() {
    Map<String, String> defaults =
        provider.settings().stream()
            .filter(s -> s.defaultValue() != null)
            .collect(java.util.stream.Collectors.toMap(Setting::name, Setting::defaultValue));
    assertThat(defaults)
        .containsEntry("BINANCE_SPOT_WS_URL", "wss://stream.binance.com:9443")
        .containsEntry("BINANCE_SPOT_REST_URL", "https://api.binance.com")
        .containsEntry("BINANCE_USDM_WS_URL", "wss://fstream.binance.com")
        .containsEntry("BINANCE_USDM_REST_URL", "https://fapi.binance.com")
        .containsEntry("BINANCE_SPOT_STREAMS", "")
        .containsEntry("BINANCE_USDM_STREAMS", "")
        .containsEntry("BINANCE_SPOT_CONNECTION_MESSAGE_LIMITS", "4/1s")
        .containsEntry("BINANCE_USDM_CONNECTION_MESSAGE_LIMITS", "8/1s")
        .containsEntry("BINANCE_SPOT_MAX_STREAMS_PER_CONNECTION", "1024")
        .containsEntry("BINANCE_SPOT_CONNECTION_ATTEMPT_LIMITS", "300/5m")
        .containsEntry("BINANCE_SPOT_REST_WEIGHT_LIMITS", "6000/1m")
        .containsEntry("BINANCE_USDM_REST_WEIGHT_LIMITS", "2400/1m")
        .containsEntry("BINANCE_SPOT_MAX_CONNECTION_LIFETIME", "24h")
        .containsEntry("BINANCE_SPOT_BOOK_AUDIT_INTERVAL", "5m")
        .containsEntry("BINANCE_USDM_BOOK_AUDIT_INTERVAL", "5m")
        .containsEntry("BINANCE_SPOT_DEPTH_SNAPSHOT_LIMIT", "1000")
        .containsEntry("BINANCE_USDM_TRADE_ROUTE", "market")
        .containsKeys(
            "CONNECTOR_BACKOFF_BASE",
            "CONNECTOR_BACKOFF_CAP",
            "CONNECTOR_CONNECT_TIMEOUT",
            "BINANCE_SPOT_REST_TIMEOUT",
            "BINANCE_USDM_STREAM_SILENCE_TIMEOUT");
    Settings parsed = Settings.parse(ServiceHost.settingsOf(List.of(provider)), Map.of());
    VenueConfig usdm = BinanceVenue.usdm().settings().parse(parsed);
    assertThat(usdm.wsUrl()).isEqualTo(URI.create("wss://fstream.binance.com"));
    assertThat(usdm.idleTimeout()).isGreaterThan(Duration.ofMinutes(3));
  }

  @Test
  void anInvalidStreamStopsStartUpNamingTheEntry() {
    var all = ServiceHost.settingsOf(List.of(provider));
    assertThatThrownBy(
            () ->
                Settings.parse(
                    all, Map.of("BINANCE_SPOT_STREAMS", "btcusdt@aggTrade,btcusdt@markPrice")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("BINANCE_SPOT_STREAMS")
        .hasMessageContaining("btcusdt@markPrice")
        .hasMessageContaining("Binance spot has no markPrice stream");
    assertThatThrownBy(
            () -> Settings.parse(all, Map.of("BINANCE_USDM_STREAMS", "btcusdt@kline_7m")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("btcusdt@kline_7m");
    assertThatThrownBy(
            () -> Settings.parse(all, Map.of("BINANCE_USDM_DEPTH_SNAPSHOT_LIMIT", "250")))
        .hasMessageContaining("BINANCE_USDM_DEPTH_SNAPSHOT_LIMIT");
    assertThatThrownBy(() -> Settings.parse(all, Map.of("BINANCE_USDM_TRADE_ROUTE", "private")))
        .hasMessageContaining("BINANCE_USDM_TRADE_ROUTE");
  }

  @Test
  void streamsFromSettingsBecomeSubscriptionRequests() {
    BinanceVenue usdm = BinanceVenue.usdm();
    Settings parsed =
        Settings.parse(
            ServiceHost.settingsOf(List.of(provider)),
            Map.of(
                "BINANCE_USDM_STREAMS",
                "btcusdt@aggTrade, ethusdt@depth@100ms ,btcusdt@markPrice@1s"));
    VenueConfig config = usdm.settings().parse(parsed);
    assertThat(usdm.settings().initialRequests(config, "settings", 5))
        .extracting(r -> r.channel() + " " + r.symbol() + " " + r.params())
        .containsExactly(
            "aggTrade BTC-USDT {}",
            "depth ETH-USDT {speed=100ms}",
            "markPrice BTC-USDT {speed=1s}");
  }
}

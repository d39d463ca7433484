package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.connector.VenueConfig;
import io.tickwire.connector.pace.RateWindow;
import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.config.ConfigException;
import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The service as the distribution finds it, and its settings with the venue's defaults. */
class UpbitSettingsTest {

  private static Settings parse(Map<String, String> env) {
    return Settings.parse(ServiceHost.settingsOf(List.of(new UpbitConnectorProvider())), env);
  }

  @Test
  void theDistributionFindsTheServiceByName() {
    assertThat(ServiceLoader.load(ServiceProvider.class).stream().map(p -> p.get().name()))
        .contains("connector-upbit");
    assertThat(new UpbitConnectorProvider().healthPortOffset()).isEqualTo(2);
  }

  @Test
  void everySettingHasADefaultPointingAtTheRealVenue() {
    VenueConfig config = UpbitVenue.SETTINGS.parse(parse(Map.of()));

    assertThat(config.wsUrl()).hasToString("wss://api.upbit.com/websocket/v1");
    assertThat(config.restUrl()).hasToString("https://api.upbit.com");
    assertThat(config.venueId()).isEqualTo("upbit");
    assertThat(config.keepAliveInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.idleTimeout()).isGreaterThan(Duration.ofSeconds(120));
    assertThat(config.connectionMessageLimits())
        .containsExactly(
            new RateWindow(5, Duration.ofSeconds(1)), new RateWindow(100, Duration.ofMinutes(1)));
    assertThat(config.initialStreams()).isEmpty();
    assertThat(config.settings().get(UpbitVenue.FORMAT)).isEqualTo(UpbitFormat.DEFAULT);
    assertThat(config.settings().get(UpbitVenue.SEQUENTIAL_IDS)).isEqualTo(SequentialIds.AUTO);
    assertThat(new UpbitConnectorProvider().settings().stream().map(Setting::name).toList())
        .contains(
            "UPBIT_WS_URL",
            "UPBIT_REST_URL",
            "UPBIT_STREAMS",
            "UPBIT_KEEPALIVE_INTERVAL",
            "UPBIT_CONNECTION_MESSAGE_LIMITS",
            "UPBIT_FORMAT",
            "UPBIT_CANDLE_CLOSE_GRACE",
            "CONNECTOR_BACKOFF_BASE");
  }

  @Test
  void streamsFromSettingsAreUpbitSpecs() {
    VenueConfig config =
        UpbitVenue.SETTINGS.parse(
            parse(
                Map.of(
                    "UPBIT_STREAMS",
                    "trade:KRW-BTC,orderbook:KRW-BTC.15,ticker:KRW-BTC,candle.1m:KRW-BTC")));

    assertThat(UpbitVenue.SETTINGS.initialRequests(config, "settings", 0))
        .extracting(r -> r.channel() + " " + r.symbol() + " " + r.params())
        .containsExactly(
            "trade BTC-KRW {}",
            "orderbook BTC-KRW {levels=15}",
            "ticker BTC-KRW {}",
            "candle BTC-KRW {interval=1m}");
  }

  @Test
  void anInvalidStreamStopsStartUpNamingTheVariableAndTheEntry() {
    assertThatThrownBy(() -> parse(Map.of("UPBIT_STREAMS", "trade:KRW-BTC,orderbook:krw-btc.15")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("UPBIT_STREAMS")
        .hasMessageContaining("orderbook:krw-btc.15");
    assertThatThrownBy(() -> parse(Map.of("UPBIT_FORMAT", "json_list")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("UPBIT_FORMAT");
  }
}

package io.tickwire.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.connector.pace.RateWindow;
import io.tickwire.connector.testing.FakeVenue;
import io.tickwire.connector.testing.FakeVenueDefinition;
import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.config.ConfigException;
import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorSettingsTest {

  private final FakeVenueDefinition.Provider provider =
      new FakeVenueDefinition.Provider(FakeVenue.Options.defaults());

  private Settings parse(Map<String, String> env) {
    return Settings.parse(ServiceHost.settingsOf(List.of(provider)), env);
  }

  @Test
  void aConnectorListsTheSharedAndThePrefixedVenueSettings() {
    assertThat(provider.settings())
        .extracting(Setting::name)
        .contains(
            "CONNECTOR_BUFFER_MAX_MESSAGES",
            "CONNECTOR_BACKOFF_BASE",
            "FAKE_WS_URL",
            "FAKE_REST_URL",
            "FAKE_STREAMS",
            "FAKE_MAX_STREAMS_PER_CONNECTION",
            "FAKE_CONNECTION_MESSAGE_LIMITS",
            "FAKE_CONNECTION_ATTEMPT_LIMITS",
            "FAKE_REST_WEIGHT_LIMITS",
            "FAKE_MAX_CONNECTION_LIFETIME",
            "FAKE_IDLE_TIMEOUT",
            "FAKE_STREAM_SILENCE_TIMEOUT",
            "FAKE_KEEPALIVE_INTERVAL",
            "FAKE_PERMESSAGE_DEFLATE",
            "FAKE_VENUE_SUFFIX");
    assertThat(provider.settings()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
  }

  @Test
  void defaultsComeFromTheVenueModule() {
    Settings settings = parse(Map.of());
    VenueConfig config = FakeVenueDefinition.SETTINGS.parse(settings);
    assertThat(config.venueId()).isEqualTo("binance-spot");
    assertThat(config.wsUrl()).isEqualTo(URI.create("ws://127.0.0.1:9"));
    assertThat(config.initialStreams()).isEmpty();
    assertThat(config.maxStreamsPerConnection()).isEqualTo(1024);
    assertThat(config.connectionMessageLimits()).containsExactly(RateWindow.parse("5/1s"));
    assertThat(config.connectionAttemptLimits()).containsExactly(RateWindow.parse("300/5m"));
    assertThat(config.maxConnectionLifetime()).isEqualTo(Duration.ofHours(24));
    ConnectorSettings.Config core = ConnectorSettings.parse(settings);
    assertThat(core.bufferMaxMessages()).isEqualTo(200_000);
    assertThat(core.backoffCap()).isEqualTo(Duration.ofSeconds(60));
    assertThat(core.replicaId()).matches("[A-Za-z0-9._-]+-[0-9a-f]{6}");
  }

  @Test
  void streamsAndSuffixAreParsedIntoRequestsOfTheSuffixedVenue() {
    Settings settings =
        parse(
            Map.of(
                "FAKE_STREAMS",
                "btcusdt@aggTrade, btcusdt@depth@100ms",
                "FAKE_VENUE_SUFFIX",
                "sandbox"));
    VenueConfig config = FakeVenueDefinition.SETTINGS.parse(settings);
    assertThat(config.venueId()).isEqualTo("binance-spot-sandbox");
    assertThat(FakeVenueDefinition.SETTINGS.initialRequests(config, "settings:x", 5))
        .extracting(r -> r.key())
        .containsExactly(
            "binance-spot-sandbox|aggTrade|BTC-USDT", "binance-spot-sandbox|depth|BTC-USDT|100ms");
  }

  @Test
  void anInvalidEntryStopsStartUpNamingTheVariableAndTheEntry() {
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "FAKE_STREAMS", "btcusdt@trade,btcusdt@kline_7m",
                        "FAKE_CONNECTION_ATTEMPT_LIMITS", "300 per 5 minutes",
                        "CONNECTOR_BUFFER_MAX_MESSAGES", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("FAKE_STREAMS")
        .hasMessageContaining("invalid stream 'btcusdt@kline_7m': kline needs an interval")
        .hasMessageContaining("FAKE_CONNECTION_ATTEMPT_LIMITS")
        .hasMessageContaining("'300 per 5 minutes' is not a rate limit such as 5/1s")
        .hasMessageContaining("CONNECTOR_BUFFER_MAX_MESSAGES");
  }
}

package io.tickwire.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  enum Mode {
    FAST,
    SAFE_AND_SLOW
  }

  static final Setting<String> URL = Setting.string("SERVICE_URL", "Where to connect");
  static final Setting<Integer> PORT =
      Setting.integer("SERVICE_PORT", "Port to listen on").range(1, 65535).defaultValue("8080");
  static final Setting<Duration> TIMEOUT =
      Setting.duration("SERVICE_TIMEOUT", "How long to wait").positive().defaultValue("30s");
  static final Setting<List<String>> STREAMS =
      Setting.list("SERVICE_STREAMS", "Streams to open").defaultValue("");
  static final Setting<Boolean> ENABLED =
      Setting.bool("SERVICE_ENABLED", "On or off").defaultValue("true");
  static final Setting<Mode> MODE =
      Setting.oneOf("SERVICE_MODE", "How to run", Mode.class).defaultValue("fast");
  static final Setting<URI> WS =
      Setting.uri("SERVICE_WS", "Socket", "ws", "wss")
          .defaultValue("wss://stream.binance.com:9443");
  static final Setting<String> SECRET =
      Setting.string("SERVICE_SECRET", "API secret").secret().optional();
  static final Setting<String> BROKERS =
      Setting.hostPorts("SERVICE_BROKERS", "Brokers").defaultValue("localhost:9092");

  static final List<Setting<?>> ALL =
      List.of(URL, PORT, TIMEOUT, STREAMS, ENABLED, MODE, WS, SECRET, BROKERS);

  @Test
  void validValuesAndDefaultsAreParsedOnce() {
    Settings settings =
        Settings.parse(
            ALL,
            Map.of(
                "SERVICE_URL", "http://x",
                "SERVICE_PORT", "9000",
                "SERVICE_TIMEOUT", "250ms",
                "SERVICE_STREAMS", " a , b,,c ",
                "SERVICE_MODE", "safe-and-slow",
                "SERVICE_BROKERS", "k1:9092, k2:9093"));

    assertThat(settings.get(URL)).isEqualTo("http://x");
    assertThat(settings.get(PORT)).isEqualTo(9000);
    assertThat(settings.get(TIMEOUT)).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.get(STREAMS)).containsExactly("a", "b", "c");
    assertThat(settings.get(ENABLED)).isTrue();
    assertThat(settings.get(MODE)).isEqualTo(Mode.SAFE_AND_SLOW);
    assertThat(settings.get(WS)).isEqualTo(URI.create("wss://stream.binance.com:9443"));
    assertThat(settings.find(SECRET)).isEmpty();
    assertThat(settings.get(BROKERS)).isEqualTo("k1:9092,k2:9093");
  }

  @Test
  void durationsAcceptUnitsAndIsoForm() {
    assertThat(Setting.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Setting.parseDuration("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(Setting.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(Setting.parseDuration("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void oneMessageNamesEveryMissingAndMalformedVariable() {
    assertThatThrownBy(
            () ->
                Settings.parse(
                    ALL,
                    Map.of(
                        "SERVICE_PORT", "eighty",
                        "SERVICE_TIMEOUT", "0s",
                        "SERVICE_ENABLED", "maybe",
                        "SERVICE_MODE", "turbo",
                        "SERVICE_WS", "http://example.com",
                        "SERVICE_BROKERS", "localhost")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            """
            Invalid configuration (7 problems):
              SERVICE_URL: is required, expected a text
              SERVICE_PORT: 'eighty' is not a number, expected an integer, between 1 and 65535
              SERVICE_TIMEOUT: '0s' is not greater than zero, expected a duration such as 500ms, 30s, 5m, 24h, greater than zero
              SERVICE_ENABLED: 'maybe' is not a boolean, expected true or false
              SERVICE_MODE: 'turbo' is unknown, expected one of fast, safe-and-slow
              SERVICE_WS: 'http://example.com' is of the wrong scheme, expected a URI starting with ws://, wss://
              SERVICE_BROKERS: 'localhost' is missing a port, expected host:port[,host:port...]""");
  }

  @Test
  void outOfRangeValuesNameTheRange() {
    assertThatThrownBy(() -> Settings.parse(List.of(PORT), Map.of("SERVICE_PORT", "70000")))
        .hasMessageContaining("SERVICE_PORT: '70000' is not between 1 and 65535");
  }

  @Test
  void secretValuesNeverAppearInErrorsOrListings() {
    Setting<Integer> secretNumber = Setting.integer("SERVICE_PIN", "A PIN").secret();

    assertThatThrownBy(
            () -> Settings.parse(List.of(secretNumber), Map.of("SERVICE_PIN", "hunter2")))
        .hasMessageContaining("SERVICE_PIN: (hidden) is not a number")
        .hasMessageNotContaining("hunter2");
    assertThat(
            SettingsHelp.describe(
                "svc", List.of(Setting.string("K", "key").secret().defaultValue("hunter2"))))
        .doesNotContain("hunter2")
        .contains("(hidden)");
  }

  @Test
  void listingShowsEverySettingWithTypeAndDefault() {
    String help = SettingsHelp.describe("Settings of test-service:", ALL);

    assertThat(help)
        .startsWith("Settings of test-service:\n")
        .contains("SERVICE_URL      Where to connect\n")
        .contains("a text; required")
        .contains("an integer, between 1 and 65535; default '8080'")
        .contains("SERVICE_SECRET")
        .contains("; optional");
  }

  @Test
  void prefixFamiliesAreReadRaw() {
    Settings settings =
        Settings.parse(
            List.of(),
            Map.of("KAFKA_PRODUCER_LINGER_MS", "20", "KAFKA_PRODUCER_", "x", "OTHER", "y"));

    assertThat(settings.withPrefix("KAFKA_PRODUCER_")).isEqualTo(Map.of("LINGER_MS", "20"));
  }
}

package io.tickwire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.model.Venue;
import io.tickwire.sim.SimConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Console console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());
    return Tickwire.execute(List.of(args), console);
  }

  private static SimConfig config(String... args) {
    SimCommand c = new SimCommand();
    return SimCommand.config(Args.parse(List.of(args), c.options(), c.flags()));
  }

  @Test
  void helpListsTheSimCommandAndItsOptions() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("  sim ");
    assertThat(run("sim", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Usage: tickwire sim")
        .contains("--port <n>")
        .contains("default 8765")
        .contains("--time-scale");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    SimConfig c = config();
    assertThat(c.port()).isEqualTo(8765);
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.seed()).isEqualTo(1);
    assertThat(c.instruments()).hasSize(15);
  }

  @Test
  void instrumentsSeedAndTimeScaleComeFromOptions() {
    SimConfig c =
        config(
            "--seed",
            "9",
            "--time-scale",
            "60",
            "--spot",
            "BTCUSDT,DOGEUSDT:0.15:0.00001:1",
            "--usdm",
            "none",
            "--upbit",
            "KRW-BTC");
    assertThat(c.seed()).isEqualTo(9);
    assertThat(c.timeScale()).isEqualTo(60);
    assertThat(c.instruments(Venue.BINANCE_SPOT))
        .extracting(i -> i.symbol())
        .containsExactly("BTCUSDT", "DOGEUSDT");
    assertThat(c.instruments(Venue.BINANCE_USDM)).isEmpty();
    assertThat(c.instruments(Venue.UPBIT)).hasSize(1);
  }

  @Test
  void badOptionsAreUsageErrorsThatSayWhatIsWrong() {
    assertThatThrownBy(() -> config("--spot", "DOGEUSDT"))
        .hasMessageContaining(
            "DOGEUSDT: no built-in defaults; give DOGEUSDT:<price>:<tickSize>:<stepSize>");
    assertThatThrownBy(() -> config("--time-scale", "fast"))
        .hasMessage("--time-scale expects a number, got 'fast'");
    assertThatThrownBy(() -> config("--port", "70000"))
        .hasMessageContaining("port must be within 0..65535");
    assertThatThrownBy(() -> config("--spot", "none", "--usdm", "none", "--upbit", "none"))
        .hasMessageContaining("at least one instrument");
    assertThatThrownBy(() -> config("--account", "justakey"))
        .hasMessage("--account expects <apiKey>:<secretKey>");
    assertThat(run("sim", "--seed", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seed expects an integer, got 'x'");
  }
}

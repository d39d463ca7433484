package io.tickwire.testkit;

import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.Faults;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.SimMarket;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class its own exchange simulator (Binance spot, USD-M and Upbit on one free port).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ExchangeSimExtension SIM =
 *     ExchangeSimExtension.start(SimConfig.builder().timeScale(60).build());
 *
 * URI trades = SIM.ws("/ws/btcusdt@trade");
 * SIM.faults().dropAll(Venue.BINANCE_SPOT, DropMode.ABRUPT);
 * }</pre>
 *
 * As a static field it starts before the class's tests and stops after them; as an instance field,
 * around each test. Configs must not fix a port that another test uses (leave it 0).
 */
public final class ExchangeSimExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private final SimConfig config;
  private ExchangeSim sim;
  private boolean perTest;

  private ExchangeSimExtension(SimConfig config) {
    this.config = config;
  }

  public static ExchangeSimExtension start(SimConfig config) {
    return new ExchangeSimExtension(config);
  }

  /** The default configuration: real time, seed 1, the default instruments and demo account. */
  public static ExchangeSimExtension start() {
    return new ExchangeSimExtension(SimConfig.defaults());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    sim = ExchangeSim.start(config);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (sim != null) {
      sim.close();
      sim = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (sim == null) {
      perTest = true;
      sim = ExchangeSim.start(config);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest && sim != null) {
      sim.close();
      sim = null;
    }
  }

  /** The running simulator. */
  public ExchangeSim sim() {
    if (sim == null) {
      throw new IllegalStateException(
          "the exchange simulator has not started: register the extension with @RegisterExtension");
    }
    return sim;
  }

  public int port() {
    return sim().port();
  }

  /** {@code http://127.0.0.1:<port>}: REST of every venue. */
  public String httpBaseUrl() {
    return sim().httpBaseUrl();
  }

  /** {@code ws://127.0.0.1:<port>}: WebSocket paths of every venue. */
  public String wsBaseUrl() {
    return sim().wsBaseUrl();
  }

  /** A WebSocket URI on the simulator: {@code ws("/ws/btcusdt@trade")}. */
  public URI ws(String path) {
    return URI.create(wsBaseUrl() + path);
  }

  /** An HTTP URI on the simulator: {@code http("/api/v3/depth?symbol=BTCUSDT")}. */
  public URI http(String pathAndQuery) {
    return URI.create(httpBaseUrl() + pathAndQuery);
  }

  public Faults faults() {
    return sim().faults();
  }

  public SimMarket market() {
    return sim().market();
  }
}

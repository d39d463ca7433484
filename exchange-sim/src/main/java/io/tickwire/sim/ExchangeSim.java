package io.tickwire.sim;

import io.tickwire.model.Venue;
import io.tickwire.sim.binance.BinanceFeed;
import io.tickwire.sim.binance.BinanceVenue;
import io.tickwire.sim.load.LoadGenerator;
import io.tickwire.sim.model.AggTrade;
import io.tickwire.sim.model.Liquidation;
import io.tickwire.sim.model.MarketModel;
import io.tickwire.sim.model.MarketSink;
import io.tickwire.sim.model.SimClock;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.replay.ReplayPlayer;
import io.tickwire.sim.server.FaultState;
import io.tickwire.sim.server.SessionRegistry;
import io.tickwire.sim.server.SimServer;
import io.tickwire.sim.server.StreamHub;
import io.tickwire.sim.upbit.UpbitFeed;
import io.tickwire.sim.upbit.UpbitVenue;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running exchange simulator: Binance spot, Binance USD-M and Upbit on one HTTP + WebSocket port,
 * driven by one deterministic market model.
 *
 * <pre>{@code
 * try (ExchangeSim sim = ExchangeSim.start(SimConfig.builder().timeScale(60).build())) {
 *   URI trades = URI.create(sim.wsBaseUrl() + "/ws/btcusdt@trade");
 *   sim.faults().dropAll(Venue.BINANCE_SPOT, DropMode.ABRUPT);
 *   long lastAggId = sim.market().lastAggTradeId(Venue.BINANCE_SPOT, "BTCUSDT");
 * }
 * }</pre>
 */
public final class ExchangeSim implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExchangeSim.class);

  private final SimConfig config;
  private final StreamHub hub;
  private final MarketModel model;
  private final BinanceVenue binance;
  private final UpbitVenue upbit;
  private final LoadGenerator load;
  private final Faults faults;
  private final SimMarket market;
  private final SimServer server;
  private final int port;
  private final AtomicReference<ReplayPlayer> replay = new AtomicReference<>();

  private ExchangeSim(SimConfig config) throws InterruptedException {
    this.config = config;
    this.hub = new StreamHub();
    FaultState faultState = new FaultState();
    SessionRegistry sessions = new SessionRegistry();
    BinanceFeed binanceFeed = new BinanceFeed(hub, faultState);
    UpbitFeed upbitFeed = new UpbitFeed(hub, faultState, config);
    long start =
        config.startTime() != null ? config.startTime().toEpochMilli() : System.currentTimeMillis();
    SimClock clock = new SimClock(start, config.timeScale(), config.autoAdvance());
    this.model =
        new MarketModel(
            config.instruments(),
            config.market(),
            config.seed(),
            clock,
            config.step().toMillis(),
            new Both(binanceFeed, upbitFeed));
    this.load = new LoadGenerator(config.loadRate(), config.loadInstruments());
    this.binance = new BinanceVenue(config, hub, faultState, model, load);
    this.upbit = new UpbitVenue(config, hub, faultState, model, upbitFeed);
    this.faults = new Faults(sessions, faultState, model, config);
    this.market = new SimMarket(model);
    try {
      this.server =
          SimServer.start(
              config.host(),
              config.port(),
              List.of(binance, upbit),
              List.of(new AdminApi(this), binance.rest(), upbit.rest()),
              faultState,
              sessions);
    } catch (InterruptedException | RuntimeException e) {
      model.close();
      throw e;
    }
    this.port = server.port();
    model.start();
  }

  /**
   * Starts a simulator and returns once it listens.
   *
   * @throws IllegalStateException when the port cannot be bound
   */
  public static ExchangeSim start(SimConfig config) {
    try {
      ExchangeSim sim = new ExchangeSim(config);
      log.info(
          "exchange-sim listening on {}:{} ({}; seed {}, time scale {}x, {} instruments{})",
          config.host(),
          sim.port(),
          sim.httpBaseUrl(),
          config.seed(),
          SimConfig.plain(config.timeScale()),
          config.instruments().size(),
          config.loadRate() > 0 ? ", load " + config.loadRate() + " msg/s per connection" : "");
      return sim;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting exchange-sim", e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "exchange-sim could not listen on "
              + config.host()
              + ":"
              + config.port()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** A simulator with the default configuration on a free port. */
  public static ExchangeSim start() {
    return start(SimConfig.defaults());
  }

  public SimConfig config() {
    return config;
  }

  public int port() {
    return port;
  }

  private String host() {
    String h = config.host();
    return h.equals("0.0.0.0") || h.equals("::") ? "127.0.0.1" : h;
  }

  /** {@code http://127.0.0.1:<port>}: REST of every venue and the admin API. */
  public String httpBaseUrl() {
    return "http://" + host() + ":" + port();
  }

  /** {@code ws://127.0.0.1:<port>}: every WebSocket path of every venue. */
  public String wsBaseUrl() {
    return "ws://" + host() + ":" + port();
  }

  public Faults faults() {
    return faults;
  }

  public SimMarket market() {
    return market;
  }

  public LoadGenerator load() {
    return load;
  }

  /**
   * Credits (a negative amount debits) an account on a venue and emits the venue's balance event:
   * spot {@code balanceUpdate} + {@code outboundAccountPosition}, USD-M {@code ACCOUNT_UPDATE}
   * (USDT only), Upbit {@code myAsset}.
   */
  public void deposit(String apiKey, Venue venue, String asset, BigDecimal amount) {
    AccountSpec account = config.account(apiKey);
    if (account == null) {
      throw new IllegalArgumentException("no account with that API key");
    }
    switch (venue) {
      case BINANCE_SPOT -> binance.depositSpot(account, asset, amount);
      case BINANCE_USDM -> {
        if (!asset.equals("USDT")) {
          throw new IllegalArgumentException("the USD-M wallet holds USDT only");
        }
        binance.depositFutures(account, amount);
      }
      case UPBIT -> upbit.deposit(account, asset, amount);
    }
  }

  /**
   * Plays a recording ({@link io.tickwire.sim.replay.RecordedFrame} format) to the subscribed
   * connections; the live model is silent until it ends. {@code speed} 1 keeps the recorded timing,
   * 2 plays twice as fast, 0 as fast as possible.
   */
  public ReplayPlayer replay(Path recording, double speed, boolean loop) {
    ReplayPlayer player = new ReplayPlayer(hub, recording, speed, loop);
    ReplayPlayer previous = replay.getAndSet(player);
    if (previous != null) {
      previous.stop();
    }
    return player.start();
  }

  @Override
  public void close() {
    ReplayPlayer r = replay.get();
    if (r != null) {
      r.stop();
    }
    server.close();
    model.close();
    log.info("exchange-sim on port {} stopped", port());
  }

  /** Sends every market happening to both venue feeds. */
  private record Both(MarketSink a, MarketSink b) implements MarketSink {
    @Override
    public void trade(SimInstrument i, AggTrade t) {
      a.trade(i, t);
      b.trade(i, t);
    }

    @Override
    public void bestChanged(SimInstrument i, long time) {
      a.bestChanged(i, time);
      b.bestChanged(i, time);
    }

    @Override
    public void liquidation(SimInstrument i, Liquidation l) {
      a.liquidation(i, l);
      b.liquidation(i, l);
    }

    @Override
    public void stepEnd(SimInstrument i, long time, long step) {
      a.stepEnd(i, time, step);
      b.stepEnd(i, time, step);
    }

    @Override
    public void allStepped(List<SimInstrument> all, long time, long step) {
      a.allStepped(all, time, step);
      b.allStepped(all, time, step);
    }
  }
}

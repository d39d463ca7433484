package io.tickwire.sim;

import io.tickwire.model.Venue;
import io.tickwire.sim.model.MarketParams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an {@link ExchangeSim} is started with. Defaults are the venues' documented values;
 * tests shorten limits and timers and speed up the market clock. Behaviours the protocol facts mark
 * UNVERIFIED are settings here ({@link #usdmTradeRoute}, {@link #upbitRequestReplaces}, {@link
 * UpbitLimits#idleCountsOutbound}, {@link MarketParams#upbitTimestampIds}).
 *
 * <pre>{@code
 * SimConfig config = SimConfig.builder().seed(7).timeScale(60)
 *     .spotLimits(WsLimits.BINANCE_SPOT.withPing(Duration.ofMillis(200), Duration.ofMillis(500)))
 *     .build();
 * }</pre>
 */
public final class SimConfig {

  /** Which USD-M route carries a stream the documentation does not place. */
  public enum Route {
    PUBLIC,
    MARKET
  }

  /** How Upbit numbers are written: {@code 100473000} or {@code 1.00473E8}. */
  public enum UpbitNumbers {
    PLAIN,
    SCIENTIFIC
  }

  private final String host;
  private final int port;
  private final long seed;
  private final double timeScale;
  private final Instant startTime;
  private final boolean autoAdvance;
  private final Duration step;
  private final List<InstrumentSpec> instruments;
  private final MarketParams market;
  private final List<AccountSpec> accounts;
  private final WsLimits spotLimits;
  private final WsLimits usdmLimits;
  private final WsLimits wsApiLimits;
  private final UpbitLimits upbitLimits;
  private final RestLimits restLimits;
  private final Duration shutdownGrace;
  private final Duration listenKeyValidity;
  private final Route usdmTradeRoute;
  private final boolean upbitRequestReplaces;
  private final UpbitNumbers upbitNumbers;
  private final int upbitOrderbookSize;
  private final int loadRate;
  private final int loadInstruments;

  private SimConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.seed = b.seed;
    this.timeScale = b.timeScale;
    this.startTime = b.startTime;
    this.autoAdvance = b.autoAdvance;
    this.step = b.step;
    this.instruments = List.copyOf(b.instruments);
    this.market = b.market;
    this.accounts = List.copyOf(b.accounts);
    this.spotLimits = b.spotLimits;
    this.usdmLimits = b.usdmLimits;
    this.wsApiLimits = b.wsApiLimits;
    this.upbitLimits = b.upbitLimits;
    this.restLimits = b.restLimits;
    this.shutdownGrace = b.shutdownGrace;
    this.listenKeyValidity = b.listenKeyValidity;
    this.usdmTradeRoute = b.usdmTradeRoute;
    this.upbitRequestReplaces = b.upbitRequestReplaces;
    this.upbitNumbers = b.upbitNumbers;
    this.upbitOrderbookSize = b.upbitOrderbookSize;
    this.loadRate = b.loadRate;
    this.loadInstruments = b.loadInstruments;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: an ephemeral port on localhost, seed 1, real time, the default instruments. */
  public static SimConfig defaults() {
    return builder().build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.seed = seed;
    b.timeScale = timeScale;
    b.startTime = startTime;
    b.autoAdvance = autoAdvance;
    b.step = step;
    b.instruments = new ArrayList<>(instruments);
    b.market = market;
    b.accounts = new ArrayList<>(accounts);
    b.spotLimits = spotLimits;
    b.usdmLimits = usdmLimits;
    b.wsApiLimits = wsApiLimits;
    b.upbitLimits = upbitLimits;
    b.restLimits = restLimits;
    b.shutdownGrace = shutdownGrace;
    b.listenKeyValidity = listenKeyValidity;
    b.usdmTradeRoute = usdmTradeRoute;
    b.upbitRequestReplaces = upbitRequestReplaces;
    b.upbitNumbers = upbitNumbers;
    b.upbitOrderbookSize = upbitOrderbookSize;
    b.loadRate = loadRate;
    b.loadInstruments = loadInstruments;
    return b;
  }

  /** BTC, ETH, BNB, SOL, XRP against USDT on spot and USD-M; BTC, ETH, XRP, SOL, USDT on KRW. */
  public static List<InstrumentSpec> defaultInstruments() {
    List<InstrumentSpec> list = new ArrayList<>();
    Venue spot = Venue.BINANCE_SPOT;
    Venue usdm = Venue.BINANCE_USDM;
    list.add(InstrumentSpec.binance(spot, "BTCUSDT", "64000.00", "0.01", "0.00001"));
    list.add(InstrumentSpec.binance(spot, "ETHUSDT", "3200.00", "0.01", "0.0001"));
    list.add(InstrumentSpec.binance(spot, "BNBUSDT", "580.00", "0.01", "0.001"));
    list.add(InstrumentSpec.binance(spot, "SOLUSDT", "150.00", "0.01", "0.001"));
    list.add(InstrumentSpec.binance(spot, "XRPUSDT", "0.5500", "0.0001", "0.1"));
    list.add(InstrumentSpec.binance(usdm, "BTCUSDT", "64000.0", "0.1", "0.001"));
    list.add(InstrumentSpec.binance(usdm, "ETHUSDT", "3200.00", "0.01", "0.001"));
    list.add(InstrumentSpec.binance(usdm, "BNBUSDT", "580.000", "0.010", "0.01"));
    list.add(InstrumentSpec.binance(usdm, "SOLUSDT", "150.0000", "0.0100", "1"));
    list.add(InstrumentSpec.binance(usdm, "XRPUSDT", "0.5500", "0.0001", "0.1"));
    list.add(InstrumentSpec.upbit("KRW-BTC", "90000000", "1000", "0.00000001"));
    list.add(InstrumentSpec.upbit("KRW-ETH", "4500000", "1000", "0.00000001"));
    list.add(InstrumentSpec.upbit("KRW-XRP", "800.0", "0.1", "0.00000001"));
    list.add(InstrumentSpec.upbit("KRW-SOL", "200000", "50", "0.00000001"));
    list.add(InstrumentSpec.upbit("KRW-USDT", "1400", "1", "0.00000001"));
    return list;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public long seed() {
    return seed;
  }

  public double timeScale() {
    return timeScale;
  }

  /** Start of the simulated clock; null means the wall clock at start-up. */
  public Instant startTime() {
    return startTime;
  }

  public boolean autoAdvance() {
    return autoAdvance;
  }

  /** Simulated time per model step (100 ms: the fastest stream cadence). */
  public Duration step() {
    return step;
  }

  public List<InstrumentSpec> instruments() {
    return instruments;
  }

  public List<InstrumentSpec> instruments(Venue venue) {
    return instruments.stream().filter(i -> i.venue() == venue).toList();
  }

  public MarketParams market() {
    return market;
  }

  public List<AccountSpec> accounts() {
    return accounts;
  }

  public WsLimits spotLimits() {
    return spotLimits;
  }

  public WsLimits usdmLimits() {
    return usdmLimits;
  }

  /** Limits of the spot WebSocket API ({@code /ws-api/v3}); no per-second message limit. */
  public WsLimits wsApiLimits() {
    return wsApiLimits;
  }

  public UpbitLimits upbitLimits() {
    return upbitLimits;
  }

  public RestLimits restLimits() {
    return restLimits;
  }

  /** Time between a {@code serverShutdown} event and the close that follows it. */
  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  public Duration listenKeyValidity() {
    return listenKeyValidity;
  }

  /** UNVERIFIED: which USD-M route serves {@code <symbol>@trade} (default MARKET). */
  public Route usdmTradeRoute() {
    return usdmTradeRoute;
  }

  /** UNVERIFIED: a new Upbit request replaces the connection's subscriptions (default true). */
  public boolean upbitRequestReplaces() {
    return upbitRequestReplaces;
  }

  public UpbitNumbers upbitNumbers() {
    return upbitNumbers;
  }

  /** Orderbook units sent when a code has no {@code .N} suffix. */
  public int upbitOrderbookSize() {
    return upbitOrderbookSize;
  }

  /** Load mode: messages per second to each connection subscribed to load streams; 0 is off. */
  public int loadRate() {
    return loadRate;
  }

  /** Load mode: how many synthetic load instruments ({@code LOAD0000USDT}...) exist. */
  public int loadInstruments() {
    return loadInstruments;
  }

  /** {@code 60} rather than {@code 60.0}: how numbers read in logs and banners. */
  public static String plain(double value) {
    return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** The account with this API key, if configured. */
  public AccountSpec account(String apiKey) {
    return accounts.stream().filter(a -> a.apiKey().equals(apiKey)).findFirst().orElse(null);
  }

  @Override
  public String toString() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("host", host);
    m.put("port", port);
    m.put("seed", seed);
    m.put("timeScale", timeScale);
    m.put("instruments", instruments.stream().map(InstrumentSpec::key).toList());
    m.put("accounts", accounts.stream().map(AccountSpec::accountId).toList());
    m.put("loadRate", loadRate);
    return "SimConfig" + m;
  }

  /** Builds a {@link SimConfig}; every setter validates its value. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 0;
    private long seed = 1;
    private double timeScale = 1;
    private Instant startTime;
    private boolean autoAdvance = true;
    private Duration step = Duration.ofMillis(100);
    private List<InstrumentSpec> instruments = defaultInstruments();
    private MarketParams market = MarketParams.DEFAULT;
    private List<AccountSpec> accounts = new ArrayList<>(List.of(AccountSpec.DEMO));
    private WsLimits spotLimits = WsLimits.BINANCE_SPOT;
    private WsLimits usdmLimits = WsLimits.BINANCE_USDM;
    private WsLimits wsApiLimits = WsLimits.BINANCE_SPOT.withMessagesPerSecond(0);
    private UpbitLimits upbitLimits = UpbitLimits.DEFAULT;
    private RestLimits restLimits = RestLimits.DEFAULT;
    private Duration shutdownGrace = Duration.ofSeconds(1);
    private Duration listenKeyValidity = Duration.ofMinutes(60);
    private Route usdmTradeRoute = Route.MARKET;
    private boolean upbitRequestReplaces = true;
    private UpbitNumbers upbitNumbers = UpbitNumbers.PLAIN;
    private int upbitOrderbookSize = 30;
    private int loadRate = 0;
    private int loadInstruments = 100;

    private Builder() {}

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /** 0 picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be within 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How many times faster than the wall clock the market runs (60: 1m candles close every s). */
    public Builder timeScale(double timeScale) {
      if (!(timeScale > 0) || timeScale > 100_000) {
        throw new IllegalArgumentException(
            "timeScale must be within (0, 100000], got " + timeScale);
      }
      this.timeScale = timeScale;
      return this;
    }

    public Builder startTime(Instant startTime) {
      this.startTime = startTime;
      return this;
    }

    /** false: the market stands still until {@link SimMarket#advance} moves it (exact tests). */
    public Builder autoAdvance(boolean autoAdvance) {
      this.autoAdvance = autoAdvance;
      return this;
    }

    public Builder step(Duration step) {
      long ms = step.toMillis();
      if (ms < 10 || 100 % ms != 0) {
        throw new IllegalArgumentException(
            "step must divide 100 ms (10, 20, 25, 50 or 100 ms), got " + step);
      }
      this.step = step;
      return this;
    }

    public Builder instruments(List<InstrumentSpec> instruments) {
      if (instruments.isEmpty()) {
        throw new IllegalArgumentException("at least one instrument is needed");
      }
      this.instruments = new ArrayList<>(instruments);
      return this;
    }

    public Builder market(MarketParams market) {
      this.market = Objects.requireNonNull(market);
      return this;
    }

    public Builder accounts(List<AccountSpec> accounts) {
      this.accounts = new ArrayList<>(accounts);
      return this;
    }

    public Builder addAccount(AccountSpec account) {
      this.accounts.add(account);
      return this;
    }

    public Builder spotLimits(WsLimits limits) {
      this.spotLimits = Objects.requireNonNull(limits);
      return this;
    }

    public Builder usdmLimits(WsLimits limits) {
      this.usdmLimits = Objects.requireNonNull(limits);
      return this;
    }

    public Builder wsApiLimits(WsLimits limits) {
      this.wsApiLimits = Objects.requireNonNull(limits);
      return this;
    }

    public Builder upbitLimits(UpbitLimits limits) {
      this.upbitLimits = Objects.requireNonNull(limits);
      return this;
    }

    public Builder restLimits(RestLimits limits) {
      this.restLimits = Objects.requireNonNull(limits);
      return this;
    }

    public Builder shutdownGrace(Duration grace) {
      this.shutdownGrace = Objects.requireNonNull(grace);
      return this;
    }

    public Builder listenKeyValidity(Duration validity) {
      this.listenKeyValidity = Objects.requireNonNull(validity);
      return this;
    }

    public Builder usdmTradeRoute(Route route) {
      this.usdmTradeRoute = Objects.requireNonNull(route);
      return this;
    }

    public Builder upbitRequestReplaces(boolean replaces) {
      this.upbitRequestReplaces = replaces;
      return this;
    }

    public Builder upbitNumbers(UpbitNumbers numbers) {
      this.upbitNumbers = Objects.requireNonNull(numbers);
      return this;
    }

    public Builder upbitOrderbookSize(int size) {
      if (size != 1 && size != 5 && size != 15 && size != 30) {
        throw new IllegalArgumentException("Upbit orderbook size is 1, 5, 15 or 30, got " + size);
      }
      this.upbitOrderbookSize = size;
      return this;
    }

    /** Load mode rate: messages per second to each connection subscribed to load streams. */
    public Builder loadRate(int rate) {
      if (rate < 0) {
        throw new IllegalArgumentException("loadRate must not be negative");
      }
      this.loadRate = rate;
      return this;
    }

    public Builder loadInstruments(int count) {
      if (count < 1 || count > 10_000) {
        throw new IllegalArgumentException("loadInstruments must be within 1..10000");
      }
      this.loadInstruments = count;
      return this;
    }

    public SimConfig build() {
      return new SimConfig(this);
    }
  }
}

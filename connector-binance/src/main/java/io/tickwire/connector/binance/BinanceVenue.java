package io.tickwire.connector.binance;

import io.tickwire.connector.ConnectorSettings;
import io.tickwire.connector.VenueConfig;
import io.tickwire.connector.VenueDefinition;
import io.tickwire.connector.VenueModule;
import io.tickwire.connector.VenueResources;
import io.tickwire.connector.VenueSettings;
import io.tickwire.connector.binance.wire.ExchangeInfo;
import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import io.tickwire.model.BinanceSymbols;
import io.tickwire.model.StreamNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Binance market (spot or USD-M futures) as a venue of the connector: its settings, with
 * defaults from Binance's documented limits, and its module: the protocol, a maintained book per
 * diff-depth stream, and aggTrade backfill. Symbols are split into base and quote with {@code
 * exchangeInfo} when it answers at start-up, with the quote-asset list otherwise.
 */
public final class BinanceVenue implements VenueDefinition {

  private static final Logger log = LoggerFactory.getLogger(BinanceVenue.class);
  private static final Set<Integer> USDM_DEPTH_LIMITS = Set.of(5, 10, 20, 50, 100, 500, 1000);

  private final BinanceMarket market;
  private final AtomicReference<BinanceSymbols> symbols =
      new AtomicReference<>(BinanceSymbols.withDefaultQuotes());
  private final Setting<Duration> auditInterval;
  private final Setting<Integer> auditLevels;
  private final Setting<Integer> snapshotLimit;
  private final Setting<Integer> streamsPerMessage;
  private final Setting<Boolean> exchangeInfo;
  private final Setting<BinanceChannel.Route> tradeRoute;
  private final VenueSettings settings;

  public static BinanceVenue spot() {
    return new BinanceVenue(BinanceMarket.SPOT);
  }

  public static BinanceVenue usdm() {
    return new BinanceVenue(BinanceMarket.USDM);
  }

  private BinanceVenue(BinanceMarket market) {
    this.market = market;
    String p = market.settingsPrefix();
    String name = market.venue().id();
    this.auditInterval =
        Setting.duration(
                p + "_BOOK_AUDIT_INTERVAL",
                "How often each maintained "
                    + name
                    + " book is compared with a REST snapshot (a mismatch is reported, the book is"
                    + " not replaced); 0s turns audits off")
            .validate(d -> !d.isNegative(), "zero or more")
            .defaultValue("5m");
    this.auditLevels =
        Setting.integer(p + "_BOOK_AUDIT_LEVELS", "Levels per side a book audit compares")
            .range(1, BinanceBooks.AUDIT_LIMIT)
            .defaultValue("20");
    boolean spot = market == BinanceMarket.SPOT;
    Setting<Integer> limit =
        Setting.integer(
            p + "_DEPTH_SNAPSHOT_LIMIT",
            "Levels of the REST depth snapshot a maintained "
                + name
                + " book starts from (request weight "
                + (spot ? "5/25/50/250 up to 100/500/1000/5000" : "2/5/10/20 up to 50/100/500/1000")
                + ")");
    this.snapshotLimit =
        (spot
                ? limit.range(1, market.maxDepthLimit())
                : limit.validate(
                    USDM_DEPTH_LIMITS::contains, "one of 5, 10, 20, 50, 100, 500, 1000"))
            .defaultValue("1000");
    this.streamsPerMessage =
        Setting.integer(
                p + "_STREAMS_PER_MESSAGE", "Stream names per SUBSCRIBE or UNSUBSCRIBE message")
            .range(1, 1024)
            .defaultValue("200");
    this.exchangeInfo =
        Setting.bool(
                p + "_SYMBOLS_FROM_EXCHANGE_INFO",
                "Read base and quote assets from exchangeInfo at start-up (otherwise, and when it"
                    + " does not answer, symbols are split by a list of known quote assets)")
            .defaultValue("true");
    this.tradeRoute =
        Setting.oneOf(
                "BINANCE_USDM_TRADE_ROUTE",
                "USD-M route of @trade streams (Binance does not document it)",
                BinanceChannel.Route.class)
            .defaultValue("market");
    VenueSettings.Builder b =
        VenueSettings.builder(
                p,
                market.venue(),
                (venueId, stream, by, now) -> {
                  BinanceStream.parse(market, stream, symbols.get());
                  return StreamNames.fromBinance(venueId, stream, symbols.get(), by, null, now);
                })
            .maxStreamsPerConnection(1024)
            .connectionAttemptLimits("300/5m")
            .maxConnectionLifetime("24h");
    if (spot) {
      b.wsUrl("wss://stream.binance.com:9443")
          .restUrl("https://api.binance.com")
          .streamsExample("btcusdt@aggTrade,btcusdt@depth@100ms,btcusdt@kline_1m")
          // Binance allows 5; one less leaves room for network jitter bunching our messages up
          .connectionMessageLimits("4/1s")
          .restWeightLimits("6000/1m")
          // the server pings every 20 s
          .idleTimeout("60s")
          .extra(auditInterval, auditLevels, snapshotLimit, streamsPerMessage, exchangeInfo);
    } else {
      b.wsUrl("wss://fstream.binance.com")
          .restUrl("https://fapi.binance.com")
          .streamsExample("btcusdt@aggTrade,btcusdt@depth@100ms,btcusdt@markPrice@1s")
          // Binance allows 10; two less leave room for network jitter
          .connectionMessageLimits("8/1s")
          .restWeightLimits("2400/1m")
          // the server pings every 3 minutes
          .idleTimeout("5m")
          .extra(
              auditInterval,
              auditLevels,
              snapshotLimit,
              streamsPerMessage,
              exchangeInfo,
              tradeRoute);
    }
    this.settings = b.build();
  }

  public BinanceMarket market() {
    return market;
  }

  @Override
  public VenueSettings settings() {
    return settings;
  }

  @Override
  public VenueModule create(VenueResources r) {
    VenueConfig config = r.config();
    Settings s = config.settings();
    BinanceRest rest =
        new BinanceRest(market, r.rest(), r.restScheduler(), r.meters(), config.venueId());
    BinanceSymbols known =
        s.get(exchangeInfo) ? loadSymbols(rest, config) : BinanceSymbols.withDefaultQuotes();
    symbols.set(known);
    BinanceProtocol protocol =
        new BinanceProtocol(
            market,
            config.venueId(),
            known,
            market == BinanceMarket.USDM ? s.get(tradeRoute) : BinanceChannel.Route.MARKET,
            s.get(streamsPerMessage));
    Duration backfillTimeout = s.get(ConnectorSettings.BACKFILL_TIMEOUT);
    return VenueModule.of(protocol)
        .withHandlers(
            new BinanceBooks(
                protocol,
                rest::depth,
                s.get(snapshotLimit),
                s.get(auditInterval),
                s.get(auditLevels)))
        .withBackfiller(
            new BinanceBackfiller(
                protocol,
                rest::aggTrades,
                r.clock(),
                backfillTimeout.multipliedBy(3).dividedBy(4)));
  }

  private BinanceSymbols loadSymbols(BinanceRest rest, VenueConfig config) {
    try {
      ExchangeInfo info =
          rest.exchangeInfo().get(config.restTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
      Map<String, List<String>> markets = new HashMap<>();
      for (ExchangeInfo.SymbolInfo symbol : info.symbols()) {
        if (symbol.symbol() != null && symbol.baseAsset() != null && symbol.quoteAsset() != null) {
          markets.put(symbol.symbol(), List.of(symbol.baseAsset(), symbol.quoteAsset()));
        }
      }
      log.info("{}: {} symbols from exchangeInfo", config.venueId(), markets.size());
      return BinanceSymbols.withDefaultQuotes().withMarkets(markets);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return BinanceSymbols.withDefaultQuotes();
    } catch (Exception e) {
      log.warn(
          "{}: exchangeInfo from {} failed ({}); splitting symbols by known quote assets",
          config.venueId(),
          config.restUrl(),
          e.getMessage());
      return BinanceSymbols.withDefaultQuotes();
    }
  }
}

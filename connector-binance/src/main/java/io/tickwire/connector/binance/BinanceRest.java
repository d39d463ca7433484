package io.tickwire.connector.binance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickwire.connector.binance.wire.AggTradeEvent;
import io.tickwire.connector.binance.wire.BinanceWire;
import io.tickwire.connector.binance.wire.DepthSnapshot;
import io.tickwire.connector.binance.wire.ExchangeInfo;
import io.tickwire.connector.pace.WeightPacedScheduler;
import io.tickwire.connector.pace.WeightPacedScheduler.Priority;
import io.tickwire.connector.rest.RestClient;
import io.tickwire.connector.rest.VenueException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * The REST calls of one Binance market, each through the venue's weight-paced scheduler with its
 * documented request weight, so snapshots, backfills and audits of all books share one budget
 * (priority: resyncs, then backfills, then audits) and a mass reconnect cannot trip a 429. Failed
 * calls are counted by endpoint and kind ({@code connector.rest.errors}): a {@code rate_limited}
 * count above zero means the pacing settings are above what the venue allows this IP.
 */
public final class BinanceRest {

  /** Most items one {@code aggTrades} call returns. */
  public static final int AGG_TRADES_PAGE = 1000;

  private final BinanceMarket market;
  private final RestClient rest;
  private final WeightPacedScheduler scheduler;
  private final MeterRegistry meters;
  private final String venueId;

  public BinanceRest(
      BinanceMarket market,
      RestClient rest,
      WeightPacedScheduler scheduler,
      MeterRegistry meters,
      String venueId) {
    this.market = market;
    this.rest = rest;
    this.scheduler = scheduler;
    this.meters = meters;
    this.venueId = venueId;
  }

  /**
   * A depth snapshot of {@code limit} levels. Requests for the same book and purpose that are still
   * queued share one call.
   */
  public CompletableFuture<DepthSnapshot> depth(String nativeSymbol, int limit, Priority priority) {
    String path = market.depthPath(nativeSymbol, limit);
    String key = (priority == Priority.AUDIT ? "audit " : "depth ") + path;
    return scheduler.submit(
        key,
        market.depthWeight(limit),
        priority,
        counted("depth", () -> BinanceWire.readObject(get(path), DepthSnapshot::read)));
  }

  /** Up to {@link #AGG_TRADES_PAGE} aggregate trades from {@code fromId} on, oldest first. */
  public CompletableFuture<List<AggTradeEvent>> aggTrades(String nativeSymbol, long fromId) {
    String path = market.aggTradesPath(nativeSymbol, fromId, AGG_TRADES_PAGE);
    return scheduler.submit(
        "aggTrades " + path,
        market.aggTradesWeight(),
        Priority.BACKFILL,
        counted("aggTrades", () -> BinanceWire.readArray(get(path), AggTradeEvent::readRestItem)));
  }

  /** The market's symbols with their base and quote assets. */
  public CompletableFuture<ExchangeInfo> exchangeInfo() {
    String path = market.exchangeInfoPath();
    return scheduler.submit(
        "exchangeInfo",
        market.exchangeInfoWeight(),
        Priority.RESYNC,
        counted("exchangeInfo", () -> ExchangeInfo.read(get(path))));
  }

  private byte[] get(String path) throws Exception {
    return rest.get(path, BinanceErrors.REST).body();
  }

  private <T> Callable<T> counted(String endpoint, Callable<T> call) {
    return () -> {
      try {
        return call.call();
      } catch (Exception e) {
        Counter.builder("connector.rest.errors")
            .description("Failed REST calls to the venue, by endpoint and kind")
            .tags("venue", venueId, "endpoint", endpoint, "kind", kind(e))
            .register(meters)
            .increment();
        throw e;
      }
    };
  }

  private static String kind(Exception e) {
    if (e instanceof VenueException.RateLimited) {
      return "rate_limited";
    } else if (e instanceof VenueException.Unavailable) {
      return "unavailable";
    } else if (e instanceof VenueException.Unauthorized) {
      return "unauthorized";
    } else if (e instanceof VenueException.Rejected) {
      return "rejected";
    } else if (e instanceof java.io.IOException) {
      return "io";
    }
    return "unreadable";
  }
}

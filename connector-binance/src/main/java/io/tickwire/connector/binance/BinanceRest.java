package io.tickwire.connector.binance;

import io.tickwire.connector.binance.wire.AggTradeEvent;
import io.tickwire.connector.binance.wire.BinanceWire;
import io.tickwire.connector.binance.wire.DepthSnapshot;
import io.tickwire.connector.binance.wire.ExchangeInfo;
import io.tickwire.connector.pace.WeightPacedScheduler;
import io.tickwire.connector.pace.WeightPacedScheduler.Priority;
import io.tickwire.connector.rest.RestClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The REST calls of one Binance market, each through the venue's weight-paced scheduler with its
 * documented request weight, so snapshots, backfills and audits of all books share one budget
 * (priority: resyncs, then backfills, then audits) and a mass reconnect cannot trip a 429.
 */
public final class BinanceRest {

  /** Most items one {@code aggTrades} call returns. */
  public static final int AGG_TRADES_PAGE = 1000;

  private final BinanceMarket market;
  private final RestClient rest;
  private final WeightPacedScheduler scheduler;

  public BinanceRest(BinanceMarket market, RestClient rest, WeightPacedScheduler scheduler) {
    this.market = market;
    this.rest = rest;
    this.scheduler = scheduler;
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
        () ->
            BinanceWire.readObject(rest.get(path, BinanceErrors.REST).body(), DepthSnapshot::read));
  }

  /** Up to {@link #AGG_TRADES_PAGE} aggregate trades from {@code fromId} on, oldest first. */
  public CompletableFuture<List<AggTradeEvent>> aggTrades(String nativeSymbol, long fromId) {
    String path = market.aggTradesPath(nativeSymbol, fromId, AGG_TRADES_PAGE);
    return scheduler.submit(
        "aggTrades " + path,
        market.aggTradesWeight(),
        Priority.BACKFILL,
        () ->
            BinanceWire.readArray(
                rest.get(path, BinanceErrors.REST).body(), AggTradeEvent::readRestItem));
  }

  /** The market's symbols with their base and quote assets. */
  public CompletableFuture<ExchangeInfo> exchangeInfo() {
    String path = market.exchangeInfoPath();
    return scheduler.submit(
        "exchangeInfo",
        market.exchangeInfoWeight(),
        Priority.RESYNC,
        () -> ExchangeInfo.read(rest.get(path, BinanceErrors.REST).body()));
  }
}

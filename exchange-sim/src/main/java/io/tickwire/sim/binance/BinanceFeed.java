package io.tickwire.sim.binance;

import io.tickwire.model.Venue;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.model.AggTrade;
import io.tickwire.sim.model.Candle;
import io.tickwire.sim.model.CandleSeries;
import io.tickwire.sim.model.DepthAccumulator;
import io.tickwire.sim.model.Liquidation;
import io.tickwire.sim.model.MarketSink;
import io.tickwire.sim.model.RollingStats;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.server.FaultState;
import io.tickwire.sim.server.StreamHub;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns what the market does into Binance stream events for every stream that has a subscriber:
 * real-time streams (trade, aggTrade, bookTicker, forceOrder) as things happen, the others on their
 * cadence in simulated time (diff depth per speed, partial depth, klines every 1 or 2 s and at the
 * close, tickers every second, mark price every 3 or 1 s). Runs on the market thread.
 */
public final class BinanceFeed implements MarketSink {

  private static final int[] PARTIAL_LEVELS = {5, 10, 20};

  /** Stream names of one instrument, built once. */
  private static final class Names {
    final String trade;
    final String aggTrade;
    final String bookTicker;
    final String ticker;
    final String miniTicker;
    final String markPrice;
    final String markPrice1s;
    final String forceOrder;
    final String depthPrefix;
    final String klinePrefix;
    final BinanceFormat format;
    long pushedTrades = -1;

    Names(SimInstrument i) {
      String s = i.symbol().toLowerCase(Locale.ROOT);
      trade = s + "@trade";
      aggTrade = s + "@aggTrade";
      bookTicker = s + "@bookTicker";
      ticker = s + "@ticker";
      miniTicker = s + "@miniTicker";
      markPrice = s + "@markPrice";
      markPrice1s = s + "@markPrice@1s";
      forceOrder = s + "@forceOrder";
      depthPrefix = s + "@depth";
      klinePrefix = s + "@kline_";
      format = new BinanceFormat(i);
    }
  }

  private final StreamHub hub;
  private final FaultState faults;
  private final Map<SimInstrument, Names> names = new HashMap<>();

  /** USD-M partial depth streams chain their own [U, u] and {@code pu}: the last u per stream. */
  private final Map<String, Long> partialLastId = new HashMap<>();

  public BinanceFeed(StreamHub hub, FaultState faults) {
    this.hub = hub;
    this.faults = faults;
  }

  private Names names(SimInstrument i) {
    return names.computeIfAbsent(i, Names::new);
  }

  private void publish(SimInstrument i, String stream, Json payload, boolean depthDiff) {
    publish(i, stream, payload.bytes(), depthDiff);
  }

  private void publish(SimInstrument i, String stream, byte[] payload, boolean depthDiff) {
    byte[] bytes = payload;
    if (faults.takeMalformed(i.venue(), stream)) {
      bytes = java.util.Arrays.copyOf(payload, payload.length / 2);
    }
    hub.publish(i.venue(), stream, new BinanceFrame(stream, i.symbol(), bytes, depthDiff));
  }

  private static boolean binance(SimInstrument i) {
    return i.venue() != Venue.UPBIT;
  }

  @Override
  public void trade(SimInstrument i, AggTrade t) {
    if (!binance(i) || hub.modelMuted()) {
      return;
    }
    Names n = names(i);
    if (hub.has(i.venue(), n.trade)) {
      for (int k = 0; k < t.tradeQty().length; k++) {
        publish(i, n.trade, BinancePayloads.trade(i, n.format, t, k), false);
      }
    }
    if (hub.has(i.venue(), n.aggTrade)) {
      publish(i, n.aggTrade, BinancePayloads.aggTrade(i, n.format, t), false);
    }
  }

  @Override
  public void bestChanged(SimInstrument i, long time) {
    if (!binance(i) || hub.modelMuted()) {
      return;
    }
    Names n = names(i);
    String all = i.venue() == Venue.BINANCE_USDM ? "!bookTicker" : null;
    publishTo(i, n.bookTicker, all, () -> BinancePayloads.bookTicker(i, n.format, time));
  }

  /** One payload for a symbol's stream and its all-market stream (null: none), if subscribed. */
  private void publishTo(SimInstrument i, String one, String all, Supplier<Json> payload) {
    boolean toOne = hub.has(i.venue(), one);
    boolean toAll = all != null && hub.has(i.venue(), all);
    if (toOne || toAll) {
      byte[] bytes = payload.get().bytes();
      if (toOne) {
        publish(i, one, bytes, false);
      }
      if (toAll) {
        publish(i, all, bytes, false);
      }
    }
  }

  @Override
  public void liquidation(SimInstrument i, Liquidation l) {
    if (hub.modelMuted()) {
      return;
    }
    Names n = names(i);
    publishTo(i, n.forceOrder, "!forceOrder@arr", () -> BinancePayloads.forceOrder(i, n.format, l));
  }

  @Override
  public void stepEnd(SimInstrument i, long time, long step) {
    if (!binance(i)) {
      return;
    }
    Names n = names(i);
    boolean usdm = i.venue() == Venue.BINANCE_USDM;
    long[] cadences = usdm ? new long[] {100, 250, 500} : new long[] {100, 1000};
    for (long cadence : cadences) {
      DepthAccumulator acc = i.depth(cadence);
      if (!acc.due(time, step)) {
        continue;
      }
      DepthAccumulator.Diff diff = i.takeDepth(cadence);
      if (hub.modelMuted()) {
        continue;
      }
      if (diff != null && !faults.takeDroppedDepth(i.venue(), i.symbol())) {
        byte[] payload = null;
        for (String name : depthNames(n.depthPrefix, cadence, usdm)) {
          if (hub.has(i.venue(), name)) {
            if (payload == null) {
              payload = BinancePayloads.depthUpdate(i, n.format, diff, time).bytes();
            }
            publish(i, name, payload, true);
          }
        }
      }
      for (int levels : PARTIAL_LEVELS) {
        for (String name : depthNames(n.depthPrefix + levels, cadence, usdm)) {
          if (hub.has(i.venue(), name)) {
            publish(i, name, partial(i, n, name, levels, time, usdm), false);
          }
        }
      }
    }
    if (hub.modelMuted()) {
      return;
    }
    klines(i, n, time, step, usdm);
    if (due(time, step, 1000)) {
      boolean ticker = hub.has(i.venue(), n.ticker);
      boolean mini = hub.has(i.venue(), n.miniTicker);
      if (ticker || mini) {
        RollingStats.Window w = i.rolling().window(time);
        if (ticker) {
          publish(i, n.ticker, BinancePayloads.ticker(i, n.format, w, time), false);
        }
        if (mini) {
          publish(i, n.miniTicker, BinancePayloads.miniTicker(i, n.format, w, time), false);
        }
      }
    }
    if (usdm) {
      if (due(time, step, 3000) && hub.has(i.venue(), n.markPrice)) {
        publish(i, n.markPrice, BinancePayloads.markPrice(i, time), false);
      }
      if (due(time, step, 1000) && hub.has(i.venue(), n.markPrice1s)) {
        publish(i, n.markPrice1s, BinancePayloads.markPrice(i, time), false);
      }
    }
  }

  /** Stream names a diff (or partial) depth of this cadence goes to; the default speed has two. */
  private static List<String> depthNames(String prefix, long cadence, boolean usdm) {
    long defaultSpeed = usdm ? 250 : 1000;
    if (cadence == defaultSpeed) {
      return usdm ? List.of(prefix, prefix + "@250ms") : List.of(prefix, prefix + "@1000ms");
    }
    return List.of(prefix + "@" + cadence + "ms");
  }

  private byte[] partial(
      SimInstrument i, Names n, String name, int levels, long time, boolean usdm) {
    if (!usdm) {
      return BinancePayloads.partialDepth(i, n.format, levels).bytes();
    }
    long current = i.book().updateId();
    Long previous = partialLastId.put(name, current);
    long pu = previous == null ? current : previous;
    long first = pu < current ? pu + 1 : current;
    return BinancePayloads.partialDepthUsdm(i, n.format, levels, first, pu, time).bytes();
  }

  private void klines(SimInstrument i, Names n, long time, long step, boolean usdm) {
    for (Candle c : i.closedThisStep()) {
      String name = n.klinePrefix + c.interval.name();
      if (hub.has(i.venue(), name)) {
        publish(i, name, BinancePayloads.kline(i, n.format, c, time), false);
      }
    }
    for (CandleSeries s : i.candles()) {
      String interval = s.interval().name();
      long every = usdm ? 250 : interval.equals("1s") ? 1000 : 2000;
      if (!due(time, step, every)) {
        continue;
      }
      String name = n.klinePrefix + interval;
      if (hub.has(i.venue(), name)) {
        publish(i, name, BinancePayloads.kline(i, n.format, s.current(), time), false);
      }
    }
  }

  @Override
  public void allStepped(List<SimInstrument> instruments, long time, long step) {
    if (hub.modelMuted()) {
      return;
    }
    for (Venue venue : new Venue[] {Venue.BINANCE_SPOT, Venue.BINANCE_USDM}) {
      if (due(time, step, 1000) && hub.has(venue, "!miniTicker@arr")) {
        Json arr = Json.array();
        for (SimInstrument i : instruments) {
          Names n = names(i);
          long trades = i.lastTradeId();
          if (i.venue() == venue && trades != n.pushedTrades) {
            n.pushedTrades = trades;
            arr.raw(
                BinancePayloads.miniTicker(i, n.format, i.rolling().window(time), time).toString());
          }
        }
        hub.publish(
            venue,
            "!miniTicker@arr",
            new BinanceFrame("!miniTicker@arr", null, arr.end().bytes(), false));
      }
    }
    Venue usdm = Venue.BINANCE_USDM;
    if (due(time, step, 1000) && hub.has(usdm, "!ticker@arr")) {
      Json arr = Json.array();
      for (SimInstrument i : instruments) {
        if (i.venue() == usdm) {
          arr.raw(
              BinancePayloads.ticker(i, names(i).format, i.rolling().window(time), time)
                  .toString());
        }
      }
      hub.publish(
          usdm, "!ticker@arr", new BinanceFrame("!ticker@arr", null, arr.end().bytes(), false));
    }
    for (String name : new String[] {"!markPrice@arr", "!markPrice@arr@1s"}) {
      long every = name.endsWith("1s") ? 1000 : 3000;
      if (due(time, step, every) && hub.has(usdm, name)) {
        Json arr = Json.array();
        for (SimInstrument i : instruments) {
          if (i.venue() == usdm) {
            arr.raw(BinancePayloads.markPrice(i, time).toString());
          }
        }
        hub.publish(usdm, name, new BinanceFrame(name, null, arr.end().bytes(), false));
      }
    }
  }

  static boolean due(long time, long step, long every) {
    return Math.floorDiv(time, every) != Math.floorDiv(time - step, every);
  }
}

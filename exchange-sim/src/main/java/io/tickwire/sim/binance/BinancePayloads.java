package io.tickwire.sim.binance;

import io.tickwire.model.Venue;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.model.AggTrade;
import io.tickwire.sim.model.Candle;
import io.tickwire.sim.model.DepthAccumulator;
import io.tickwire.sim.model.Liquidation;
import io.tickwire.sim.model.OrderBook;
import io.tickwire.sim.model.RollingStats;
import io.tickwire.sim.model.SimInstrument;
import java.util.List;

/**
 * The payloads of Binance market streams and REST snapshots, byte for byte as the venue writes
 * them: key order, decimal strings, and the keys a stream leaves out ({@code bookTicker} and
 * partial depth have no {@code e}; spot {@code bookTicker} has no {@code E}; USD-M {@code aggTrade}
 * has no {@code M}). Runs on the market thread.
 */
final class BinancePayloads {

  private BinancePayloads() {}

  private static boolean usdm(SimInstrument i) {
    return i.venue() == Venue.BINANCE_USDM;
  }

  static Json trade(SimInstrument i, BinanceFormat f, AggTrade t, int index) {
    Json j =
        Json.object()
            .str("e", "trade")
            .num("E", t.eventTime())
            .str("s", i.symbol())
            .num("t", t.firstTradeId() + index)
            .str("p", f.price(t.fill().price()))
            .str("q", f.qty(t.tradeQty()[index]))
            .num("T", t.fill().time())
            .bool("m", t.fill().buyerMaker());
    if (!usdm(i)) {
      j.bool("M", true);
    }
    return j.end();
  }

  static Json aggTrade(SimInstrument i, BinanceFormat f, AggTrade t) {
    Json j =
        Json.object()
            .str("e", "aggTrade")
            .num("E", t.eventTime())
            .str("s", i.symbol())
            .num("a", t.aggId())
            .str("p", f.price(t.fill().price()))
            .str("q", f.qty(t.fill().qty()))
            .num("f", t.firstTradeId())
            .num("l", t.lastTradeId())
            .num("T", t.fill().time())
            .bool("m", t.fill().buyerMaker());
    if (!usdm(i)) {
      j.bool("M", true);
    }
    return j.end();
  }

  static Json kline(SimInstrument i, BinanceFormat f, Candle c, long eventTime) {
    Json j = Json.object().str("e", "kline").num("E", eventTime).str("s", i.symbol());
    j.beginObject("k");
    klineBody(j, i, f, c);
    return j.end().end();
  }

  private static void klineBody(Json j, SimInstrument i, BinanceFormat f, Candle c) {
    j.num("t", c.openTime)
        .num("T", c.closeTime)
        .str("s", i.symbol())
        .str("i", c.interval.name())
        .num("f", c.firstTradeId)
        .num("L", c.lastTradeId)
        .str("o", f.price(c.open))
        .str("c", f.price(c.close))
        .str("h", f.price(c.high))
        .str("l", f.price(c.low))
        .str("v", f.qty(c.volume))
        .num("n", c.trades)
        .bool("x", c.closed)
        .str("q", f.quote(c.quoteVolume))
        .str("V", f.qty(c.takerBuyVolume))
        .str("Q", f.quote(c.takerBuyQuote))
        .str("B", "0");
  }

  /** A kline as REST {@code /klines} lists it: an array of mostly strings. */
  static Json klineRow(SimInstrument i, BinanceFormat f, Candle c) {
    return Json.array()
        .num(c.openTime)
        .str(f.price(c.open))
        .str(f.price(c.high))
        .str(f.price(c.low))
        .str(f.price(c.close))
        .str(f.qty(c.volume))
        .num(c.closeTime)
        .str(f.quote(c.quoteVolume))
        .num(c.trades)
        .str(f.qty(c.takerBuyVolume))
        .str(f.quote(c.takerBuyQuote))
        .str("0")
        .end();
  }

  static Json ticker(SimInstrument i, BinanceFormat f, RollingStats.Window w, long eventTime) {
    OrderBook book = i.book();
    Json j =
        Json.object()
            .str("e", "24hrTicker")
            .num("E", eventTime)
            .str("s", i.symbol())
            .str("p", f.change(w.open(), w.last()))
            .str("P", BinanceFormat.percent(w.open(), w.last()))
            .str("w", f.weightedAverage(w.quote(), w.volume(), w.last()));
    if (!usdm(i)) {
      j.str("x", f.price(w.priceBefore()));
    }
    j.str("c", f.price(w.last())).str("Q", f.qty(i.lastTradeQty()));
    if (!usdm(i)) {
      long bid = book.best(true) == null ? 0 : book.best(true);
      long ask = book.best(false) == null ? 0 : book.best(false);
      j.str("b", f.price(bid))
          .str("B", f.qty(book.qty(true, bid)))
          .str("a", f.price(ask))
          .str("A", f.qty(book.qty(false, ask)));
    }
    return j.str("o", f.price(w.open()))
        .str("h", f.price(w.high()))
        .str("l", f.price(w.low()))
        .str("v", f.qty(w.volume()))
        .str("q", f.quote(w.quote()))
        .num("O", w.openTime())
        .num("C", w.closeTime())
        .num("F", w.firstId())
        .num("L", w.lastId())
        .num("n", w.count())
        .end();
  }

  static Json miniTicker(SimInstrument i, BinanceFormat f, RollingStats.Window w, long eventTime) {
    return Json.object()
        .str("e", "24hrMiniTicker")
        .num("E", eventTime)
        .str("s", i.symbol())
        .str("c", f.price(w.last()))
        .str("o", f.price(w.open()))
        .str("h", f.price(w.high()))
        .str("l", f.price(w.low()))
        .str("v", f.qty(w.volume()))
        .str("q", f.quote(w.quote()))
        .end();
  }

  static Json bookTicker(SimInstrument i, BinanceFormat f, long eventTime) {
    OrderBook book = i.book();
    long bid = book.best(true) == null ? 0 : book.best(true);
    long ask = book.best(false) == null ? 0 : book.best(false);
    Json j = Json.object();
    if (usdm(i)) {
      j.str("e", "bookTicker").num("u", book.updateId()).num("E", eventTime).num("T", eventTime);
    } else {
      j.num("u", book.updateId());
    }
    return j.str("s", i.symbol())
        .str("b", f.price(bid))
        .str("B", f.qty(book.qty(true, bid)))
        .str("a", f.price(ask))
        .str("A", f.qty(book.qty(false, ask)))
        .end();
  }

  static Json depthUpdate(
      SimInstrument i, BinanceFormat f, DepthAccumulator.Diff d, long eventTime) {
    Json j = Json.object().str("e", "depthUpdate").num("E", eventTime);
    if (usdm(i)) {
      j.num("T", eventTime);
    }
    j.str("s", i.symbol()).num("U", d.firstId()).num("u", d.lastId());
    if (usdm(i)) {
      j.num("pu", d.previousLastId());
    }
    levels(j.beginArray("b"), f, d.bids());
    levels(j.beginArray("a"), f, d.asks());
    return j.end();
  }

  /** Spot partial depth: no event type, no symbol. */
  static Json partialDepth(SimInstrument i, BinanceFormat f, int levels) {
    Json j = Json.object().num("lastUpdateId", i.book().updateId());
    levels(j.beginArray("bids"), f, i.book().top(true, levels));
    levels(j.beginArray("asks"), f, i.book().top(false, levels));
    return j.end();
  }

  /** USD-M partial depth: the diff-depth shape carrying the top levels. */
  static Json partialDepthUsdm(
      SimInstrument i, BinanceFormat f, int levels, long first, long previous, long eventTime) {
    Json j =
        Json.object()
            .str("e", "depthUpdate")
            .num("E", eventTime)
            .num("T", eventTime)
            .str("s", i.symbol())
            .num("U", first)
            .num("u", i.book().updateId())
            .num("pu", previous);
    levels(j.beginArray("b"), f, i.book().top(true, levels));
    levels(j.beginArray("a"), f, i.book().top(false, levels));
    return j.end();
  }

  /** The REST depth snapshot; USD-M adds {@code E} and {@code T}. */
  static Json depthSnapshot(SimInstrument i, BinanceFormat f, int limit, long time) {
    Json j = Json.object().num("lastUpdateId", i.book().updateId());
    if (usdm(i)) {
      j.num("E", time).num("T", time);
    }
    levels(j.beginArray("bids"), f, i.book().top(true, limit));
    levels(j.beginArray("asks"), f, i.book().top(false, limit));
    return j.end();
  }

  private static void levels(Json j, BinanceFormat f, List<OrderBook.Level> levels) {
    for (OrderBook.Level l : levels) {
      j.beginArray().str(f.price(l.price())).str(f.qty(l.qty())).end();
    }
    j.end();
  }

  static Json markPrice(SimInstrument i, long eventTime) {
    return Json.object()
        .str("e", "markPriceUpdate")
        .num("E", eventTime)
        .str("s", i.symbol())
        .str("p", BinanceFormat.scaled8(i.markScaled()))
        .str("i", BinanceFormat.scaled8(i.indexScaled()))
        .str("P", BinanceFormat.scaled8(i.settleScaled()))
        .str("r", BinanceFormat.scaled8(i.fundingScaled()))
        .num("T", SimInstrument.nextFundingTime(eventTime))
        .end();
  }

  static Json forceOrder(SimInstrument i, BinanceFormat f, Liquidation l) {
    Json j = Json.object().str("e", "forceOrder").num("E", l.time());
    j.beginObject("o")
        .str("s", i.symbol())
        .str("S", l.buy() ? "BUY" : "SELL")
        .str("o", "LIMIT")
        .str("f", "IOC")
        .str("q", f.qty(l.qty()))
        .str("p", f.price(l.price()))
        .str("ap", BinanceFormat.scaled8(l.avgPriceScaled()))
        .str("X", "FILLED")
        .str("l", f.qty(l.lastQty()))
        .str("z", f.qty(l.qty()))
        .num("T", l.time())
        .end();
    return j.end();
  }

  /** An aggregate trade as REST {@code /aggTrades} lists it. */
  static void aggTradeRow(
      Json j, BinanceFormat f, io.tickwire.sim.model.TradeTape.Entry e, boolean usdm) {
    j.beginObject()
        .num("a", e.id())
        .str("p", f.price(e.price()))
        .str("q", f.qty(e.qty()))
        .num("f", e.firstTradeId())
        .num("l", e.lastTradeId())
        .num("T", e.time())
        .bool("m", e.buyerMaker());
    if (!usdm) {
      j.bool("M", true);
    }
    j.end();
  }
}

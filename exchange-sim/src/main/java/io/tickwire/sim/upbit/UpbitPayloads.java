package io.tickwire.sim.upbit;

import io.tickwire.sim.SimConfig;
import io.tickwire.sim.model.AggTrade;
import io.tickwire.sim.model.Candle;
import io.tickwire.sim.model.DayStats;
import io.tickwire.sim.model.OrderBook;
import io.tickwire.sim.model.RollingStats;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.model.TradeTape;
import io.tickwire.sim.model.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Upbit's WebSocket payloads in DEFAULT and SIMPLE form: ticker, trade, orderbook and candle, with
 * Upbit's number style (JSON numbers, not strings) and its two date styles ({@code yyyyMMdd} in
 * tickers, {@code yyyy-MM-dd} in trades). Runs on the market thread.
 */
final class UpbitPayloads {

  private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter COMPACT_TIME = DateTimeFormatter.ofPattern("HHmmss");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter CANDLE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final ZoneOffset KST = ZoneOffset.ofHours(9);

  private final SimConfig.UpbitNumbers numbers;

  UpbitPayloads(SimConfig.UpbitNumbers numbers) {
    this.numbers = numbers;
  }

  /** A price or volume as an Upbit JSON number. */
  String num(long units, int decimals) {
    if (numbers == SimConfig.UpbitNumbers.SCIENTIFIC) {
      return Double.toString(units / (double) Units.pow10(decimals));
    }
    return Units.plain(units, decimals);
  }

  String num(BigDecimal value) {
    if (numbers == SimConfig.UpbitNumbers.SCIENTIFIC) {
      return Double.toString(value.doubleValue());
    }
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  static String format(DateTimeFormatter f, long time, ZoneOffset zone) {
    return f.format(Instant.ofEpochMilli(time).atOffset(zone));
  }

  private static String change(long from, long to) {
    return to > from ? "RISE" : to < from ? "FALL" : "EVEN";
  }

  private static BigDecimal rate(long from, long to) {
    if (from == 0) {
      return BigDecimal.ZERO;
    }
    return BigDecimal.valueOf(to - from).divide(BigDecimal.valueOf(from), 10, RoundingMode.HALF_UP);
  }

  UpbitMessage trade(SimInstrument i, AggTrade t, String streamType) {
    return trade(
        i,
        t.fill().price(),
        t.fill().qty(),
        t.fill().time(),
        t.eventTime(),
        t.fill().buyerMaker(),
        t.sequentialId(),
        i.day().prevClose,
        streamType);
  }

  /** The last trade from the tape, for a subscription's snapshot. */
  UpbitMessage trade(SimInstrument i, TradeTape.Entry e, String streamType) {
    return trade(
        i,
        e.price(),
        e.qty(),
        e.time(),
        e.time(),
        e.buyerMaker(),
        e.firstTradeId(),
        e.reference(),
        streamType);
  }

  private UpbitMessage trade(
      SimInstrument i,
      long price,
      long qty,
      long time,
      long eventTime,
      boolean buyerMaker,
      long sequentialId,
      long prev,
      String streamType) {
    int pd = i.priceDecimals();
    int qd = i.qtyDecimals();
    OrderBook book = i.book();
    long ask = book.best(false) == null ? 0 : book.best(false);
    long bid = book.best(true) == null ? 0 : book.best(true);
    return new UpbitMessage.Builder("trade:" + i.symbol(), i.symbol())
        .str("type", "ty", "trade")
        .str("code", "cd", i.symbol())
        .num("timestamp", "tms", eventTime)
        .str("trade_date", "td", format(DATE, time, ZoneOffset.UTC))
        .str("trade_time", "ttm", format(TIME, time, ZoneOffset.UTC))
        .num("trade_timestamp", "ttms", time)
        .raw("trade_price", "tp", num(price, pd))
        .raw("trade_volume", "tv", num(qty, qd))
        .str("ask_bid", "ab", buyerMaker ? "ASK" : "BID")
        .raw("prev_closing_price", "pcp", num(prev, pd))
        .str("change", "c", change(prev, price))
        .raw("change_price", "cp", num(Math.abs(price - prev), pd))
        .num("sequential_id", "sid", sequentialId)
        .raw("best_ask_price", "bap", num(ask, pd))
        .raw("best_ask_size", "bas", num(book.qty(false, ask), qd))
        .raw("best_bid_price", "bbp", num(bid, pd))
        .raw("best_bid_size", "bbs", num(book.qty(true, bid), qd))
        .str("stream_type", "st", streamType)
        .build();
  }

  UpbitMessage ticker(SimInstrument i, long time, String streamType) {
    int pd = i.priceDecimals();
    int qd = i.qtyDecimals();
    DayStats d = i.day();
    RollingStats.Window w = i.rolling().window(time);
    long last = d.last;
    long tradeTime = i.lastTradeTime() > 0 ? i.lastTradeTime() : time;
    BigDecimal rate = rate(d.prevClose, last);
    return new UpbitMessage.Builder("ticker:" + i.symbol(), i.symbol())
        .str("type", "ty", "ticker")
        .str("code", "cd", i.symbol())
        .raw("opening_price", "op", num(d.open, pd))
        .raw("high_price", "hp", num(d.high, pd))
        .raw("low_price", "lp", num(d.low, pd))
        .raw("trade_price", "tp", num(last, pd))
        .raw("prev_closing_price", "pcp", num(d.prevClose, pd))
        .str("change", "c", change(d.prevClose, last))
        .raw("change_price", "cp", num(Math.abs(last - d.prevClose), pd))
        .raw("signed_change_price", "scp", num(last - d.prevClose, pd))
        .raw("change_rate", "cr", num(rate.abs()))
        .raw("signed_change_rate", "scr", num(rate))
        .raw("trade_volume", "tv", num(i.lastTradeQty(), qd))
        .raw("acc_trade_volume", "atv", num(d.volume, qd))
        .raw("acc_trade_volume_24h", "atv24h", num(w.volume(), qd))
        .raw("acc_trade_price", "atp", num(d.value))
        .raw("acc_trade_price_24h", "atp24h", num(w.quote()))
        .str("trade_date", "tdt", format(COMPACT_DATE, tradeTime, ZoneOffset.UTC))
        .str("trade_time", "ttm", format(COMPACT_TIME, tradeTime, ZoneOffset.UTC))
        .num("trade_timestamp", "ttms", tradeTime)
        .str("ask_bid", "ab", d.askVolume > d.bidVolume ? "ASK" : "BID")
        .raw("acc_ask_volume", "aav", num(d.askVolume, qd))
        .raw("acc_bid_volume", "abv", num(d.bidVolume, qd))
        .raw("highest_52_week_price", "h52wp", num(d.highest, pd))
        .str("highest_52_week_date", "h52wdt", format(DATE, d.highestTime, ZoneOffset.UTC))
        .raw("lowest_52_week_price", "l52wp", num(d.lowest, pd))
        .str("lowest_52_week_date", "l52wdt", format(DATE, d.lowestTime, ZoneOffset.UTC))
        .str("market_state", "ms", "ACTIVE")
        .raw("delisting_date", "dd", "null")
        .str("market_warning", "mw", "NONE")
        .num("timestamp", "tms", time)
        .str("stream_type", "st", streamType)
        .build();
  }

  /** Top {@code size} levels, grouped by {@code level} price units when it is not 0. */
  UpbitMessage orderbook(
      SimInstrument i, String stream, int size, long level, long time, String streamType) {
    int pd = i.priceDecimals();
    int qd = i.qtyDecimals();
    List<long[]> bids = grouped(i.book(), true, size, level);
    List<long[]> asks = grouped(i.book(), false, size, level);
    long totalAsk = 0;
    long totalBid = 0;
    StringBuilder full = new StringBuilder("[");
    StringBuilder simple = new StringBuilder("[");
    int n = Math.max(bids.size(), asks.size());
    for (int k = 0; k < n; k++) {
      long[] a = k < asks.size() ? asks.get(k) : new long[] {0, 0};
      long[] b = k < bids.size() ? bids.get(k) : new long[] {0, 0};
      totalAsk += a[1];
      totalBid += b[1];
      if (k > 0) {
        full.append(',');
        simple.append(',');
      }
      String ap = num(a[0], pd);
      String bp = num(b[0], pd);
      String as = num(a[1], qd);
      String bs = num(b[1], qd);
      full.append("{\"ask_price\":")
          .append(ap)
          .append(",\"bid_price\":")
          .append(bp)
          .append(",\"ask_size\":")
          .append(as)
          .append(",\"bid_size\":")
          .append(bs)
          .append('}');
      simple
          .append("{\"ap\":")
          .append(ap)
          .append(",\"bp\":")
          .append(bp)
          .append(",\"as\":")
          .append(as)
          .append(",\"bs\":")
          .append(bs)
          .append('}');
    }
    full.append(']');
    simple.append(']');
    return new UpbitMessage.Builder(stream, i.symbol())
        .str("type", "ty", "orderbook")
        .str("code", "cd", i.symbol())
        .num("timestamp", "tms", time)
        .raw("total_ask_size", "tas", num(totalAsk, qd))
        .raw("total_bid_size", "tbs", num(totalBid, qd))
        .raw("orderbook_units", "obu", full.toString(), simple.toString())
        .raw("level", "lv", level == 0 ? "0" : num(level, pd))
        .str("stream_type", "st", streamType)
        .build();
  }

  static List<long[]> grouped(OrderBook book, boolean bid, int size, long level) {
    if (level == 0) {
      List<long[]> out = new ArrayList<>();
      for (OrderBook.Level l : book.top(bid, size)) {
        out.add(new long[] {l.price(), l.qty()});
      }
      return out;
    }
    Map<Long, Long> groups =
        bid ? new TreeMap<>(java.util.Collections.reverseOrder()) : new TreeMap<>();
    for (Map.Entry<Long, Long> e : book.side(bid).entrySet()) {
      long p = e.getKey();
      long bucket = bid ? Math.floorDiv(p, level) * level : -Math.floorDiv(-p, level) * level;
      if (!groups.containsKey(bucket) && groups.size() == size) {
        break;
      }
      groups.merge(bucket, e.getValue(), Long::sum);
    }
    List<long[]> out = new ArrayList<>();
    groups.forEach((p, q) -> out.add(new long[] {p, q}));
    return out;
  }

  UpbitMessage candle(SimInstrument i, String type, Candle c, String streamType) {
    int pd = i.priceDecimals();
    int qd = i.qtyDecimals();
    return new UpbitMessage.Builder(type + ":" + i.symbol(), i.symbol())
        .str("type", "ty", type)
        .str("code", "cd", i.symbol())
        .str("candle_date_time_utc", "cdttmu", format(CANDLE, c.openTime, ZoneOffset.UTC))
        .str("candle_date_time_kst", "cdttmk", format(CANDLE, c.openTime, KST))
        .raw("opening_price", "op", num(c.open, pd))
        .raw("high_price", "hp", num(c.high, pd))
        .raw("low_price", "lp", num(c.low, pd))
        .raw("trade_price", "tp", num(c.close, pd))
        .raw("candle_acc_trade_volume", "catv", num(c.volume, qd))
        .raw("candle_acc_trade_price", "catp", num(c.quoteVolume))
        .num("timestamp", "tms", c.lastTradeTime)
        .str("stream_type", "st", streamType)
        .build();
  }
}

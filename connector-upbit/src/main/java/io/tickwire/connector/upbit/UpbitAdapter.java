package io.tickwire.connector.upbit;

import static io.tickwire.connector.upbit.UpbitDecimals.plain;
import static io.tickwire.connector.upbit.UpbitDecimals.plainOrNull;

import io.tickwire.connector.upbit.wire.UpbitCandle;
import io.tickwire.connector.upbit.wire.UpbitOrderbook;
import io.tickwire.connector.upbit.wire.UpbitTick;
import io.tickwire.connector.upbit.wire.UpbitTicker;
import io.tickwire.connector.upbit.wire.UpbitTrade;
import io.tickwire.model.BookEvent;
import io.tickwire.model.Kline;
import io.tickwire.model.Level;
import io.tickwire.model.Side;
import io.tickwire.model.Ticker;
import io.tickwire.model.Trade;
import io.tickwire.model.UpbitSymbols;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The pure adapter from Upbit's wire records to the normalized events: symbols turned base first
 * ({@code KRW-BTC} is {@code BTC-KRW}), numbers as plain decimal strings of the venue's own text,
 * both date/time styles, {@code ask_bid} as the taker's side (ASK: a seller took the bid, so the
 * taker sold). Every method is a function of its arguments; missing or malformed fields throw
 * {@link IllegalArgumentException} naming the field (the frame then goes to the dead letters).
 */
public final class UpbitAdapter {

  private UpbitAdapter() {}

  /**
   * A {@code ticker}: the UTC day's open/high/low, the rolling 24 h volumes, the change against the
   * previous close; {@code closeTime} is the last trade's time. Upbit's ticker has no best bid/ask.
   */
  public static Ticker ticker(String venue, UpbitTicker t, long receivedAt) {
    String code = code(t.code());
    String change = plainOrNull("signed_change_price", t.signedChangePrice());
    String changePercent =
        t.signedChangeRate() == null
            ? null
            : UpbitDecimals.percent("signed_change_rate", t.signedChangeRate());
    return new Ticker(
        venue,
        UpbitSymbols.INSTANCE.toCanonical(code),
        code,
        Ticker.Kind.FULL,
        plain("opening_price", t.openingPrice()),
        plain("high_price", t.highPrice()),
        plain("low_price", t.lowPrice()),
        plain("trade_price", t.tradePrice()),
        plainOrNull("trade_volume", t.tradeVolume()),
        plainOrNull("prev_closing_price", t.prevClosingPrice()),
        change,
        changePercent,
        null,
        plain("acc_trade_volume_24h", t.accTradeVolume24h()),
        plain("acc_trade_price_24h", t.accTradePrice24h()),
        null,
        null,
        null,
        null,
        null,
        null,
        UpbitTimes.tickerTradeTime(t.tradeTimestamp(), t.tradeDate(), t.tradeTime()),
        required("timestamp", t.timestamp()),
        receivedAt);
  }

  /** A {@code trade}: trade id = {@code sequential_id}. */
  public static Trade trade(String venue, UpbitTrade t, long receivedAt) {
    long tradeTime = UpbitTimes.tradeTime(t.tradeTimestamp(), t.tradeDate(), t.tradeTime());
    long eventTime = t.timestamp() == null ? tradeTime : t.timestamp();
    return trade(
        venue,
        t.code(),
        t.sequentialId(),
        t.tradePrice(),
        t.tradeVolume(),
        t.askBid(),
        tradeTime,
        eventTime,
        receivedAt,
        false);
  }

  /** A trade from {@code GET /v1/trades/ticks}, flagged as backfilled. */
  public static Trade tick(String venue, UpbitTick t, long receivedAt) {
    long tradeTime = UpbitTimes.tradeTime(t.timestamp(), t.tradeDateUtc(), t.tradeTimeUtc());
    return trade(
        venue,
        t.market(),
        t.sequentialId(),
        t.tradePrice(),
        t.tradeVolume(),
        t.askBid(),
        tradeTime,
        tradeTime,
        receivedAt,
        true);
  }

  private static Trade trade(
      String venue,
      String code,
      Long sequentialId,
      String price,
      String volume,
      String askBid,
      long tradeTime,
      long eventTime,
      long receivedAt,
      boolean backfilled) {
    return new Trade(
        venue,
        UpbitSymbols.INSTANCE.toCanonical(code(code)),
        code,
        Trade.Kind.TRADE,
        required("sequential_id", sequentialId),
        null,
        null,
        plain("trade_price", price),
        plain("trade_volume", volume),
        takerSide(askBid),
        tradeTime,
        eventTime,
        receivedAt,
        backfilled);
  }

  /**
   * An {@code orderbook}: a snapshot of {@code depth} units per side (the size asked for). Units
   * the venue pads with a zero price or size (a thin book) are left out.
   */
  public static BookEvent orderbook(String venue, UpbitOrderbook o, int depth, long receivedAt) {
    String code = code(o.code());
    long timestamp = required("timestamp", o.timestamp());
    List<Level> bids = new ArrayList<>(o.units().size());
    List<Level> asks = new ArrayList<>(o.units().size());
    for (UpbitOrderbook.Unit u : o.units()) {
      if (u == null) {
        throw new IllegalArgumentException("null orderbook unit");
      }
      level(bids, plain("bid_price", u.bidPrice()), plain("bid_size", u.bidSize()));
      level(asks, plain("ask_price", u.askPrice()), plain("ask_size", u.askSize()));
    }
    return new BookEvent(
        venue,
        UpbitSymbols.INSTANCE.toCanonical(code),
        code,
        BookEvent.Kind.SNAPSHOT,
        depth,
        null,
        timestamp,
        null,
        bids,
        asks,
        timestamp,
        null,
        receivedAt,
        grouping(o.level()));
  }

  /**
   * A {@code candle.<interval>} update, always {@code closed: false}: Upbit does not say when a
   * candle is final ({@link CandleCloser} decides).
   */
  public static Kline candle(String venue, UpbitCandle c, long receivedAt) {
    String code = code(c.code());
    String type = c.type();
    if (type == null || !type.startsWith("candle.")) {
      throw new IllegalArgumentException("not a candle type: " + type);
    }
    String upbitInterval = type.substring("candle.".length());
    long openTime = UpbitTimes.candleStart(c.candleDateTimeUtc());
    long length = UpbitStream.intervalMillis(upbitInterval);
    return new Kline(
        venue,
        UpbitSymbols.INSTANCE.toCanonical(code),
        code,
        UpbitStream.klineInterval(upbitInterval),
        openTime,
        openTime + length - 1,
        plain("opening_price", c.openingPrice()),
        plain("high_price", c.highPrice()),
        plain("low_price", c.lowPrice()),
        plain("trade_price", c.tradePrice()),
        plain("candle_acc_trade_volume", c.candleAccTradeVolume()),
        plainOrNull("candle_acc_trade_price", c.candleAccTradePrice()),
        null,
        null,
        null,
        false,
        required("timestamp", c.timestamp()),
        receivedAt);
  }

  /** The grouping of a book: Upbit's {@code level} as a plain decimal, null for 0 or absent. */
  static String grouping(String level) {
    if (level == null) {
      return null;
    }
    BigDecimal unit = new BigDecimal(plain("level", level));
    return unit.signum() == 0 ? null : unit.stripTrailingZeros().toPlainString();
  }

  private static void level(List<Level> side, String price, String size) {
    if (isZero(price) || isZero(size)) {
      return;
    }
    side.add(new Level(price, size));
  }

  private static boolean isZero(String plainDecimal) {
    for (int i = 0; i < plainDecimal.length(); i++) {
      char ch = plainDecimal.charAt(i);
      if (ch != '0' && ch != '.' && ch != '-') {
        return false;
      }
    }
    return true;
  }

  private static Side takerSide(String askBid) {
    if ("ASK".equals(askBid)) {
      return Side.SELL;
    }
    if ("BID".equals(askBid)) {
      return Side.BUY;
    }
    throw new IllegalArgumentException("ask_bid is neither ASK nor BID: " + askBid);
  }

  private static String code(String code) {
    if (code == null) {
      throw new IllegalArgumentException("missing code");
    }
    return code;
  }

  private static long required(String field, Long value) {
    if (value == null) {
      throw new IllegalArgumentException("missing '" + field + "'");
    }
    return value;
  }
}

package io.tickwire.connector.upbit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Upbit writes times three ways: tickers {@code yyyyMMdd} + {@code HHmmss}, trades (WebSocket and
 * REST) {@code yyyy-MM-dd} + {@code HH:mm:ss}, candles {@code yyyy-MM-dd'T'HH:mm:ss}, all UTC where
 * the field says so. Millisecond timestamps win where the message has them; the text forms are the
 * fallback (second precision).
 */
final class UpbitTimes {

  private static final DateTimeFormatter TICKER_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter TICKER_TIME = DateTimeFormatter.ofPattern("HHmmss");
  private static final DateTimeFormatter TRADE_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final DateTimeFormatter TRADE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter CANDLE = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  private UpbitTimes() {}

  /**
   * A ticker's last-trade time: its timestamp, else {@code yyyyMMdd} + {@code HHmmss} UTC; null
   * when the ticker has none of them.
   */
  static Long tickerTradeTime(Long timestamp, String date, String time) {
    if (timestamp != null) {
      return timestamp;
    }
    if (date == null && time == null) {
      return null;
    }
    return epochMillis(date, TICKER_DATE, time, TICKER_TIME);
  }

  /** A trade's time: its timestamp, else {@code yyyy-MM-dd} + {@code HH:mm:ss} UTC. */
  static long tradeTime(Long timestamp, String date, String time) {
    return timestamp != null ? timestamp : epochMillis(date, TRADE_DATE, time, TRADE_TIME);
  }

  /** A candle's start: {@code yyyy-MM-dd'T'HH:mm:ss} (UTC field). */
  static long candleStart(String utc) {
    if (utc == null) {
      throw new IllegalArgumentException("missing candle_date_time_utc");
    }
    try {
      return LocalDateTime.parse(utc, CANDLE).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("candle time '" + utc + "' is not yyyy-MM-ddTHH:mm:ss");
    }
  }

  private static long epochMillis(
      String date, DateTimeFormatter dateFormat, String time, DateTimeFormatter timeFormat) {
    if (date == null || time == null) {
      throw new IllegalArgumentException("no trade timestamp and no trade date and time");
    }
    try {
      return LocalDate.parse(date, dateFormat)
          .atTime(LocalTime.parse(time, timeFormat))
          .toInstant(ZoneOffset.UTC)
          .toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("trade date/time '" + date + " " + time + "': " + e);
    }
  }
}

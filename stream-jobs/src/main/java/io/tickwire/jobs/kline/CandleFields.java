package io.tickwire.jobs.kline;

import io.tickwire.jobs.JsonFields;
import io.tickwire.model.Instrument;
import java.util.Objects;

/**
 * What kline-closer needs from a candle on {@code md.klines.v1}, read straight from the record's
 * bytes ({@link JsonFields}): no object per field and no re-serialization, since a published candle
 * is passed on byte for byte. Four out of five records are open updates that go no further than
 * this.
 */
record CandleFields(
    String venue,
    String symbol,
    String interval,
    long openTime,
    long closeTime,
    boolean closed,
    long fingerprint) {

  /** {@code <venue>:<SYMBOL>:<interval>:<openTime>}, as {@code Kline.candleId()}. */
  String candleId() {
    return instrumentKey() + ':' + interval + ':' + openTime;
  }

  String instrumentKey() {
    return Instrument.key(venue, symbol);
  }

  static CandleFields read(byte[] json) {
    Reading r = new Reading();
    JsonFields.read(
        json,
        (name, value, in) -> {
          switch (name) {
            case "venue" -> r.venue = JsonFields.text(in, value);
            case "symbol" -> r.symbol = JsonFields.text(in, value);
            case "interval" -> r.interval = JsonFields.text(in, value);
            case "openTime" -> r.openTime = in.getLongValue();
            case "closeTime" -> r.closeTime = in.getLongValue();
            case "closed" -> r.closed = in.getBooleanValue();
            case "open",
                "high",
                "low",
                "close",
                "volume",
                "quoteVolume",
                "takerBuyVolume",
                "takerBuyQuoteVolume",
                "tradeCount" ->
                r.fingerprint = 31 * r.fingerprint + Objects.hashCode(JsonFields.text(in, value));
            default -> {}
          }
        });
    return new CandleFields(
        r.venue, r.symbol, r.interval, r.openTime, r.closeTime, r.closed, r.fingerprint);
  }

  private static final class Reading {
    String venue;
    String symbol;
    String interval;
    long openTime;
    long closeTime;
    boolean closed;
    long fingerprint = 17;
  }
}

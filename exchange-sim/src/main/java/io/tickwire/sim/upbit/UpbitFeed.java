package io.tickwire.sim.upbit;

import io.tickwire.model.Venue;
import io.tickwire.sim.model.AggTrade;
import io.tickwire.sim.model.Candle;
import io.tickwire.sim.model.CandleSeries;
import io.tickwire.sim.model.MarketSink;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.server.FaultState;
import io.tickwire.sim.server.StreamHub;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns what the Upbit markets do into Upbit messages for streams with subscribers: a trade and a
 * ticker per trade, the orderbook (full top-N snapshots) when the book changed, candles once a
 * second when a trade changed them. Hub stream keys: {@code trade:KRW-BTC}, {@code ticker:KRW-BTC},
 * {@code candle.1m:KRW-BTC}, {@code orderbook:KRW-BTC:<size>:<level>}. Runs on the market thread.
 */
public final class UpbitFeed implements MarketSink {

  private final StreamHub hub;
  private final FaultState faults;
  private final UpbitPayloads payloads;
  private final Map<SimInstrument, Long> publishedBook = new HashMap<>();

  public UpbitFeed(StreamHub hub, FaultState faults, io.tickwire.sim.SimConfig config) {
    this.hub = hub;
    this.faults = faults;
    this.payloads = new UpbitPayloads(config.upbitNumbers());
  }

  UpbitPayloads payloads() {
    return payloads;
  }

  private void publish(String stream, UpbitMessage m) {
    if (faults.takeMalformed(Venue.UPBIT, stream)) {
      hub.publish(Venue.UPBIT, stream, new Malformed(m));
    } else {
      hub.publish(Venue.UPBIT, stream, m);
    }
  }

  /** A message every subscriber receives cut in half. */
  record Malformed(UpbitMessage message) {}

  @Override
  public void trade(SimInstrument i, AggTrade t) {
    if (i.venue() != Venue.UPBIT || hub.modelMuted()) {
      return;
    }
    String trade = "trade:" + i.symbol();
    if (hub.has(Venue.UPBIT, trade)) {
      publish(trade, payloads.trade(i, t, "REALTIME"));
    }
    String ticker = "ticker:" + i.symbol();
    if (hub.has(Venue.UPBIT, ticker)) {
      publish(ticker, payloads.ticker(i, t.eventTime(), "REALTIME"));
    }
  }

  @Override
  public void bestChanged(SimInstrument i, long time) {}

  @Override
  public void stepEnd(SimInstrument i, long time, long step) {
    if (i.venue() != Venue.UPBIT || hub.modelMuted()) {
      return;
    }
    long updateId = i.book().updateId();
    Long last = publishedBook.put(i, updateId);
    if (last == null || last != updateId) {
      String prefix = "orderbook:" + i.symbol() + ":";
      hub.forEachStream(
          Venue.UPBIT,
          prefix,
          stream -> {
            String[] parts = stream.substring(prefix.length()).split(":");
            int size = Integer.parseInt(parts[0]);
            long level = Long.parseLong(parts[1]);
            publish(stream, payloads.orderbook(i, stream, size, level, time, "REALTIME"));
          });
    }
    if (Math.floorDiv(time, 1000) != Math.floorDiv(time - step, 1000)) {
      for (Candle c : i.closedThisStep()) {
        pushCandle(i, c);
      }
      for (CandleSeries s : i.candles()) {
        pushCandle(i, s.current());
      }
    }
  }

  private void pushCandle(SimInstrument i, Candle c) {
    if (!c.dirty) {
      return;
    }
    String type = "candle." + c.interval.name();
    String stream = type + ":" + i.symbol();
    if (hub.has(Venue.UPBIT, stream)) {
      c.dirty = false;
      publish(stream, payloads.candle(i, type, c, "REALTIME"));
    }
  }
}

package io.tickwire.connector.upbit;

import io.tickwire.connector.ConnectorSettings;
import io.tickwire.connector.StreamHandler;
import io.tickwire.connector.StreamHandlerFactory;
import io.tickwire.connector.VenueDefinition;
import io.tickwire.connector.VenueModule;
import io.tickwire.connector.VenueResources;
import io.tickwire.connector.VenueSettings;
import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import io.tickwire.model.StreamNames;
import io.tickwire.model.Venue;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Upbit as a venue of connector-core: its settings ({@code UPBIT_*}, defaults from Upbit's
 * documented limits) and its module: the protocol, the candle closer for candle streams, the trade
 * gap check for time-derived trade ids, and the REST trade backfill.
 */
public final class UpbitVenue implements VenueDefinition {

  static final Setting<UpbitFormat> FORMAT =
      Setting.oneOf(
              "UPBIT_FORMAT",
              "Message format asked of Upbit: default (full field names) or simple (abbreviated,"
                  + " smaller frames)",
              UpbitFormat.class)
          .defaultValue("default");

  static final Setting<SequentialIds> SEQUENTIAL_IDS =
      Setting.oneOf(
              "UPBIT_SEQUENTIAL_IDS",
              "What trade sequential_ids guarantee: contiguous (a hole is a gap, backfilled at"
                  + " once), timestamp (derived from the trade time: missed trades are looked for"
                  + " over REST after each reconnect), auto (decided per trade)",
              SequentialIds.class)
          .defaultValue("auto");

  static final Setting<Duration> CANDLE_CLOSE_GRACE =
      Setting.duration(
              "UPBIT_CANDLE_CLOSE_GRACE",
              "How long after a candle's interval ends, with no later candle, it is published"
                  + " closed (Upbit pushes candle updates once a second at most)")
          .defaultValue("3s");

  static final Setting<Boolean> TRADE_BACKFILL =
      Setting.bool(
              "UPBIT_TRADE_BACKFILL",
              "Recover trades missed across a reconnect from GET /v1/trades/ticks")
          .defaultValue("true");

  static final Setting<Integer> BACKFILL_PAGE_SIZE =
      Setting.integer(
              "UPBIT_BACKFILL_PAGE_SIZE",
              "Trades asked per GET /v1/trades/ticks call (Upbit: 500 at most)")
          .range(1, 500)
          .defaultValue("500");

  static final Setting<Integer> BACKFILL_MAX_TRADES =
      Setting.integer(
              "UPBIT_BACKFILL_MAX_TRADES",
              "Most trades recovered for one gap (the newest are kept; the gap stays marked)")
          .range(1, 10_000_000)
          .defaultValue("10000");

  static final VenueSettings SETTINGS =
      VenueSettings.builder(
              "UPBIT",
              Venue.UPBIT,
              (venueId, spec, requestedBy, now) ->
                  StreamNames.fromUpbit(venueId, spec, requestedBy, null, now))
          .wsUrl("wss://api.upbit.com/websocket/v1")
          .restUrl("https://api.upbit.com")
          .streamsExample("trade:KRW-BTC,orderbook:KRW-BTC.15,ticker:KRW-BTC,candle.1m:KRW-BTC")
          .maxStreamsPerConnection(200)
          .connectionMessageLimits("5/1s,100/1m")
          .connectionAttemptLimits("5/1s")
          .restWeightLimits("10/1s")
          .idleTimeout("150s")
          .keepAliveInterval("60s")
          .extra(
              FORMAT,
              SEQUENTIAL_IDS,
              CANDLE_CLOSE_GRACE,
              TRADE_BACKFILL,
              BACKFILL_PAGE_SIZE,
              BACKFILL_MAX_TRADES)
          .build();

  @Override
  public VenueSettings settings() {
    return SETTINGS;
  }

  @Override
  public VenueModule create(VenueResources r) {
    Settings s = r.config().settings();
    String venueId = r.config().venueId();
    SequentialIds ids = s.get(SEQUENTIAL_IDS);
    UpbitProtocol protocol =
        new UpbitProtocol(venueId, s.get(FORMAT), "tickwire-" + UUID.randomUUID(), ids);
    UpbitTicks ticks =
        s.get(TRADE_BACKFILL)
            ? new UpbitTicks(
                venueId,
                r.rest(),
                r.restScheduler(),
                s.get(BACKFILL_PAGE_SIZE),
                s.get(BACKFILL_MAX_TRADES),
                r.clock())
            : null;
    Duration grace = s.get(CANDLE_CLOSE_GRACE);
    Duration checkTimeout = s.get(ConnectorSettings.BACKFILL_TIMEOUT);
    int maxHeld = s.get(ConnectorSettings.BACKFILL_MAX_HELD);
    StreamHandlerFactory handlers =
        context -> {
          UpbitStream stream = protocol.stream(context.stream());
          StreamHandler handler = null;
          if (stream.isCandle()) {
            handler = new CandleCloser(context, grace);
          } else if (stream.isTrade() && ticks != null && ids != SequentialIds.CONTIGUOUS) {
            handler = new TradeGapCheck(context, ticks, checkTimeout, maxHeld);
          }
          return Optional.ofNullable(handler);
        };
    VenueModule module = VenueModule.of(protocol).withHandlers(handlers);
    return ticks == null ? module : module.withBackfiller(ticks::backfill);
  }
}

package io.tickwire.persist.mongo;

import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import io.tickwire.model.Instrument;
import io.tickwire.model.Venue;
import java.time.Duration;
import java.util.List;

/** persister-mongo settings, parsed once at start-up. */
record MongoPersisterConfig(
    String uri,
    String database,
    String groupId,
    int batchSize,
    Duration retryMax,
    TradeFilter trades,
    Duration tradesRetention,
    boolean timeSeries) {

  static final Setting<String> MONGO_URI =
      Setting.string("MONGO_URI", "MongoDB to write history to (may hold credentials)")
          .validate(
              v -> v.startsWith("mongodb://") || v.startsWith("mongodb+srv://"),
              "a mongodb:// or mongodb+srv:// URI")
          .defaultValue("mongodb://localhost:27017")
          .secret();
  static final Setting<String> DATABASE =
      Setting.string("MONGO_DATABASE", "Database of the klines, trades, orders, fills, balances")
          .validate(d -> d.matches("[A-Za-z0-9_-]{1,63}"), "letters, digits, '_' or '-'")
          .defaultValue("tickwire");
  static final Setting<String> GROUP =
      Setting.string("MONGO_PERSISTER_GROUP", "Kafka consumer group of persister-mongo replicas")
          .defaultValue("persister-mongo");
  static final Setting<Integer> BATCH_SIZE =
      Setting.integer(
              "MONGO_PERSISTER_BATCH_SIZE",
              "Most records per poll, written as unordered bulk writes before the commit")
          .range(1, 100_000)
          .defaultValue("5000");
  static final Setting<Duration> RETRY_MAX =
      Setting.duration(
              "MONGO_PERSISTER_RETRY_MAX", "Longest wait between retries while MongoDB is failing")
          .positive()
          .defaultValue("10s");
  static final Setting<TradeFilter> TRADES =
      Setting.list(
              "MONGO_TRADES",
              "Instruments whose trades are kept: binance-spot:BTC-USDT, binance-spot:* (a venue)"
                  + " or * (all); empty keeps none")
          .map(TradeFilter::of, "instrument keys <venue>:<SYMBOL>, <venue>:* or *")
          .defaultValue("");
  static final Setting<Duration> TRADES_RETENTION =
      Setting.duration(
              "MONGO_TRADES_RETENTION", "How long trades are kept (TTL on their trade time)")
          .positive()
          .defaultValue("7d");
  static final Setting<Boolean> TIME_SERIES =
      Setting.bool(
              "MONGO_TIME_SERIES",
              "Create klines and trades as time-series collections where the server supports them")
          .defaultValue("true");

  static final List<Setting<?>> ALL =
      List.of(
          MONGO_URI, DATABASE, GROUP, BATCH_SIZE, RETRY_MAX, TRADES, TRADES_RETENTION, TIME_SERIES);

  static MongoPersisterConfig from(Settings settings) {
    return new MongoPersisterConfig(
        settings.get(MONGO_URI),
        settings.get(DATABASE),
        settings.get(GROUP),
        settings.get(BATCH_SIZE),
        settings.get(RETRY_MAX),
        settings.get(TRADES),
        settings.get(TRADES_RETENTION),
        settings.get(TIME_SERIES));
  }

  /** Which instruments' trades are kept, decided on the record key before any parsing. */
  record TradeFilter(boolean all, List<String> venues, List<String> instruments) {

    static TradeFilter of(List<String> entries) {
      boolean all = false;
      List<String> venues = new java.util.ArrayList<>();
      List<String> instruments = new java.util.ArrayList<>();
      for (String entry : entries) {
        int colon = entry.indexOf(':');
        if (entry.equals("*")) {
          all = true;
        } else if (colon > 0 && entry.substring(colon + 1).equals("*")) {
          venues.add(venue(entry.substring(0, colon)));
        } else if (colon > 0) {
          Instrument.requireCanonical(entry.substring(colon + 1));
          instruments.add(venue(entry.substring(0, colon)) + entry.substring(colon));
        } else {
          throw new IllegalArgumentException("'" + entry + "' is not <venue>:<SYMBOL>");
        }
      }
      return new TradeFilter(all, List.copyOf(venues), List.copyOf(instruments));
    }

    private static String venue(String id) {
      Venue.of(id);
      return id;
    }

    boolean none() {
      return !all && venues.isEmpty() && instruments.isEmpty();
    }

    /** Whether trades of this instrument key ({@code <venue>:<SYMBOL>}) are kept. */
    boolean keeps(String instrumentKey) {
      if (instrumentKey == null) {
        return false;
      }
      if (all || instruments.contains(instrumentKey)) {
        return true;
      }
      int colon = instrumentKey.indexOf(':');
      return colon > 0 && venues.contains(instrumentKey.substring(0, colon));
    }
  }
}

package io.tickwire.jobs;

import io.tickwire.kit.config.Setting;
import io.tickwire.model.Venue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The settings of the stream jobs, each declared once; Kafka itself comes from service-kit. */
public final class StreamJobSettings {

  private static final String APPLICATION_ID_HELP =
      "; the Kafka Streams application id (consumer group and internal topic prefix), after"
          + " TOPIC_PREFIX";

  public static final Setting<String> STATE_DIR =
      Setting.string(
              "STREAM_JOBS_STATE_DIR",
              "Directory of the jobs' local state (RocksDB), one per running instance; unset: a"
                  + " fresh temporary directory removed on stop (state then comes back from the"
                  + " changelog topics)")
          .optional();

  public static final Setting<String> KLINE_CLOSER_APPLICATION_ID =
      applicationId("KLINE_CLOSER_APPLICATION_ID", "kline-closer", "tickwire-kline-closer");

  public static final Setting<Duration> KLINE_CLOSER_RETENTION =
      Setting.duration(
              "KLINE_CLOSER_RETENTION",
              "How long after its close kline-closer remembers that a candle was published; a"
                  + " closed candle arriving later than this behind the newest one goes to the"
                  + " dead-letter topic rather than risk a duplicate")
          .positive()
          .defaultValue("1d");

  public static final Setting<String> BOOK_AGGREGATOR_APPLICATION_ID =
      applicationId(
          "BOOK_AGGREGATOR_APPLICATION_ID", "book-aggregator", "tickwire-book-aggregator");

  public static final Setting<Duration> BOOK_TOP_CADENCE =
      Setting.duration(
              "BOOK_TOP_CADENCE",
              "How often book-aggregator publishes each book, when it changed (md.book.top.v1)")
          .positive()
          .defaultValue("100ms");

  public static final Setting<Integer> BOOK_TOP_LEVELS =
      Setting.integer("BOOK_TOP_LEVELS", "Levels per side in md.book.top.v1 (N)")
          .range(1, 1000)
          .defaultValue("20");

  public static final Setting<List<Integer>> BOOK_TOP_BANDS_BPS =
      Setting.list(
              "BOOK_TOP_BANDS_BPS",
              "Distances from mid, in basis points, within which md.book.top.v1 sums each side's"
                  + " quantity")
          .map(StreamJobSettings::bands, "whole numbers of basis points between 1 and 10000")
          .defaultValue("10,50,100");

  public static final Setting<String> PREMIUM_APPLICATION_ID =
      applicationId("PREMIUM_APPLICATION_ID", "premium", "tickwire-premium");

  public static final Setting<Duration> PREMIUM_CADENCE =
      Setting.duration(
              "PREMIUM_CADENCE",
              "How often premium publishes each asset's premium, when an input mid changed"
                  + " (md.premium.v1)")
          .positive()
          .defaultValue("100ms");

  public static final Setting<Duration> PREMIUM_MAX_AGE =
      Setting.duration(
              "PREMIUM_MAX_AGE",
              "Age limit of each input book (emission time minus the book's newest source time);"
                  + " no premium is published while any of the three is older")
          .positive()
          .defaultValue("5s");

  public static final Setting<String> PREMIUM_KRW_VENUE =
      venue("PREMIUM_KRW_VENUE", "Venue id of the KRW markets and the USDT-KRW rate", Venue.UPBIT);

  public static final Setting<String> PREMIUM_USDT_VENUE =
      venue("PREMIUM_USDT_VENUE", "Venue id of the USDT reference markets", Venue.BINANCE_SPOT);

  public static final List<Setting<?>> KLINE_CLOSER =
      List.of(KLINE_CLOSER_APPLICATION_ID, KLINE_CLOSER_RETENTION);

  public static final List<Setting<?>> BOOK_AGGREGATOR =
      List.of(
          BOOK_AGGREGATOR_APPLICATION_ID, BOOK_TOP_CADENCE, BOOK_TOP_LEVELS, BOOK_TOP_BANDS_BPS);

  public static final List<Setting<?>> PREMIUM =
      List.of(
          PREMIUM_APPLICATION_ID,
          PREMIUM_CADENCE,
          PREMIUM_MAX_AGE,
          PREMIUM_KRW_VENUE,
          PREMIUM_USDT_VENUE);

  private StreamJobSettings() {}

  private static Setting<String> applicationId(String name, String job, String defaultId) {
    return Setting.string(name, "Application id of " + job + APPLICATION_ID_HELP)
        .validate(id -> id.matches("[A-Za-z0-9._-]+"), "letters, digits, '.', '_' or '-'")
        .defaultValue(defaultId);
  }

  private static Setting<String> venue(String name, String description, Venue venue) {
    return Setting.string(name, description + " (" + venue.id() + ", or with a deployment suffix)")
        .validate(
            id -> id.equals(venue.id()) || id.startsWith(venue.id() + "-"),
            venue.id() + " or " + venue.id() + "-<suffix>")
        .defaultValue(venue.id());
  }

  private static List<Integer> bands(List<String> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    Set<Integer> bps = new TreeSet<>();
    for (String entry : entries) {
      int value;
      try {
        value = Integer.parseInt(entry);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a list of numbers ('" + entry + "')");
      }
      if (value < 1 || value > 10_000) {
        throw new IllegalArgumentException("out of range (" + value + ")");
      }
      bps.add(value);
    }
    return List.copyOf(new ArrayList<>(bps));
  }
}

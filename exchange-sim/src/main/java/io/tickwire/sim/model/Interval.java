package io.tickwire.sim.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A candle interval with its open-time arithmetic: fixed lengths aligned to the epoch, weeks that
 * start on Monday 00:00 UTC and calendar months, as Binance aligns them.
 */
public final class Interval {

  public static final long SECOND = 1000;
  public static final long MINUTE = 60 * SECOND;
  public static final long HOUR = 60 * MINUTE;
  public static final long DAY = 24 * HOUR;
  private static final long WEEK = 7 * DAY;

  /** 1970-01-01 was a Thursday; the first Monday is 4 days later. */
  private static final long FIRST_MONDAY = 4 * DAY;

  public static final List<String> BINANCE_SPOT =
      List.of(
          "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d",
          "1w", "1M");
  public static final List<String> BINANCE_USDM = BINANCE_SPOT.subList(1, BINANCE_SPOT.size());
  public static final List<String> UPBIT =
      List.of("1s", "1m", "3m", "5m", "10m", "15m", "30m", "60m", "240m");

  private final String name;
  private final long length;
  private final Kind kind;

  private enum Kind {
    FIXED,
    WEEK,
    MONTH
  }

  private Interval(String name, long length, Kind kind) {
    this.name = name;
    this.length = length;
    this.kind = kind;
  }

  /**
   * Parses {@code 1s}, {@code 15m}, {@code 4h}, {@code 3d}, {@code 1w}, {@code 1M}, {@code 240m}.
   */
  public static Interval of(String name) {
    char unit = name.charAt(name.length() - 1);
    long n = Long.parseLong(name.substring(0, name.length() - 1));
    return switch (unit) {
      case 's' -> new Interval(name, n * SECOND, Kind.FIXED);
      case 'm' -> new Interval(name, n * MINUTE, Kind.FIXED);
      case 'h' -> new Interval(name, n * HOUR, Kind.FIXED);
      case 'd' -> new Interval(name, n * DAY, Kind.FIXED);
      case 'w' -> new Interval(name, n * WEEK, Kind.WEEK);
      case 'M' -> new Interval(name, 0, Kind.MONTH);
      default -> throw new IllegalArgumentException("unknown interval " + name);
    };
  }

  public String name() {
    return name;
  }

  /** The open time of the candle that contains {@code time}. */
  public long openTime(long time) {
    return switch (kind) {
      case FIXED -> Math.floorDiv(time, length) * length;
      case WEEK -> Math.floorDiv(time - FIRST_MONDAY, length) * length + FIRST_MONDAY;
      case MONTH -> {
        ZonedDateTime t = Instant.ofEpochMilli(time).atZone(ZoneOffset.UTC);
        yield t.withDayOfMonth(1)
            .toLocalDate()
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .toEpochMilli();
      }
    };
  }

  /** The open time of the next candle after the one opening at {@code openTime}. */
  public long nextOpen(long openTime) {
    if (kind == Kind.MONTH) {
      return Instant.ofEpochMilli(openTime)
          .atZone(ZoneOffset.UTC)
          .plusMonths(1)
          .toInstant()
          .toEpochMilli();
    }
    return openTime + length;
  }

  @Override
  public String toString() {
    return name;
  }
}

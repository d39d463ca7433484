package io.tickwire.model;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The venues tickwire ingests. Events carry the venue id as a string because a testnet or sandbox
 * deployment appends a suffix ({@code binance-spot-sandbox}) so its data never mixes with
 * production data; {@link #of(String)} recovers the base venue from such an id.
 */
public enum Venue {
  BINANCE_SPOT("binance-spot"),
  BINANCE_USDM("binance-usdm"),
  UPBIT("upbit");

  private final String id;

  Venue(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The venue id with a deployment suffix, or the plain id when the suffix is blank. */
  public String id(String suffix) {
    return suffix == null || suffix.isBlank() ? id : id + "-" + suffix;
  }

  /** The base venue of an id, with or without a deployment suffix. */
  public static Venue of(String venueId) {
    return Arrays.stream(values())
        .sorted(Comparator.comparingInt((Venue v) -> v.id.length()).reversed())
        .filter(v -> venueId.equals(v.id) || venueId.startsWith(v.id + "-"))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown venue '"
                        + venueId
                        + "', expected one of binance-spot, binance-usdm, upbit"));
  }

  @Override
  public String toString() {
    return id;
  }
}

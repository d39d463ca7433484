package io.tickwire.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A connection or book status marker on {@code md.status.v1}, so a consumer can tell a gap from a
 * quiet market. Instrument markers (gap detected, resynced, backfilled) carry the symbol and are
 * keyed by instrument; connection markers may leave it out and are keyed by venue. {@code count}
 * says how many items a marker is about (trades backfilled, events dropped) where that applies.
 */
public record StatusMarker(
    String venue,
    String symbol,
    String nativeSymbol,
    String stream,
    Status status,
    String connectionId,
    String detail,
    Long count,
    long time) {

  public enum Status {
    @JsonProperty("connected")
    CONNECTED,
    @JsonProperty("disconnected")
    DISCONNECTED,
    @JsonProperty("gap_detected")
    GAP_DETECTED,
    @JsonProperty("resynced")
    RESYNCED,
    @JsonProperty("backfilled")
    BACKFILLED,
    @JsonProperty("book_mismatch")
    BOOK_MISMATCH,
    @JsonProperty("dropped")
    DROPPED,
    @JsonProperty("stale")
    STALE
  }

  /** Instrument key when the marker names a symbol, otherwise the venue. */
  public String key() {
    return symbol == null ? venue : Instrument.key(venue, symbol);
  }
}

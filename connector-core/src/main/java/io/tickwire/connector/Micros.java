package io.tickwire.connector;

import java.time.Clock;
import java.time.Instant;

/** Epoch microseconds, the unit of {@code receivedAt} in every event and raw header. */
public final class Micros {

  private Micros() {}

  public static long now(Clock clock) {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}

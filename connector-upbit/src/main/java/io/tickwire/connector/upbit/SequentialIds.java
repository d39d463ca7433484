package io.tickwire.connector.upbit;

import io.tickwire.connector.Sequence;

/**
 * What a trade's {@code sequential_id} tells about missed trades. Upbit documents it as unique but
 * not as ordered or contiguous, and the live venue derives it from the trade time ({@code
 * trade_timestamp * 10000 + n}), so consecutive trades skip values: a jump is not a gap.
 * exchange-sim numbers trades contiguously by default (and can use time-derived ids too).
 *
 * <ul>
 *   <li>{@link #CONTIGUOUS}: ids count up by one; a hole is a gap, reported and backfilled at once.
 *   <li>{@link #TIMESTAMP}: ids only identify trades (duplicates are dropped); missed trades are
 *       looked for over REST after every reconnect and reported only when REST has some.
 *   <li>{@link #AUTO}: per trade, {@code TIMESTAMP} when the id divided by 1,000 or 10,000 is its
 *       trade time (give or take a day), else {@code CONTIGUOUS}.
 * </ul>
 */
public enum SequentialIds {
  AUTO,
  CONTIGUOUS,
  TIMESTAMP;

  /** The trade's place in its stream under this rule. */
  Sequence sequence(long sequentialId, long tradeTime) {
    boolean contiguous =
        switch (this) {
          case CONTIGUOUS -> true;
          case TIMESTAMP -> false;
          case AUTO -> !timeDerived(sequentialId, tradeTime);
        };
    return contiguous ? Sequence.gapless(sequentialId) : Sequence.increasing(sequentialId);
  }

  /**
   * True when the id, divided by 1,000 or 10,000, is the trade time (within a day: the text
   * date/time a trade falls back to has whole seconds only). A counter is nowhere near that.
   */
  static boolean timeDerived(long sequentialId, long tradeTime) {
    return tradeTime > 0
        && (Math.abs(sequentialId / 1_000 - tradeTime) < DAY_MILLIS
            || Math.abs(sequentialId / 10_000 - tradeTime) < DAY_MILLIS);
  }

  private static final long DAY_MILLIS = 86_400_000L;
}

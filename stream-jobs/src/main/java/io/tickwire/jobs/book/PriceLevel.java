package io.tickwire.jobs.book;

import io.tickwire.jobs.RejectedRecordException;
import io.tickwire.model.Level;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A level of an incoming book event, parsed once: its decimals plus the venue's own strings. */
record PriceLevel(BigDecimal price, BigDecimal quantity, Level level) {

  /**
   * Parses every level before any is applied, so a bad one rejects the whole event and never leaves
   * a half-updated book behind.
   */
  static List<PriceLevel> parse(List<Level> levels, String side) {
    List<PriceLevel> parsed = new ArrayList<>(levels.size());
    for (Level level : levels) {
      BigDecimal price = decimal(level.price(), side, level);
      BigDecimal quantity = decimal(level.quantity(), side, level);
      if (price.signum() <= 0 || quantity.signum() < 0) {
        throw new RejectedRecordException(
            "bad " + side + " level [" + level.price() + ", " + level.quantity() + "]");
      }
      parsed.add(new PriceLevel(price, quantity, level));
    }
    return parsed;
  }

  private static BigDecimal decimal(String text, String side, Level level) {
    if (text == null) {
      throw new RejectedRecordException("incomplete " + side + " level " + level);
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new RejectedRecordException(
          side + " level [" + level.price() + ", " + level.quantity() + "] is not decimal");
    }
  }
}

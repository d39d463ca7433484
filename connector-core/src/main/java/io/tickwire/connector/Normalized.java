package io.tickwire.connector;

import io.tickwire.model.MarketEvent;
import java.util.List;

/**
 * What a venue's pure adapter made of one data frame: the normalized events (each goes to its
 * {@code md.*} topic keyed by instrument), the frame's place in its stream, and the venue's event
 * time (epoch ms, 0 when the frame has none) for the exchange-to-receive lag metric.
 */
public record Normalized(List<MarketEvent> events, Sequence sequence, long eventTime) {

  public Normalized {
    events = List.copyOf(events);
    sequence = sequence == null ? Sequence.NONE : sequence;
  }

  public static Normalized of(MarketEvent event, Sequence sequence, long eventTime) {
    return new Normalized(List.of(event), sequence, eventTime);
  }

  /** A frame that carries no event (e.g. an empty array). */
  public static Normalized empty(Sequence sequence) {
    return new Normalized(List.of(), sequence, 0);
  }
}

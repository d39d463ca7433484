package io.tickwire.connector;

/**
 * What a venue module hands the core: its protocol plus the optional hooks (per-stream handlers
 * such as a maintained order book, and a backfiller for gapless streams).
 */
public record VenueModule(
    VenueProtocol protocol, StreamHandlerFactory handlers, Backfiller backfiller) {

  public VenueModule {
    handlers = handlers == null ? StreamHandlerFactory.NONE : handlers;
  }

  public static VenueModule of(VenueProtocol protocol) {
    return new VenueModule(protocol, StreamHandlerFactory.NONE, null);
  }

  public VenueModule withHandlers(StreamHandlerFactory factory) {
    return new VenueModule(protocol, factory, backfiller);
  }

  public VenueModule withBackfiller(Backfiller filler) {
    return new VenueModule(protocol, handlers, filler);
  }
}

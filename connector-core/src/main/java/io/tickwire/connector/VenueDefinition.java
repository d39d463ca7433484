package io.tickwire.connector;

/**
 * One venue a connector serves: its settings (declared once, with the venue's defaults) and how to
 * build its protocol and hooks from the parsed settings. connector-binance has two (spot and
 * USD-M), connector-upbit one.
 */
public interface VenueDefinition {

  VenueSettings settings();

  /** Builds the venue's protocol and hooks; called once at service start. */
  VenueModule create(VenueResources resources);
}

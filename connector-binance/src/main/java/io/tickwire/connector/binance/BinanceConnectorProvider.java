package io.tickwire.connector.binance;

import io.tickwire.connector.ConnectorServiceProvider;
import io.tickwire.connector.VenueDefinition;
import java.util.List;

/**
 * {@code connector-binance}: Binance spot and USD-M futures public market data, hosted by {@code
 * tickwire run --target connector-binance}; several such processes against one Kafka share the
 * streams.
 */
public final class BinanceConnectorProvider extends ConnectorServiceProvider {

  @Override
  public String name() {
    return "connector-binance";
  }

  @Override
  public String description() {
    return "Binance spot and USD-M futures public market data";
  }

  @Override
  public int healthPortOffset() {
    return 1;
  }

  @Override
  protected List<VenueDefinition> venues() {
    return List.of(BinanceVenue.spot(), BinanceVenue.usdm());
  }
}

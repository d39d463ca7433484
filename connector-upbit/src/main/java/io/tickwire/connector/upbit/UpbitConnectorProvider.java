package io.tickwire.connector.upbit;

import io.tickwire.connector.ConnectorServiceProvider;
import io.tickwire.connector.VenueDefinition;
import java.util.List;

/** {@code tickwire run --target connector-upbit}: Upbit public market data into Kafka. */
public final class UpbitConnectorProvider extends ConnectorServiceProvider {

  @Override
  public String name() {
    return "connector-upbit";
  }

  @Override
  public String description() {
    return "Upbit public market data (ticker, trade, orderbook, candles) to the md.* topics";
  }

  @Override
  public int healthPortOffset() {
    return 2;
  }

  @Override
  protected List<VenueDefinition> venues() {
    return List.of(new UpbitVenue());
  }
}

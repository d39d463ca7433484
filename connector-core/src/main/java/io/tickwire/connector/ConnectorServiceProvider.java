package io.tickwire.connector;

import io.tickwire.kit.Service;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.config.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of a connector's {@link ServiceProvider}: a venue module names itself, picks its health port
 * offset and lists its venues; the settings and the service come from here.
 *
 * <pre>{@code
 * public final class UpbitConnectorProvider extends ConnectorServiceProvider {
 *   public String name() { return "connector-upbit"; }
 *   public String description() { return "Upbit public market data"; }
 *   public int healthPortOffset() { return 2; }
 *   protected List<VenueDefinition> venues() { return List.of(new UpbitVenue()); }
 * }
 * }</pre>
 */
public abstract class ConnectorServiceProvider implements ServiceProvider {

  /** The venues this connector serves. */
  protected abstract List<VenueDefinition> venues();

  @Override
  public List<Setting<?>> settings() {
    List<Setting<?>> all = new ArrayList<>(ConnectorSettings.ALL);
    venues().forEach(v -> all.addAll(v.settings().all()));
    return all;
  }

  @Override
  public Service create(ServiceContext context) {
    return new ConnectorService(context, venues());
  }
}

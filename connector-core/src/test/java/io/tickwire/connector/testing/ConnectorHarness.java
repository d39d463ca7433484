package io.tickwire.connector.testing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickwire.connector.ConnectorService;
import io.tickwire.connector.internal.VenueEngine;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.config.Settings;
import io.tickwire.kit.health.HealthCheck;
import io.tickwire.kit.kafka.KafkaClients;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one connector replica for the fake venue in this JVM, built exactly as the distribution
 * builds it (provider, parsed settings, service), against a real Kafka and a {@link FakeExchange}.
 * A venue module's tests run their own provider the same way ({@link #start(ServiceProvider,
 * Map)}).
 */
public final class ConnectorHarness implements AutoCloseable {

  public static final String VENUE = "binance-spot";

  private final ConnectorService service;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private ConnectorHarness(Map<String, String> env, ServiceProvider provider) {
    Settings settings = Settings.parse(ServiceHost.settingsOf(List.of(provider)), env);
    ServiceContext context =
        new ServiceContext(
            provider.name(), settings, KafkaClients.from(settings), meters, Clock.systemUTC());
    this.service = (ConnectorService) provider.create(context);
  }

  /** Settings for a replica on {@code bootstrap} under {@code prefix} against the exchange. */
  public static Map<String, String> env(String bootstrap, String prefix, FakeExchange exchange) {
    Map<String, String> env = env(bootstrap, prefix);
    env.put("FAKE_WS_URL", exchange.wsUrl().toString());
    env.put("FAKE_REST_URL", exchange.restUrl().toString());
    return env;
  }

  /**
   * Settings any connector replica in a test shares: Kafka on {@code bootstrap} under {@code
   * prefix}, one I/O thread, fast reconnects and rebalances; the venue's URLs are the caller's.
   */
  public static Map<String, String> env(String bootstrap, String prefix) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    env.put("TOPIC_PREFIX", prefix);
    env.put("SHUTDOWN_TIMEOUT", "10s");
    env.put("CONNECTOR_IO_THREADS", "1");
    env.put("CONNECTOR_BACKOFF_BASE", "100ms");
    env.put("CONNECTOR_BACKOFF_CAP", "1s");
    env.put("CONNECTOR_REBALANCE_SESSION_TIMEOUT", "6s");
    env.put("KAFKA_PRODUCER_LINGER_MS", "1");
    return env;
  }

  public static ConnectorHarness start(Map<String, String> env, FakeVenue.Options options) {
    return start(new FakeVenueDefinition.Provider(options), env);
  }

  /** A replica of any connector service (e.g. connector-upbit), started. */
  public static ConnectorHarness start(ServiceProvider provider, Map<String, String> env) {
    ConnectorHarness harness = new ConnectorHarness(env, provider);
    harness.service.start();
    return harness;
  }

  public ConnectorService service() {
    return service;
  }

  public VenueEngine engine() {
    return engine(VENUE);
  }

  public VenueEngine engine(String venueId) {
    return service.engine(venueId);
  }

  public SimpleMeterRegistry meters() {
    return meters;
  }

  /** The sum of a counter over all its tag values matching the given tags. */
  public double count(String name, String... tags) {
    return Search.in(meters).name(name).tags(tags).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /** True when every readiness check of the service passes now. */
  public boolean ready() {
    for (HealthCheck check : service.readinessChecks()) {
      try {
        if (!check.check()) {
          return false;
        }
      } catch (Exception e) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    service.close();
  }
}

package io.tickwire.kit;

import io.tickwire.kit.health.HealthCheck;
import java.util.List;

/**
 * A running part of tickwire (a connector, a persister, a stream job). The host starts it, asks it
 * whether it is ready, and closes it on shutdown within a bounded time. {@link #close()} must flush
 * what it produced and commit what it consumed, so a restart loses nothing.
 */
public interface Service extends AutoCloseable {

  /** Starts work on the service's own threads and returns; throws if it cannot start at all. */
  void start() throws Exception;

  /**
   * Checks that must pass before the service reports ready, besides the host's Kafka check (its
   * stores, its upstream connections).
   */
  default List<HealthCheck> readinessChecks() {
    return List.of();
  }

  /** Where the service listens besides its health port, for the start-up banner. */
  default List<String> endpoints() {
    return List.of();
  }

  /** Stops gracefully: flush producers, commit offsets, close connections. */
  @Override
  void close();
}

package io.tickwire.kit;

import io.tickwire.kit.config.Setting;
import java.util.List;
import java.util.Set;

/**
 * Registers a service under its name so the distribution can host it ({@code tickwire run --target
 * <name>}). Modules list their provider in {@code
 * META-INF/services/io.tickwire.kit.ServiceProvider}.
 */
public interface ServiceProvider {

  /** The target name, e.g. {@code connector-binance}. */
  String name();

  /** One line for {@code tickwire --help}. */
  String description();

  /** The health and metrics port is {@code HEALTH_PORT_BASE + healthPortOffset()}. */
  int healthPortOffset();

  /** The service's own settings; the host adds {@link CommonSettings}. */
  List<Setting<?>> settings();

  /** Whether the service writes to or reads from Redis ({@code REDIS_URL}). */
  default boolean needsRedis() {
    return false;
  }

  /** Whether the service writes to or reads from MongoDB ({@code MONGO_URI}). */
  default boolean needsMongo() {
    return false;
  }

  /**
   * Other targets this one already runs (an umbrella target such as {@code stream-jobs} runs each
   * job that also has a target of its own), so a process asked for both hosts them only once.
   */
  default Set<String> includes() {
    return Set.of();
  }

  /** Builds the service from validated settings. Must not start anything yet. */
  Service create(ServiceContext context);
}

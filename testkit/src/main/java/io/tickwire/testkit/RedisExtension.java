package io.tickwire.testkit;

import io.tickwire.infra.LocalRedis;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a real Redis server ({@code redis-server} from the PATH, or the binary bundled
 * by embedded-redis). {@link #shared()} is one per JVM (use distinct keys); {@link #isolated()} is
 * the class's own and may be stopped and started.
 */
public final class RedisExtension implements BeforeAllCallback, AfterAllCallback {

  private static final Supplier<LocalRedis> SHARED =
      SharedServers.lazily(() -> LocalRedis.start(0));

  private final boolean isolated;
  private LocalRedis server;

  private RedisExtension(boolean isolated) {
    this.isolated = isolated;
  }

  public static RedisExtension shared() {
    return new RedisExtension(false);
  }

  public static RedisExtension isolated() {
    return new RedisExtension(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = isolated ? LocalRedis.start(0) : SHARED.get();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (isolated && server != null) {
      server.close();
    }
  }

  public LocalRedis server() {
    if (server == null) {
      throw new IllegalStateException(
          "the Redis extension has not started: register it as a static field");
    }
    return server;
  }

  public String url() {
    return server().url();
  }
}

package io.tickwire.testkit;

import io.tickwire.infra.LocalRedis;
import java.util.function.Supplier;

/**
 * Gives a test class a real Redis server ({@code redis-server} from the PATH, or the binary bundled
 * by embedded-redis). {@link #shared()} is one per JVM (use distinct keys); {@link #isolated()} is
 * the class's own and may be stopped and started.
 */
public final class RedisExtension extends ServerExtension<LocalRedis> {

  private static final Supplier<LocalRedis> SHARED = SharedServers.lazily(RedisExtension::start);

  private RedisExtension(Supplier<LocalRedis> shared) {
    super(shared, RedisExtension::start);
  }

  public static RedisExtension shared() {
    return new RedisExtension(SHARED);
  }

  public static RedisExtension isolated() {
    return new RedisExtension(null);
  }

  private static LocalRedis start() {
    return LocalRedis.start(0);
  }

  @Override
  public LocalRedis server() {
    return super.server();
  }

  public String url() {
    return server().url();
  }
}

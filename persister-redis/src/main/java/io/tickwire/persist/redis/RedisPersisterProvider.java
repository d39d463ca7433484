package io.tickwire.persist.redis;

import io.tickwire.kit.Service;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.config.Setting;
import java.util.List;

/**
 * Registers persister-redis with the distribution: {@code tickwire run --target persister-redis}.
 */
public final class RedisPersisterProvider implements ServiceProvider {

  @Override
  public String name() {
    return "persister-redis";
  }

  @Override
  public String description() {
    return "keeps the latest market and account state in Redis; bridges *-subs keys";
  }

  @Override
  public int healthPortOffset() {
    return 5;
  }

  @Override
  public List<Setting<?>> settings() {
    return RedisPersisterConfig.ALL;
  }

  @Override
  public boolean needsRedis() {
    return true;
  }

  @Override
  public Service create(ServiceContext context) {
    return new RedisPersister(context);
  }
}

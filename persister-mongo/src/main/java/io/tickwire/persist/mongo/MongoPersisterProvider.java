package io.tickwire.persist.mongo;

import io.tickwire.kit.Service;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.config.Setting;
import java.util.List;

/**
 * Registers persister-mongo with the distribution: {@code tickwire run --target persister-mongo}.
 */
public final class MongoPersisterProvider implements ServiceProvider {

  @Override
  public String name() {
    return "persister-mongo";
  }

  @Override
  public String description() {
    return "keeps closed candles, opted-in trades, orders, fills and balances in MongoDB";
  }

  @Override
  public int healthPortOffset() {
    return 6;
  }

  @Override
  public List<Setting<?>> settings() {
    return MongoPersisterConfig.ALL;
  }

  @Override
  public boolean needsMongo() {
    return true;
  }

  @Override
  public Service create(ServiceContext context) {
    return new MongoPersister(context);
  }
}

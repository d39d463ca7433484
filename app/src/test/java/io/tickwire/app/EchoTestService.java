package io.tickwire.app;

import io.tickwire.kit.Service;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.config.Setting;
import java.util.List;

/** A service registered only on the test classpath, to drive the distribution's commands. */
public final class EchoTestService implements ServiceProvider {

  static final Setting<String> GREETING =
      Setting.string("ECHO_GREETING", "What the echo service says").defaultValue("hello");

  @Override
  public String name() {
    return "echo-test";
  }

  @Override
  public String description() {
    return "test-only service";
  }

  @Override
  public int healthPortOffset() {
    return 98;
  }

  @Override
  public List<Setting<?>> settings() {
    return List.of(GREETING);
  }

  @Override
  public boolean needsRedis() {
    return true;
  }

  @Override
  public Service create(ServiceContext context) {
    String greeting = context.settings().get(GREETING);
    return new Service() {
      @Override
      public void start() {}

      @Override
      public List<String> endpoints() {
        return List.of("says " + greeting);
      }

      @Override
      public void close() {}
    };
  }
}

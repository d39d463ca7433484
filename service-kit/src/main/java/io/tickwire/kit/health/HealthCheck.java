package io.tickwire.kit.health;

import java.util.concurrent.Callable;

/**
 * One readiness condition: Kafka reachable, Redis answering, the upstream connected. Checks may
 * block briefly; {@link Readiness} runs them off the HTTP thread.
 */
public interface HealthCheck {

  String name();

  /** True when healthy; a thrown exception counts as unhealthy, its message as the detail. */
  boolean check() throws Exception;

  static HealthCheck of(String name, Callable<Boolean> check) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean check() throws Exception {
        return check.call();
      }
    };
  }
}

package io.tickwire.testkit;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server for a test class: shared by every class of the JVM (started once, stopped at exit), or
 * isolated (the class's own, stopped after it; the class may stop and start it).
 */
abstract class ServerExtension<S extends AutoCloseable>
    implements BeforeAllCallback, AfterAllCallback {

  private final Supplier<S> shared;
  private final Supplier<S> isolated;
  private S server;

  /**
   * @param shared the JVM-wide instance ({@link SharedServers#lazily}), or null for isolated
   * @param isolated starts a fresh instance
   */
  ServerExtension(Supplier<S> shared, Supplier<S> isolated) {
    this.shared = shared;
    this.isolated = isolated;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = shared != null ? shared.get() : isolated.get();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (shared == null && server != null) {
      server.close();
    }
  }

  /** The running server; stop and start it only in an isolated extension. */
  S server() {
    if (server == null) {
      throw new IllegalStateException(
          getClass().getSimpleName() + " has not started: register it as a static field");
    }
    return server;
  }
}

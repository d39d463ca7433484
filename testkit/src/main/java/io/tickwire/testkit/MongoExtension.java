package io.tickwire.testkit;

import io.tickwire.infra.LocalMongo;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a MongoDB-compatible server (mongo-java-server, H2 backend) on a real port.
 * {@link #shared()} is one per JVM (use your own database name); {@link #isolated()} is the class's
 * own and may be stopped and started with its data kept.
 */
public final class MongoExtension implements BeforeAllCallback, AfterAllCallback {

  private static final Supplier<LocalMongo> SHARED =
      SharedServers.lazily(() -> LocalMongo.start(0));

  private final boolean isolated;
  private LocalMongo server;

  private MongoExtension(boolean isolated) {
    this.isolated = isolated;
  }

  public static MongoExtension shared() {
    return new MongoExtension(false);
  }

  public static MongoExtension isolated() {
    return new MongoExtension(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = isolated ? LocalMongo.start(0) : SHARED.get();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (isolated && server != null) {
      server.close();
    }
  }

  public LocalMongo server() {
    if (server == null) {
      throw new IllegalStateException(
          "the Mongo extension has not started: register it as a static field");
    }
    return server;
  }

  public String uri() {
    return server().uri();
  }

  /** A database name no other test class uses. */
  public static String uniqueDatabase() {
    return "t" + Long.toHexString(System.nanoTime());
  }
}

package io.tickwire.testkit;

import io.tickwire.infra.LocalMongo;
import java.util.function.Supplier;

/**
 * Gives a test class a MongoDB-compatible server (mongo-java-server, H2 backend) on a real port.
 * {@link #shared()} is one per JVM (use your own database name); {@link #isolated()} is the class's
 * own and may be stopped and started with its data kept.
 */
public final class MongoExtension extends ServerExtension<LocalMongo> {

  private static final Supplier<LocalMongo> SHARED = SharedServers.lazily(MongoExtension::start);

  private MongoExtension(Supplier<LocalMongo> shared) {
    super(shared, MongoExtension::start);
  }

  public static MongoExtension shared() {
    return new MongoExtension(SHARED);
  }

  public static MongoExtension isolated() {
    return new MongoExtension(null);
  }

  private static LocalMongo start() {
    return LocalMongo.start(0);
  }

  @Override
  public LocalMongo server() {
    return super.server();
  }

  public String uri() {
    return server().uri();
  }

  /** A database name no other test class uses. */
  public static String uniqueDatabase() {
    return "t" + Long.toHexString(System.nanoTime());
  }
}

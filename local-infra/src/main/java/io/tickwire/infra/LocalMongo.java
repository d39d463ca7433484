package io.tickwire.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-compatible server in this JVM (mongo-java-server with the H2 backend), speaking the
 * real wire protocol to the real MongoDB driver. Data lives in a file, so a stopped server started
 * again still has it: outage tests can check that nothing was lost. It has no transactions and
 * ignores compound indexes; tickwire's writers rely on deterministic ids instead.
 */
public final class LocalMongo implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalMongo.class);

  private final Path directory;
  private final int port;
  private MongoServer server;

  private LocalMongo(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** Starts the server on {@code port} (0 picks a free one). */
  public static LocalMongo start(int port) {
    try {
      LocalMongo mongo =
          new LocalMongo(Files.createTempDirectory("tickwire-mongo-"), Ports.orFree(port));
      mongo.start();
      return mongo;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create MongoDB data directory", e);
    }
  }

  public int port() {
    return port;
  }

  /** {@code mongodb://localhost:<port>}. */
  public String uri() {
    return "mongodb://localhost:" + port;
  }

  /** Starts the server again after {@link #stop()}, on the same port, with the same data. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    server = new MongoServer(new H2Backend(directory.resolve("mongo.mv").toString()));
    server.bind("localhost", port);
    log.info("MongoDB-compatible server (mongo-java-server, H2) listening on {}", uri());
  }

  /** Stops the server and keeps its data. */
  public synchronized void stop() {
    if (server != null) {
      server.shutdownNow();
      server = null;
    }
  }

  /** Stops the server and deletes its data. */
  @Override
  public void close() {
    stop();
    LocalKafka.deleteRecursively(directory);
  }
}

package io.tickwire.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), in this JVM. It
 * can be stopped and started again on the same port with its data, so tests can restart the broker
 * under a running client. Tuned for one node: internal topics with replication factor 1 and few
 * partitions, no initial rebalance delay.
 */
public final class LocalKafka implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

  private final Path directory;
  private final int port;
  private final int controllerPort;
  private final String clusterId = Uuid.randomUuid().toString();
  private KafkaRaftServer server;

  private LocalKafka(Path directory, int port, int controllerPort) {
    this.directory = directory;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /** Formats fresh storage and starts a broker on {@code port} (0 picks a free one). */
  public static LocalKafka start(int port) {
    Path directory;
    try {
      directory = Files.createTempDirectory("tickwire-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Kafka data directory", e);
    }
    LocalKafka kafka = new LocalKafka(directory, Ports.orFree(port), Ports.free());
    kafka.format();
    kafka.start();
    return kafka;
  }

  /** {@code localhost:<port>}. */
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public int port() {
    return port;
  }

  public synchronized boolean running() {
    return server != null;
  }

  /** Starts the broker again after {@link #stop()}, on the same port, with the same data. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    long begin = System.nanoTime();
    KafkaRaftServer starting =
        new KafkaRaftServer(KafkaConfig.fromProps(properties(), false), Time.SYSTEM);
    starting.startup();
    server = starting;
    log.info(
        "Kafka (KRaft) listening on {} after {} ms",
        bootstrapServers(),
        (System.nanoTime() - begin) / 1_000_000);
  }

  /** Stops the broker and keeps its data, so {@link #start()} brings it back as it was. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  /** Stops the broker and deletes its data. */
  @Override
  public void close() {
    stop();
    deleteRecursively(directory);
  }

  private void format() {
    try {
      new Formatter()
          .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
          .setNodeId(1)
          .setClusterId(clusterId)
          .setDirectories(List.of(logDir().toString(), metadataDir().toString()))
          .setMetadataLogDirectory(metadataDir().toString())
          .setControllerListenerName("CONTROLLER")
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + directory, e);
    }
  }

  private Properties properties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    p.put(
        "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir().toString());
    p.put("metadata.log.dir", metadataDir().toString());
    p.put("num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "4");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("background.threads", "2");
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
    p.put("log.cleaner.backoff.ms", "1000");
    p.put("controlled.shutdown.enable", "true");
    p.put("server.max.startup.time.ms", "60000");
    return p;
  }

  private Path logDir() {
    return directory.resolve("data");
  }

  private Path metadataDir() {
    return directory.resolve("metadata");
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("could not delete {}", root, e);
    }
  }
}

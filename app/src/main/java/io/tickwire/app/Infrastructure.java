package io.tickwire.app;

import io.tickwire.infra.LocalKafka;
import io.tickwire.infra.LocalMongo;
import io.tickwire.infra.LocalRedis;
import io.tickwire.infra.Ports;
import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Decides where Kafka, Redis and MongoDB are for {@code tickwire run}: the address given in the
 * environment, else a server already answering on the default port (a second {@code tickwire run}
 * joins the first one's), else a local one started here and stopped on exit.
 */
final class Infrastructure implements AutoCloseable {

  static final Setting<Integer> KAFKA_PORT =
      Setting.integer("TICKWIRE_KAFKA_PORT", "Port of the local Kafka broker when none is given")
          .range(1, 65535)
          .defaultValue("9092");
  static final Setting<Integer> REDIS_PORT =
      Setting.integer("TICKWIRE_REDIS_PORT", "Port of the local Redis when REDIS_URL is unset")
          .range(1, 65535)
          .defaultValue("6379");
  static final Setting<Integer> MONGO_PORT =
      Setting.integer("TICKWIRE_MONGO_PORT", "Port of the local MongoDB when MONGO_URI is unset")
          .range(1, 65535)
          .defaultValue("27017");
  static final Setting<String> KAFKA =
      Setting.hostPorts(
              "KAFKA_BOOTSTRAP_SERVERS", "External Kafka; unset starts or joins a local one")
          .optional();
  static final Setting<String> REDIS =
      Setting.string(
              "REDIS_URL", "External Redis (redis://host:port); unset starts or joins a local one")
          .validate(
              v -> v.startsWith("redis://") || v.startsWith("rediss://"),
              "a redis:// or rediss:// URL")
          .optional();
  static final Setting<String> MONGO =
      Setting.string(
              "MONGO_URI", "External MongoDB (mongodb://...); unset starts or joins a local one")
          .validate(
              v -> v.startsWith("mongodb://") || v.startsWith("mongodb+srv://"),
              "a mongodb:// or mongodb+srv:// URI")
          .optional();

  static final List<Setting<?>> SETTINGS =
      List.of(KAFKA, REDIS, MONGO, KAFKA_PORT, REDIS_PORT, MONGO_PORT);

  private final List<AutoCloseable> started = new ArrayList<>();
  private final List<String> banner = new ArrayList<>();
  private final Map<String, String> addresses = new HashMap<>();

  private Infrastructure() {}

  /** Resolves (and where needed starts) Kafka, and Redis and MongoDB when asked for. */
  static Infrastructure resolve(Map<String, String> env, boolean redis, boolean mongo) {
    Settings settings = Settings.parse(SETTINGS, env);
    Infrastructure infra = new Infrastructure();
    try {
      CompletableFuture<Void> kafka = CompletableFuture.runAsync(() -> infra.kafka(settings));
      CompletableFuture<Void> redisReady =
          redis
              ? CompletableFuture.runAsync(() -> infra.redis(settings))
              : CompletableFuture.completedFuture(null);
      CompletableFuture<Void> mongoReady =
          mongo
              ? CompletableFuture.runAsync(() -> infra.mongo(settings))
              : CompletableFuture.completedFuture(null);
      CompletableFuture.allOf(kafka, redisReady, mongoReady).join();
    } catch (RuntimeException e) {
      infra.close();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return infra;
  }

  /** Environment for the hosted services: the caller's, with the resolved addresses set. */
  Map<String, String> serviceEnvironment(Map<String, String> env) {
    Map<String, String> merged = new HashMap<>(env);
    merged.putAll(addresses);
    return merged;
  }

  String kafkaBootstrapServers() {
    return addresses.get("KAFKA_BOOTSTRAP_SERVERS");
  }

  /** One line per part: where it is and whether it was given, joined or started. */
  List<String> banner() {
    return List.copyOf(banner);
  }

  /** A server this process started: stopped again on {@link #close()}. */
  private record Started(AutoCloseable server, String address, String how) {}

  private void kafka(Settings settings) {
    resolve(
        settings,
        "KAFKA_BOOTSTRAP_SERVERS",
        "Kafka   ",
        KAFKA,
        KAFKA_PORT,
        port -> {
          if (!Ports.answers("localhost", port, 300)) {
            return false;
          }
          if (!isKafka("localhost:" + port)) {
            throw new IllegalStateException(
                "port "
                    + port
                    + " is in use by something that is not Kafka; "
                    + "set KAFKA_BOOTSTRAP_SERVERS or TICKWIRE_KAFKA_PORT");
          }
          return true;
        },
        port -> "localhost:" + port,
        port -> {
          LocalKafka kafka = LocalKafka.start(port);
          return new Started(kafka, kafka.bootstrapServers(), "KRaft broker in this process");
        });
  }

  private void redis(Settings settings) {
    resolve(
        settings,
        "REDIS_URL",
        "Redis   ",
        REDIS,
        REDIS_PORT,
        port -> LocalRedis.answersPing("127.0.0.1", port),
        port -> "redis://localhost:" + port,
        port -> {
          LocalRedis redis = LocalRedis.start(port);
          return new Started(redis, redis.url(), redis.flavour());
        });
  }

  private void mongo(Settings settings) {
    resolve(
        settings,
        "MONGO_URI",
        "MongoDB ",
        MONGO,
        MONGO_PORT,
        port -> Ports.answers("localhost", port, 300),
        port -> "mongodb://localhost:" + port,
        port -> {
          LocalMongo mongo = LocalMongo.start(port);
          return new Started(mongo, mongo.uri(), "mongo-java-server in this process");
        });
  }

  /** The given address, else a server answering on the default port, else one started here. */
  private void resolve(
      Settings settings,
      String variable,
      String label,
      Setting<String> given,
      Setting<Integer> defaultPort,
      IntPredicate running,
      IntFunction<String> address,
      IntFunction<Started> start) {
    String configured = settings.find(given).orElse(null);
    if (configured != null) {
      record(
          variable,
          configured,
          label + " " + redactCredentials(configured) + " (from " + variable + ")");
      return;
    }
    int port = settings.get(defaultPort);
    if (running.test(port)) {
      record(
          variable,
          address.apply(port),
          label + " " + address.apply(port) + " (already running: using it)");
      return;
    }
    Started started = start.apply(port);
    synchronized (this.started) {
      this.started.add(started.server());
    }
    record(
        variable,
        started.address(),
        label + " " + started.address() + " (started: " + started.how() + ")");
  }

  private synchronized void record(String variable, String address, String line) {
    addresses.put(variable, address);
    banner.add(line);
  }

  /** {@code mongodb://user:pass@host} shown as {@code mongodb://***@host}. */
  static String redactCredentials(String uri) {
    return uri.replaceFirst("://[^/@]*@", "://***@");
  }

  private static boolean isKafka(String bootstrap) {
    try (Admin admin =
        Admin.create(
            Map.of(
                "bootstrap.servers", bootstrap,
                "request.timeout.ms", 2000,
                "default.api.timeout.ms", 3000))) {
      return !admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(3000))
          .nodes()
          .get(4, TimeUnit.SECONDS)
          .isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  /** Stops what this process started, Kafka last so services could flush into it first. */
  @Override
  public void close() {
    List<AutoCloseable> toStop;
    synchronized (started) {
      toStop = new ArrayList<>(started);
      started.clear();
    }
    toStop.sort((a, b) -> Boolean.compare(a instanceof LocalKafka, b instanceof LocalKafka));
    for (AutoCloseable server : toStop) {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("tickwire: could not stop " + server + ": " + e.getMessage());
      }
    }
  }
}

package io.tickwire.app;

import io.tickwire.kit.CommonSettings;
import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import io.tickwire.kit.config.SettingsHelp;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.kit.kafka.ProvisionReport;
import io.tickwire.kit.kafka.TopicProvisioner;
import io.tickwire.model.Topics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code tickwire run [--target a,b] [--settings]}: resolves Kafka, Redis and MongoDB (given,
 * joined or started here), provisions the topics, then hosts the named services in this JVM until
 * Ctrl-C or SIGTERM.
 */
final class RunCommand implements Command {

  private final ServiceRegistry registry;

  RunCommand(ServiceRegistry registry) {
    this.registry = registry;
  }

  @Override
  public String name() {
    return "run";
  }

  @Override
  public String summary() {
    return "run services in this process (default: all) on local or given infrastructure";
  }

  @Override
  public String usage() {
    return """
        Usage: tickwire run [--target <name>[,<name>...]] [--sim] [--settings]

        Starts Kafka, Redis and MongoDB unless KAFKA_BOOTSTRAP_SERVERS, REDIS_URL and MONGO_URI are
        set or a server already answers on its default port (then it joins that one), provisions the
        topics and runs the services in this process until Ctrl-C.

          --target    services to run, comma-separated (default: all, each once)
          --sim       start exchange-sim in this process and point the connectors at it instead
                      of the real exchanges (port: TICKWIRE_SIM_PORT, default any free one); when
                      no BINANCE_*_STREAMS / UPBIT_STREAMS are set, a few BTC and ETH streams
          --settings  list the settings (environment variables) of those services and exit

        Targets: %s
        """
        .formatted(String.join(", ", registry.all().stream().map(ServiceProvider::name).toList()));
  }

  @Override
  public int run(Args args, Console console) throws Exception {
    List<ServiceProvider> targets = targets(args);
    if (args.flag("settings")) {
      console.out().print(settingsListing(targets));
      return 0;
    }
    try (Running running = start(targets, console, args.flag("sim"))) {
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    console.out().println("tickwire: stopping...");
                    running.close();
                    stopped.countDown();
                  },
                  "tickwire-stop"));
      stopped.await();
    }
    return 0;
  }

  private List<ServiceProvider> targets(Args args) {
    return args.option("target")
        .map(
            t ->
                registry.select(
                    Arrays.stream(t.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList()))
        .orElse(registry.defaults());
  }

  /** Every setting the run reads, infrastructure first; each variable once. */
  static String settingsListing(List<ServiceProvider> targets) {
    Map<String, Setting<?>> byName = new LinkedHashMap<>();
    Infrastructure.SETTINGS.forEach(s -> byName.putIfAbsent(s.name(), s));
    ServiceHost.settingsOf(targets).forEach(s -> byName.putIfAbsent(s.name(), s));
    String names =
        targets.isEmpty()
            ? "(no services)"
            : String.join(", ", targets.stream().map(ServiceProvider::name).toList());
    return SettingsHelp.describe(
            "Settings of tickwire run --target " + names + ":", byName.values())
        + "\nAny Kafka client property can also be set: KAFKA_PRODUCER_<PROPERTY>, KAFKA_CONSUMER_*,\n"
        + "KAFKA_ADMIN_*, KAFKA_STREAMS_* and KAFKA_CLIENT_* (all clients), e.g. KAFKA_PRODUCER_LINGER_MS=20.\n";
  }

  static Running start(List<ServiceProvider> targets, Console console) throws Exception {
    return start(targets, console, false);
  }

  /**
   * Resolves infrastructure, provisions topics and starts the services; with {@code sim}, against
   * an exchange-sim started here.
   */
  static Running start(List<ServiceProvider> targets, Console console, boolean sim)
      throws Exception {
    SimBackedRun simulator = sim ? SimBackedRun.start(console.env()) : null;
    try {
      Console effective =
          simulator == null
              ? console
              : new Console(console.out(), console.err(), simulator.environment(console.env()));
      return start(targets, effective, simulator);
    } catch (Exception | Error e) {
      if (simulator != null) {
        simulator.close();
      }
      throw e;
    }
  }

  private static Running start(
      List<ServiceProvider> targets, Console console, SimBackedRun simulator) throws Exception {
    boolean redis = targets.stream().anyMatch(ServiceProvider::needsRedis);
    boolean mongo = targets.stream().anyMatch(ServiceProvider::needsMongo);
    // fail on bad settings before starting any server
    Settings.parse(ServiceHost.settingsOf(targets), withDefaultsFor(console.env()));
    Infrastructure infra = Infrastructure.resolve(console.env(), redis, mongo);
    try {
      Map<String, String> env = infra.serviceEnvironment(console.env());
      ProvisionReport report = provision(env);
      ServiceHost host = ServiceHost.start(targets, env);
      Running running = new Running(infra, host, simulator);
      console.out().print(running.banner(report));
      return running;
    } catch (Exception | Error e) {
      infra.close();
      throw e;
    }
  }

  /** KAFKA_BOOTSTRAP_SERVERS may be unset here: infrastructure resolution fills it in. */
  private static Map<String, String> withDefaultsFor(Map<String, String> env) {
    Map<String, String> copy = new LinkedHashMap<>(env);
    copy.putIfAbsent(CommonSettings.KAFKA_BOOTSTRAP_SERVERS.name(), "localhost:9092");
    return copy;
  }

  static ProvisionReport provision(Map<String, String> env) throws Exception {
    Settings settings = Settings.parse(CommonSettings.ALL, env);
    KafkaClients kafka = KafkaClients.from(settings);
    try (Admin admin = kafka.admin("tickwire-provisioning")) {
      return new TopicProvisioner(admin, settings.get(CommonSettings.TOPIC_REPLICATION_FACTOR))
          .apply(Topics.all(kafka.topicPrefix()));
    }
  }

  /** A running {@code tickwire run}: close stops services first, then what infra it started. */
  static final class Running implements AutoCloseable {
    private final Infrastructure infra;
    private final ServiceHost host;
    private final SimBackedRun simulator; // null without --sim
    private final AtomicBoolean closed = new AtomicBoolean();

    Running(Infrastructure infra, ServiceHost host, SimBackedRun simulator) {
      this.infra = infra;
      this.host = host;
      this.simulator = simulator;
    }

    ServiceHost host() {
      return host;
    }

    String kafkaBootstrapServers() {
      return infra.kafkaBootstrapServers();
    }

    String banner(ProvisionReport report) {
      List<String> lines = new ArrayList<>(infra.banner());
      if (simulator != null) {
        lines.add(simulator.banner());
      }
      lines.add(
          "Topics   "
              + report.created().size()
              + " created, "
              + report.matching().size()
              + " as expected"
              + (report.mismatches().isEmpty()
                  ? ""
                  : ", " + report.mismatches().size() + " DIFFER (see log)"));
      for (ServiceHost.Hosted h : host.services()) {
        StringBuilder line =
            new StringBuilder(
                String.format(
                    "%-24s health+metrics http://localhost:%d",
                    h.provider().name(), h.health().port()));
        h.service().endpoints().forEach(e -> line.append(", ").append(e));
        lines.add(line.toString());
      }
      if (host.services().isEmpty()) {
        lines.add("(no services registered in this distribution yet)");
      }
      lines.add("Press Ctrl-C to stop.");
      return String.join("\n", lines) + "\n";
    }

    /** Idempotent: the stop hook closes it, then the command's try-with-resources again. */
    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      host.close();
      infra.close();
      if (simulator != null) {
        simulator.close();
      }
    }
  }

  @Override
  public Set<String> options() {
    return Set.of("target");
  }

  @Override
  public Set<String> flags() {
    return Set.of("settings", "sim");
  }
}

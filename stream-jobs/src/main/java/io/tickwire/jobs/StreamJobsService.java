package io.tickwire.jobs;

import io.tickwire.kit.CommonSettings;
import io.tickwire.kit.Service;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.health.HealthCheck;
import io.tickwire.kit.kafka.TopicProvisioner;
import io.tickwire.model.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts one or more stream jobs, each its own Kafka Streams client: creates their topics, starts
 * them, reports each one's state as a readiness check and stops them side by side.
 */
final class StreamJobsService implements Service {

  private static final Logger log = LoggerFactory.getLogger(StreamJobsService.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);

  private final List<StreamJob> jobs;
  private final ServiceContext context;
  private final Map<String, StreamJobRunner> runners = new ConcurrentHashMap<>();
  private Path stateDir;
  private boolean temporaryStateDir;

  StreamJobsService(List<StreamJob> jobs, ServiceContext context) {
    this.jobs = List.copyOf(jobs);
    this.context = context;
  }

  @Override
  public void start() throws Exception {
    int replicationFactor = context.settings().get(CommonSettings.TOPIC_REPLICATION_FACTOR);
    provision(replicationFactor);
    stateDir = stateDir();
    for (StreamJob job : jobs) {
      StreamJobRunner runner =
          new StreamJobRunner(
              job,
              StreamsProperties.of(context.kafka(), job, stateDir, replicationFactor),
              context.meters());
      runners.put(job.name(), runner);
      runner.start();
      log.info("{} started as application {}", job.name(), job.applicationId());
    }
  }

  /** Input and output topics exist before Kafka Streams looks for them. */
  private void provision(int replicationFactor) throws Exception {
    Map<String, Topic<?, ?>> topics = new LinkedHashMap<>();
    jobs.forEach(job -> job.topics().forEach(topic -> topics.putIfAbsent(topic.name(), topic)));
    try (Admin admin = context.kafka().admin(context.serviceName() + "-provisioning")) {
      new TopicProvisioner(admin, replicationFactor).apply(topics.values());
    }
  }

  private Path stateDir() throws IOException {
    Optional<String> configured = context.settings().find(StreamJobSettings.STATE_DIR);
    if (configured.isPresent()) {
      return Files.createDirectories(Path.of(configured.get()));
    }
    temporaryStateDir = true;
    return Files.createTempDirectory("tickwire-" + context.serviceName() + "-");
  }

  /** One check per job: ready while its Kafka Streams client runs or rebalances. */
  @Override
  public List<HealthCheck> readinessChecks() {
    List<HealthCheck> checks = new ArrayList<>();
    for (StreamJob job : jobs) {
      checks.add(
          HealthCheck.of(
              job.name(),
              () -> {
                StreamJobRunner runner = runners.get(job.name());
                if (runner == null) {
                  throw new IllegalStateException("not started");
                }
                return runner.readiness().check();
              }));
    }
    return checks;
  }

  @Override
  public void close() {
    List<StreamJobRunner> running = new ArrayList<>(runners.values());
    running.forEach(StreamJobRunner::beginClose);
    long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
    for (StreamJobRunner runner : running) {
      runner.awaitClose(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    if (temporaryStateDir && stateDir != null) {
      deleteRecursively(stateDir);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(StreamJobsService::delete);
    } catch (IOException | UncheckedIOException e) {
      log.warn("could not remove the temporary state directory {}", directory, e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

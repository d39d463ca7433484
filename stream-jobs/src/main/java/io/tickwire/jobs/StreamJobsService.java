package io.tickwire.jobs;

import io.tickwire.kit.Backoff;
import io.tickwire.kit.CommonSettings;
import io.tickwire.kit.Service;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.health.HealthCheck;
import io.tickwire.kit.kafka.TopicProvisioner;
import io.tickwire.model.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts one or more stream jobs, each its own Kafka Streams client: creates their topics, starts
 * them, reports each one's state as a readiness check and stops them side by side.
 */
final class StreamJobsService implements Service {

  private static final Logger log = LoggerFactory.getLogger(StreamJobsService.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

  private final List<StreamJob> jobs;
  private final ServiceContext context;
  private final Map<String, StreamJobRunner> runners = new ConcurrentHashMap<>();
  private LocalState state;

  StreamJobsService(List<StreamJob> jobs, ServiceContext context) {
    this.jobs = List.copyOf(jobs);
    this.context = context;
  }

  @Override
  public void start() throws Exception {
    int replicationFactor = context.settings().get(CommonSettings.TOPIC_REPLICATION_FACTOR);
    provision(replicationFactor);
    state =
        LocalState.of(
            context.settings().find(StreamJobSettings.STATE_DIR).orElse(null),
            context.serviceName());
    for (StreamJob job : jobs) {
      StreamJobRunner runner =
          new StreamJobRunner(
              job,
              StreamsProperties.of(context.kafka(), job, state.directory(), replicationFactor),
              context.meters());
      runners.put(job.name(), runner);
      runner.start();
      log.info("{} started as application {}", job.name(), job.applicationId());
    }
  }

  /**
   * Input and output topics exist, and the broker serves every partition, before Kafka Streams
   * looks for them: a source topic it cannot see yet fails the first rebalance, and the thread that
   * replaces the failed one then waits a whole session timeout for its predecessor to leave.
   */
  private void provision(int replicationFactor) throws Exception {
    Map<String, Topic<?, ?>> topics = new LinkedHashMap<>();
    jobs.forEach(job -> job.topics().forEach(topic -> topics.putIfAbsent(topic.name(), topic)));
    try (Admin admin = context.kafka().admin(context.serviceName() + "-provisioning")) {
      new TopicProvisioner(admin, replicationFactor).apply(topics.values());
      awaitMetadata(admin, topics.keySet());
    }
  }

  private static void awaitMetadata(Admin admin, Set<String> topics) throws Exception {
    Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1));
    long deadline = System.nanoTime() + METADATA_TIMEOUT.toNanos();
    while (true) {
      try {
        boolean served =
            admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).values().stream()
                .flatMap(topic -> topic.partitions().stream())
                .allMatch(partition -> partition.leader() != null);
        if (served) {
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the broker does not serve every partition of "
                + topics
                + " after "
                + METADATA_TIMEOUT);
      }
      Thread.sleep(backoff.next().toMillis());
    }
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
    if (state != null) {
      state.release();
    }
  }
}

package io.tickwire.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.tickwire.kit.health.HealthCheck;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link StreamJob} as a Kafka Streams client: explicit uncaught-exception handling, Kafka
 * Streams metrics on the service's registry, readiness from the client's state, and a shutdown that
 * leaves the group so another instance takes the partitions over at once.
 */
final class StreamJobRunner {

  private static final Logger log = LoggerFactory.getLogger(StreamJobRunner.class);

  private final StreamJob job;
  private final KafkaStreams streams;
  private final KafkaStreamsMetrics metrics;

  StreamJobRunner(StreamJob job, Map<String, Object> properties, MeterRegistry meters) {
    this.job = job;
    this.streams = new KafkaStreams(job.topology(), asProperties(properties));
    this.streams.setUncaughtExceptionHandler(new ThreadReplacingHandler(job.name(), meters));
    this.streams.setStateListener(
        (now, before) -> log.info("{}: {} -> {}", job.name(), before, now));
    this.metrics = new KafkaStreamsMetrics(streams);
    this.metrics.bindTo(meters);
  }

  StreamJob job() {
    return job;
  }

  void start() {
    streams.start();
  }

  KafkaStreams.State state() {
    return streams.state();
  }

  KafkaStreams streams() {
    return streams;
  }

  /** Ready while the client runs or rebalances; not once it stopped or failed. */
  HealthCheck readiness() {
    return HealthCheck.of(
        job.name(),
        () -> {
          KafkaStreams.State state = streams.state();
          if (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING) {
            return true;
          }
          throw new IllegalStateException("Kafka Streams is " + state);
        });
  }

  /** Asks the client to stop without waiting, so several jobs stop side by side. */
  void beginClose() {
    streams.close(
        CloseOptions.timeout(Duration.ZERO)
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }

  /** Waits for the client to stop: it commits what it processed and flushes its stores. */
  boolean awaitClose(Duration timeout) {
    boolean stopped =
        streams.close(
            CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    metrics.close();
    if (!stopped) {
      log.warn("{}: did not stop within {}", job.name(), timeout);
    }
    return stopped;
  }

  private static java.util.Properties asProperties(Map<String, Object> map) {
    java.util.Properties properties = new java.util.Properties();
    properties.putAll(map);
    return properties;
  }
}

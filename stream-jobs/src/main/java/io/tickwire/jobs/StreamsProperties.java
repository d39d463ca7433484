package io.tickwire.jobs;

import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of a job: service-kit's client settings (with the operator's
 * {@code KAFKA_STREAMS_*} overrides), then what the jobs' contract requires and no override may
 * weaken: exactly-once processing and the dead-letter handlers.
 */
public final class StreamsProperties {

  private StreamsProperties() {}

  /**
   * @param replicationFactor of the job's internal topics (changelogs, repartition topics); 0 or
   *     less leaves it to the broker's default
   */
  public static Map<String, Object> of(
      KafkaClients kafka, StreamJob job, Path stateDir, int replicationFactor) {
    Map<String, Object> config = new HashMap<>();
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(
        StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor > 0 ? replicationFactor : -1);
    config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    config.putAll(kafka.streamsConfig(job.applicationId()));
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterHandler.class.getName());
    config.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
    config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    config.put(DeadLetterHandler.TOPIC_CONFIG, kafka.topic(Topics.DEAD_LETTERS).name());
    config.put(DeadLetterHandler.SOURCE_CONFIG, "stream-jobs/" + job.name());
    return config;
  }
}

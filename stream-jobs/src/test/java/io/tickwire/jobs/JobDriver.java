package io.tickwire.jobs;

import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A {@link TopologyTestDriver} over a job's production topology, configured by the production
 * {@link StreamsProperties} (exactly-once, the dead-letter handlers), with a mocked wall clock that
 * starts at {@link #START}.
 */
public final class JobDriver implements AutoCloseable {

  public static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

  private final TopologyTestDriver driver;
  private final Path stateDir;

  public JobDriver(StreamJob job) {
    this(job, Map.of());
  }

  /**
   * For a record the job cannot deserialize: its dead letter is sent while the record is queued,
   * before any processing, and the test driver's exactly-once producer discards what was sent
   * outside processing. A real broker commits it with the skipped offset (shown by
   * StreamJobsServiceIT); here the same handler is checked at least once.
   */
  public static JobDriver atLeastOnce(StreamJob job) {
    return new JobDriver(
        job, Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE));
  }

  private JobDriver(StreamJob job, Map<String, Object> overrides) {
    Properties properties = new Properties();
    try {
      stateDir = Files.createTempDirectory("stream-jobs-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    properties.putAll(StreamsProperties.of(KafkaClients.of("localhost:9"), job, stateDir, 0));
    properties.putAll(overrides);
    this.driver = new TopologyTestDriver(job.topology(), properties, START);
  }

  public TopologyTestDriver driver() {
    return driver;
  }

  public <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(
        topic.name(), new StringSerializer(), topic.valueSerde().serializer());
  }

  /** The topic as bytes, to feed records the job cannot read. */
  public TestInputTopic<String, byte[]> rawInput(Topic<String, ?> topic) {
    return driver.createInputTopic(topic.name(), new StringSerializer(), new ByteArraySerializer());
  }

  public <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(
        topic.name(), new StringDeserializer(), topic.valueSerde().deserializer());
  }

  public TestOutputTopic<String, DeadLetter> deadLetters() {
    return output(Topics.DEAD_LETTERS);
  }

  @Override
  public void close() {
    driver.close();
    LocalState.delete(stateDir);
  }
}

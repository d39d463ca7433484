package io.tickwire.jobs;

import io.tickwire.model.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic from the beginning, committed records only (as every consumer of the contract
 * does), and keeps what it read, so a test can wait on a condition over everything seen so far.
 */
public final class TopicReader<K, V> implements AutoCloseable {

  private final KafkaConsumer<K, V> consumer;
  private final List<ConsumerRecord<K, V>> records = new ArrayList<>();

  public TopicReader(String bootstrapServers, Topic<K, V> topic) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "isolation.level",
                "read_committed",
                "enable.auto.commit",
                false),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < topic.partitions(); p++) {
      partitions.add(new TopicPartition(topic.name(), p));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Everything read so far, after one more poll. */
  public List<ConsumerRecord<K, V>> poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    return List.copyOf(records);
  }

  /**
   * Polls until what was read satisfies the condition.
   *
   * @throws AssertionError when the timeout passes first, saying how much was read
   */
  public List<ConsumerRecord<K, V>> pollUntil(
      Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
    return pollUntil(done, timeout, records -> "");
  }

  /** As {@link #pollUntil(Predicate, Duration)}, the failure also saying what {@code why} finds. */
  public List<ConsumerRecord<K, V>> pollUntil(
      Predicate<List<ConsumerRecord<K, V>>> done,
      Duration timeout,
      Function<List<ConsumerRecord<K, V>>, String> why) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<K, V>> seen = poll();
    while (!done.test(seen)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "condition not met within "
                + timeout
                + "; read "
                + seen.size()
                + " records, up to offsets "
                + positions()
                + "; "
                + why.apply(seen));
      }
      seen = poll();
    }
    return seen;
  }

  private Map<Integer, Long> positions() {
    Map<Integer, Long> positions = new java.util.TreeMap<>();
    consumer
        .assignment()
        .forEach(p -> positions.put(p.partition(), consumer.position(p, Duration.ofSeconds(5))));
    return positions;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}

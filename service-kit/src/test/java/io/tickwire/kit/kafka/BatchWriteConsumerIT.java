package io.tickwire.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tickwire.kit.CommonSettings;
import io.tickwire.kit.config.Settings;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.testkit.KafkaExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consume / write / commit loop against a real broker. The store is an in-memory map that can
 * be switched off: what is under test is the loop's behaviour around it (the persisters' tests use
 * real Redis and MongoDB).
 */
class BatchWriteConsumerIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  private static final Duration WAIT = Duration.ofSeconds(60);

  /** Holds "key=value"; refuses to work while switched off, rejects values named "poison". */
  static final class FlakyStore implements BatchWriter {
    final Set<String> data = ConcurrentHashMap.newKeySet();
    final AtomicBoolean up = new AtomicBoolean(true);
    final AtomicInteger failedWrites = new AtomicInteger();
    final AtomicInteger recordWrites = new AtomicInteger();

    @Override
    public List<Rejection> write(List<ConsumerRecord<String, byte[]>> batch) throws IOException {
      if (!up.get()) {
        failedWrites.incrementAndGet();
        throw new IOException("store is down");
      }
      List<Rejection> rejected = new ArrayList<>();
      for (ConsumerRecord<String, byte[]> record : batch) {
        String value = new String(record.value(), StandardCharsets.UTF_8);
        if (value.equals("poison")) {
          rejected.add(new Rejection(record, "store refused 'poison'"));
        } else {
          data.add(record.key() + "=" + value);
          recordWrites.incrementAndGet();
        }
      }
      return rejected;
    }
  }

  private final String prefix = KafkaExtension.uniquePrefix();
  private final Topic<String, ?> topic = Topics.STATUS;
  private final String topicName = prefix + topic.name();
  private final String group = "loop-test-" + prefix;
  private final KafkaClients kafka =
      KafkaClients.from(
          Settings.parse(
              CommonSettings.ALL,
              Map.of("KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(), "TOPIC_PREFIX", prefix)));

  private BatchWriteConsumer consumer(FlakyStore store) {
    KAFKA
        .client()
        .createTopics(List.of(topic.withPrefix(prefix), Topics.DEAD_LETTERS.withPrefix(prefix)));
    return BatchWriteConsumer.builder(kafka, "loop-test")
        .topics(List.of(topic))
        .groupId(group)
        .store("flaky")
        .writer(store)
        .maxBatch(50)
        .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
        .build();
  }

  private void send(int from, int to) {
    send(IntStream.range(from, to).mapToObj(i -> Map.entry("k" + i, "v" + i)).toList());
  }

  private void send(List<Map.Entry<String, String>> records) {
    KAFKA.client().send(topicName, new StringSerializer(), new StringSerializer(), records);
  }

  private long committed() throws Exception {
    try (Admin admin = kafka.admin("test")) {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .values()
          .stream()
          .mapToLong(OffsetAndMetadata::offset)
          .sum();
    }
  }

  @Test
  void commitsOnlyWhatTheStoreAcknowledgedAndResumesAfterAnOutageWithNothingLost()
      throws Exception {
    FlakyStore store = new FlakyStore();
    try (BatchWriteConsumer loop = consumer(store)) {
      loop.start();
      send(0, 100);
      await().atMost(WAIT).until(() -> committed() == 100);
      assertThat(store.data).hasSize(100);
      assertThat(loop.healthCheck().check()).isTrue();

      store.up.set(false);
      send(100, 150);
      await().atMost(WAIT).until(() -> store.failedWrites.get() >= 3);
      assertThat(loop.paused()).isTrue();
      assertThat(committed()).isEqualTo(100);
      assertThat(store.data).hasSize(100);
      assertThatThrownBy(() -> loop.healthCheck().check())
          .hasMessageContaining("writes to flaky failing since")
          .hasMessageContaining("store is down");

      store.up.set(true);
      await().atMost(WAIT).until(() -> committed() == 150);
      assertThat(loop.paused()).isFalse();
      assertThat(loop.healthCheck().check()).isTrue();
      assertThat(store.data).hasSize(150).contains("k0=v0", "k149=v149");
      // the failed batch is written once when the store comes back, never skipped
      assertThat(store.recordWrites.get()).isEqualTo(150);
    }
  }

  @Test
  void rejectedRecordsGoToTheDeadLetterTopicWithTheReasonAndAreCommitted() throws Exception {
    FlakyStore store = new FlakyStore();
    try (BatchWriteConsumer loop = consumer(store)) {
      loop.start();
      send(
          List.of(
              Map.entry("same", "fine1"), Map.entry("same", "poison"), Map.entry("same", "fine2")));

      List<ConsumerRecord<String, DeadLetter>> letters =
          KAFKA.client().read(Topics.DEAD_LETTERS.withPrefix(prefix), 1, WAIT);
      await().atMost(WAIT).until(() -> committed() == 3);

      DeadLetter letter = letters.get(0).value();
      assertThat(letter.source()).isEqualTo("loop-test");
      assertThat(letter.originTopic()).isEqualTo(topicName);
      assertThat(letter.originOffset()).isEqualTo(1L);
      assertThat(letter.error()).isEqualTo("store refused 'poison'");
      assertThat(letter.payload()).isEqualTo("poison");
      assertThat(store.data).containsExactlyInAnyOrder("same=fine1", "same=fine2");
    }
  }
}

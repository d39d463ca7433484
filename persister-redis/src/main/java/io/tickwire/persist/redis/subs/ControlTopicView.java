package io.tickwire.persist.redis.subs;

import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current desired streams, read from the compacted control topic (all partitions, no group):
 * the bridge needs them to know which streams it asked for earlier, also before a restart, and
 * which ones someone else asked for. Not thread-safe: the bridge thread owns it.
 */
final class ControlTopicView implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ControlTopicView.class);

  private final Topic<String, SubscriptionRequest> topic;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<SubscriptionRequest> values;
  private final Map<String, SubscriptionRequest> desired = new HashMap<>();

  ControlTopicView(KafkaClients kafka, String clientId) {
    this.topic = kafka.topic(Topics.SUBSCRIPTIONS);
    this.values = topic.valueSerde().deserializer();
    this.consumer =
        new KafkaConsumer<>(
            kafka.consumerConfig(null, clientId),
            new StringDeserializer(),
            new ByteArrayDeserializer());
  }

  /** Reads the topic from the beginning up to its end as of now. */
  void catchUp(Duration timeout) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic.name(), timeout).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    if (partitions.isEmpty()) {
      throw new IllegalStateException(topic.name() + " does not exist (yet)");
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "could not read " + topic.name() + " to its end within " + timeout);
      }
      poll(Duration.ofMillis(200));
    }
  }

  /** Applies what arrived since the last call. */
  void poll(Duration timeout) {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
      if (record.key() == null) {
        continue;
      }
      if (record.value() == null) {
        desired.remove(record.key());
        continue;
      }
      try {
        desired.put(record.key(), values.deserialize(record.topic(), record.value()));
      } catch (RuntimeException e) {
        log.debug("ignoring unreadable {} at offset {}: {}", record.key(), record.offset(), e);
      }
    }
  }

  SubscriptionRequest get(String streamKey) {
    return desired.get(streamKey);
  }

  /** What one requester currently asks for, by stream key. */
  Map<String, SubscriptionRequest> requestedBy(String requester) {
    return desired.entrySet().stream()
        .filter(e -> requester.equals(e.getValue().requestedBy()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Requesters whose name starts with the prefix. */
  List<String> requesters(String prefix) {
    return desired.values().stream()
        .map(SubscriptionRequest::requestedBy)
        .filter(r -> r != null && r.startsWith(prefix))
        .distinct()
        .toList();
  }

  /** Records a write of ours before it comes back through the topic. */
  void written(String streamKey, SubscriptionRequest request) {
    if (request == null) {
      desired.remove(streamKey);
    } else {
      desired.put(streamKey, request);
    }
  }

  String topicName() {
    return topic.name();
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}

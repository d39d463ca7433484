package io.tickwire.connector.internal;

import io.tickwire.connector.publish.Publisher;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the compacted {@code control.subscriptions.v1} topic into the set of streams THIS replica
 * serves. All replicas of a connector join one consumer group (cooperative-sticky assignor); a
 * replica reads its assigned partitions from the beginning (the compacted topic is the desired
 * state, so no offsets are committed) and serves the latest request per key of its venue. A
 * tombstone removes a stream; a request whose lease ({@code expiresAt}) has passed is dropped
 * unless a renewal arrived. Revoked partitions are handed back at once (their streams unsubscribed
 * before the next owner gets them); assigned ones are read and subscribed. Unreadable requests go
 * to the dead-letter topic.
 */
public final class SubscriptionReader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionReader.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long SWEEP_MILLIS = 500;

  private record Wanted(SubscriptionRequest request, String stream) {}

  private final KafkaClients kafka;
  private final String groupId;
  private final String clientId;
  private final Duration sessionTimeout;
  private final String venueId;
  private final Function<SubscriptionRequest, String> streamName;
  private final Consumer<Map<String, SubscriptionRequest>> sink;
  private final List<SubscriptionRequest> initial;
  private final Publisher publisher;
  private final String deadLetterSource;
  private final Clock clock;
  private final Topic<String, SubscriptionRequest> topic;
  private final Map<TopicPartition, Map<String, Wanted>> byPartition = new HashMap<>();
  private final Thread thread;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean closing;
  private volatile boolean initialWritten;
  private volatile int assignedPartitions = -1;
  private boolean changed;
  private long nextSweep;

  public SubscriptionReader(
      KafkaClients kafka,
      String groupId,
      String clientId,
      Duration sessionTimeout,
      String venueId,
      Function<SubscriptionRequest, String> streamName,
      Consumer<Map<String, SubscriptionRequest>> sink,
      List<SubscriptionRequest> initial,
      Publisher publisher,
      String deadLetterSource,
      Clock clock) {
    this.kafka = kafka;
    this.groupId = groupId;
    this.clientId = clientId;
    this.sessionTimeout = sessionTimeout;
    this.venueId = venueId;
    this.streamName = streamName;
    this.sink = sink;
    this.initial = List.copyOf(initial);
    this.publisher = publisher;
    this.deadLetterSource = deadLetterSource;
    this.clock = clock;
    this.topic = kafka.topic(Topics.SUBSCRIPTIONS);
    this.thread = new Thread(this::run, clientId + "-subscriptions");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /**
   * True once the settings' streams are on the control topic and a partition assignment arrived.
   */
  public boolean joined() {
    return initialWritten && assignedPartitions >= 0;
  }

  /** Partitions currently assigned to this replica (-1 before the first assignment). */
  public int assignedPartitions() {
    return assignedPartitions;
  }

  private void run() {
    try {
      writeInitial();
      if (closing) {
        return;
      }
      Map<String, Object> config = kafka.consumerConfig(groupId, clientId);
      config.put(
          ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
          CooperativeStickyAssignor.class.getName());
      config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
      config.put(
          ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
          (int) Math.max(500, sessionTimeout.toMillis() / 4));
      try (KafkaConsumer<String, byte[]> c =
          new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
        consumer = c;
        c.subscribe(List.of(topic.name()), new Rebalance(c));
        while (!closing) {
          for (ConsumerRecord<String, byte[]> record : c.poll(POLL)) {
            apply(record);
          }
          sweep();
          publishIfChanged();
        }
      } catch (WakeupException stopping) {
        // close() woke the consumer
      }
    } catch (RuntimeException e) {
      if (!closing) {
        log.error(
            "{}: reading {} failed; this replica stops serving streams", venueId, topic.name(), e);
        sink.accept(Map.of());
      }
    }
  }

  /** Writes the streams from settings to the control topic, retrying while Kafka is away. */
  private void writeInitial() {
    if (initial.isEmpty()) {
      initialWritten = true;
      return;
    }
    Map<String, Object> config = kafka.producerConfig(clientId + "-initial");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    while (!closing) {
      try (KafkaProducer<String, SubscriptionRequest> producer =
          new KafkaProducer<>(config, new StringSerializer(), topic.valueSerde().serializer())) {
        List<Future<?>> acks =
            initial.stream()
                .<Future<?>>map(r -> producer.send(new ProducerRecord<>(topic.name(), r.key(), r)))
                .toList();
        for (Future<?> ack : acks) {
          ack.get(30, TimeUnit.SECONDS);
        }
        initialWritten = true;
        log.info("{}: wrote {} streams from settings to {}", venueId, initial.size(), topic.name());
        return;
      } catch (Exception e) {
        log.warn(
            "{}: cannot write the streams from settings yet ({}); retrying",
            venueId,
            e.getMessage());
        sleep(2_000);
      }
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    Map<String, Wanted> wanted =
        byPartition.get(new TopicPartition(record.topic(), record.partition()));
    if (wanted == null || record.key() == null) {
      return;
    }
    if (record.value() == null) {
      changed |= wanted.remove(record.key()) != null;
      return;
    }
    SubscriptionRequest request;
    String stream;
    try {
      request = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
      if (!venueId.equals(request.venue())) {
        return;
      }
      stream = streamName.apply(request);
    } catch (RuntimeException e) {
      deadLetter(record, "unusable subscription request: " + StreamState.describe(e));
      return;
    }
    if (request.expired(clock.millis())) {
      changed |= wanted.remove(record.key()) != null;
      return;
    }
    Wanted before = wanted.put(record.key(), new Wanted(request, stream));
    changed |= before == null || !before.stream().equals(stream);
  }

  /** Drops requests whose lease has passed. */
  private void sweep() {
    long now = clock.millis();
    if (now < nextSweep) {
      return;
    }
    nextSweep = now + SWEEP_MILLIS;
    for (Map<String, Wanted> wanted : byPartition.values()) {
      changed |= wanted.values().removeIf(w -> w.request().expired(now));
    }
  }

  private void publishIfChanged() {
    if (!changed) {
      return;
    }
    changed = false;
    Map<String, SubscriptionRequest> desired = new HashMap<>();
    byPartition
        .values()
        .forEach(m -> m.values().forEach(w -> desired.put(w.stream(), w.request())));
    sink.accept(desired);
  }

  private void deadLetter(ConsumerRecord<String, byte[]> record, String error) {
    publisher.deadLetter(
        DeadLetter.ofRecord(
            deadLetterSource,
            record.topic(),
            record.partition(),
            record.offset(),
            error,
            record.value(),
            clock.millis()));
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    private final KafkaConsumer<String, byte[]> consumer;

    Rebalance(KafkaConsumer<String, byte[]> consumer) {
      this.consumer = consumer;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      partitions.forEach(p -> byPartition.put(p, new HashMap<>()));
      consumer.seekToBeginning(partitions);
      assignedPartitions = byPartition.size();
      if (!partitions.isEmpty()) {
        log.info("{}: assigned control partitions {}", venueId, numbers(partitions));
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      handBack(partitions, "revoked");
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      handBack(partitions, "lost");
    }

    /** Unsubscribes at once so the next owner never serves a stream we still serve. */
    private void handBack(Collection<TopicPartition> partitions, String how) {
      if (partitions.isEmpty()) {
        return;
      }
      partitions.forEach(byPartition::remove);
      assignedPartitions = byPartition.size();
      log.info("{}: control partitions {} {}", venueId, numbers(partitions), how);
      changed = true;
      publishIfChanged();
    }

    private List<Integer> numbers(Collection<TopicPartition> partitions) {
      return partitions.stream().map(TopicPartition::partition).sorted().toList();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Leaves the group (its partitions move to the other replicas at once). */
  @Override
  public void close() {
    closing = true;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    } else {
      thread.interrupt();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.tickwire.testkit;

import io.tickwire.model.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Produces and reads records of registry topics in tests. Reads never sleep: they poll until the
 * condition holds or the timeout passes, then fail with what they saw.
 */
public final class KafkaTestClient {

  private final String bootstrapServers;

  public KafkaTestClient(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Creates the topics (ignoring ones that exist) with their registry partitions and configs, and
   * waits until the broker serves every partition: writing into a partition whose leader is not
   * known yet can leave an idempotent producer retrying out-of-order sequences under load.
   */
  public void createTopics(Collection<? extends Topic<?, ?>> topics) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      for (Topic<?, ?> topic : topics) {
        try {
          admin
              .createTopics(
                  List.of(
                      new NewTopic(topic.name(), topic.partitions(), (short) 1)
                          .configs(topic.configs())))
              .all()
              .get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create " + topic.name(), e);
          }
        }
      }
      awaitLeaders(admin, topics.stream().map(Topic::name).toList());
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("cannot create topics", e);
    }
  }

  private static void awaitLeaders(Admin admin, List<String> names)
      throws InterruptedException, java.util.concurrent.TimeoutException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        boolean served =
            admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                .flatMap(d -> d.partitions().stream())
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        if (served) {
          return;
        }
      } catch (java.util.concurrent.ExecutionException notYetVisible) {
        // a topic created a moment ago may not be described yet
      }
      if (System.nanoTime() > deadline) {
        throw new java.util.concurrent.TimeoutException(
            "partitions of " + names + " have no leader");
      }
      Thread.sleep(50);
    }
  }

  /** Sends records and waits until the broker acknowledged each. */
  @SafeVarargs
  public final <K, V> void send(Topic<K, V> topic, Map.Entry<K, V>... records) {
    send(
        topic.name(),
        topic.keySerde().serializer(),
        topic.valueSerde().serializer(),
        List.of(records));
  }

  public <K, V> void send(
      String topic, Serializer<K> keys, Serializer<V> values, List<Map.Entry<K, V>> records) {
    try (KafkaProducer<K, V> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrapServers, "acks", "all", "linger.ms", 0),
            keys,
            values)) {
      List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
      for (Map.Entry<K, V> record : records) {
        acks.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
      }
      for (java.util.concurrent.Future<?> ack : acks) {
        ack.get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot send to " + topic, e);
    }
  }

  /** Reads the topic from the beginning until at least {@code count} records arrived. */
  public <K, V> List<ConsumerRecord<K, V>> read(Topic<K, V> topic, int count, Duration timeout) {
    return readUntil(topic, records -> records.size() >= count, timeout);
  }

  /**
   * Reads the topic from the beginning (all partitions, committed data only) until the records read
   * so far satisfy the condition.
   *
   * @throws AssertionError when the timeout passes first, listing what was read
   */
  public <K, V> List<ConsumerRecord<K, V>> readUntil(
      Topic<K, V> topic, Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            bootstrapServers,
            "isolation.level",
            "read_committed",
            "enable.auto.commit",
            false);
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(
            config, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      long deadline = System.nanoTime() + timeout.toNanos();
      List<TopicPartition> partitions = List.of();
      while (partitions.isEmpty() && System.nanoTime() < deadline) {
        partitions =
            consumer.partitionsFor(topic.name(), Duration.ofSeconds(5)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .collect(Collectors.toList());
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<K, V>> records = new ArrayList<>();
      while (!done.test(records)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "condition not met on "
                  + topic.name()
                  + " within "
                  + timeout
                  + "; read "
                  + records.size()
                  + " records: "
                  + records.stream()
                      .limit(20)
                      .map(r -> r.key() + "=" + r.value())
                      .collect(Collectors.joining("\n  ", "\n  ", "")));
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /** The offsets a consumer group committed, by partition (absent: nothing committed yet). */
  public Map<TopicPartition, Long> committed(String groupId) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      return admin
          .listConsumerGroupOffsets(groupId)
          .partitionsToOffsetAndMetadata()
          .get(30, TimeUnit.SECONDS)
          .entrySet()
          .stream()
          .filter(e -> e.getValue() != null)
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the offsets of group " + groupId, e);
    }
  }

  /**
   * How many records of the topics the group has not committed yet: 0 when it has committed
   * everything written so far (use to wait until a consumer caught up).
   */
  public long lag(String groupId, Collection<String> topics) {
    Map<TopicPartition, Long> committed = committed(groupId);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
          new java.util.HashMap<>();
      admin
          .describeTopics(topics)
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .values()
          .forEach(
              d ->
                  d.partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(d.name(), p.partition()),
                                  org.apache.kafka.clients.admin.OffsetSpec.latest())));
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
          .mapToLong(e -> e.getValue().offset() - committed.getOrDefault(e.getKey(), 0L))
          .sum();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the lag of group " + groupId, e);
    }
  }
}

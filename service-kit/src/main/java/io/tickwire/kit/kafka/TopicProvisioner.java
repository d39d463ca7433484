package io.tickwire.kit.kafka;

import io.tickwire.model.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the registry's missing topics and reports, without changing them, existing topics whose
 * partitions, cleanup policy or retention differ: an operator may have changed them on purpose, and
 * shrinking or re-keying a topic behind their back would reorder or lose data.
 */
public final class TopicProvisioner {

  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final long TIMEOUT_SECONDS = 30;

  private final Admin admin;
  private final int replicationFactor;

  /**
   * @param replicationFactor for new topics; 0 means min(3, number of brokers)
   */
  public TopicProvisioner(Admin admin, int replicationFactor) {
    this.admin = admin;
    this.replicationFactor = replicationFactor;
  }

  public ProvisionReport apply(Collection<? extends Topic<?, ?>> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    short rf = replicationFactor();
    List<String> created = new ArrayList<>();
    List<Topic<?, ?>> toCompare = new ArrayList<>();
    for (Topic<?, ?> topic : topics) {
      if (existing.contains(topic.name())) {
        toCompare.add(topic);
        continue;
      }
      NewTopic request =
          new NewTopic(topic.name(), topic.partitions(), rf).configs(topic.configs());
      try {
        admin.createTopics(List.of(request)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        created.add(topic.name());
        log.debug(
            "created topic {} ({} partitions, {})",
            topic.name(),
            topic.partitions(),
            topic.configs());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        toCompare.add(topic); // another replica created it first
      }
    }
    awaitServed(created);
    List<ProvisionReport.Mismatch> mismatches = compare(toCompare);
    mismatches.forEach(m -> log.warn("topic differs from the registry, left as is: {}", m));
    List<String> matching =
        toCompare.stream()
            .map(Topic::name)
            .filter(name -> mismatches.stream().noneMatch(m -> m.topic().equals(name)))
            .toList();
    return new ProvisionReport(created, matching, mismatches);
  }

  private List<ProvisionReport.Mismatch> compare(List<Topic<?, ?>> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (topics.isEmpty()) {
      return List.of();
    }
    List<String> names = topics.stream().map(Topic::name).toList();
    List<ConfigResource> resources =
        names.stream()
            .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
            .collect(Collectors.toList());
    Map<String, TopicDescription> descriptions =
        whileMetadataSettles(() -> admin.describeTopics(names).allTopicNames());
    Map<ConfigResource, Config> configs =
        whileMetadataSettles(() -> admin.describeConfigs(resources).all());
    List<ProvisionReport.Mismatch> mismatches = new ArrayList<>();
    for (Topic<?, ?> topic : topics) {
      int partitions = descriptions.get(topic.name()).partitions().size();
      if (partitions != topic.partitions()) {
        mismatches.add(
            new ProvisionReport.Mismatch(
                topic.name(),
                "partitions",
                Integer.toString(topic.partitions()),
                Integer.toString(partitions)));
      }
      Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
      topic
          .configs()
          .forEach(
              (property, expected) -> {
                String value = actual.get(property) == null ? null : actual.get(property).value();
                if (!expected.equals(value)) {
                  mismatches.add(
                      new ProvisionReport.Mismatch(topic.name(), property, expected, value));
                }
              });
    }
    return mismatches;
  }

  /**
   * A topic created a moment ago (by us or another replica) may not be visible to every request
   * yet; such retriable errors clear within seconds.
   */
  private static <T> T whileMetadataSettles(Supplier<KafkaFuture<T>> request)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      try {
        return request.get().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  /**
   * Returns once the broker serves every partition of the topics: each has a leader and answers an
   * offset request as leader. Until the broker has applied a new partition, a produce request fails
   * with NOT_LEADER_OR_FOLLOWER, and an idempotent producer whose next request lands after it is
   * stuck retrying OUT_OF_ORDER_SEQUENCE_NUMBER until the first request's records expire
   * (KAFKA-15591, still seen with the 4.3.1 broker): so nothing writes before this returns.
   */
  private void awaitServed(List<String> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (topics.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
      boolean led = true;
      for (TopicDescription d :
          whileMetadataSettles(() -> admin.describeTopics(topics).allTopicNames()).values()) {
        for (TopicPartitionInfo p : d.partitions()) {
          led &= p.leader() != null && !p.leader().isEmpty();
          partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
        }
      }
      if (led && answersAsLeader(partitions)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("the broker does not serve every partition of " + topics);
      }
      Thread.sleep(50);
    }
  }

  private boolean answersAsLeader(Map<TopicPartition, OffsetSpec> partitions)
      throws InterruptedException, TimeoutException {
    try {
      admin.listOffsets(partitions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RetriableException) {
        return false;
      }
      throw new IllegalStateException("cannot read offsets of new topics", e.getCause());
    }
  }

  private short replicationFactor()
      throws InterruptedException, ExecutionException, TimeoutException {
    if (replicationFactor > 0) {
      return (short) replicationFactor;
    }
    int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
    return (short) Math.max(1, Math.min(3, brokers));
  }
}

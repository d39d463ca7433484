package io.tickwire.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the contract: its name bound to its key and value serdes and the settings it is
 * created with. {@code schema} names the JSON Schema file of its values (under {@code
 * io/tickwire/model/schema/}), or is null for raw topics, whose values are the venue's exact bytes.
 * A retention of null means the topic keeps data until compaction removes it.
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    CleanupPolicy cleanupPolicy,
    Duration retention,
    String schema) {

  public enum CleanupPolicy {
    DELETE("delete"),
    COMPACT("compact");

    private final String config;

    CleanupPolicy(String config) {
      this.config = config;
    }

    public String config() {
      return config;
    }
  }

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " needs at least one partition");
    }
  }

  /** This topic under a deployment prefix ({@code staging.} + {@code md.trades.v1}). */
  public Topic<K, V> withPrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return this;
    }
    return new Topic<>(
        prefix + name, keySerde, valueSerde, partitions, cleanupPolicy, retention, schema);
  }

  /**
   * The topic-level configs it is created with: {@code cleanup.policy} and {@code retention.ms}.
   */
  public Map<String, String> configs() {
    return Map.of(
        "cleanup.policy",
        cleanupPolicy.config(),
        "retention.ms",
        retention == null ? "-1" : Long.toString(retention.toMillis()));
  }
}

package io.tickwire.kit.kafka;

import io.tickwire.kit.CommonSettings;
import io.tickwire.kit.config.ConfigException;
import io.tickwire.kit.config.Settings;
import io.tickwire.model.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka client factories with safe defaults: idempotent producers with {@code acks=all} and lz4,
 * consumers that never auto-commit (services commit after their write) and read committed data. Any
 * client property can be overridden from the environment: {@code KAFKA_PRODUCER_LINGER_MS=20} sets
 * {@code linger.ms} on producers; likewise {@code KAFKA_CONSUMER_*}, {@code KAFKA_ADMIN_*}, {@code
 * KAFKA_STREAMS_*} and {@code KAFKA_CLIENT_*} (all clients, e.g. security settings).
 */
public final class KafkaClients {

  public static final String CLIENT_PREFIX = "KAFKA_CLIENT_";
  public static final String PRODUCER_PREFIX = "KAFKA_PRODUCER_";
  public static final String CONSUMER_PREFIX = "KAFKA_CONSUMER_";
  public static final String ADMIN_PREFIX = "KAFKA_ADMIN_";
  public static final String STREAMS_PREFIX = "KAFKA_STREAMS_";

  private final String bootstrapServers;
  private final String topicPrefix;
  private final Map<String, String> clientOverrides;
  private final Map<String, String> producerOverrides;
  private final Map<String, String> consumerOverrides;
  private final Map<String, String> adminOverrides;
  private final Map<String, String> streamsOverrides;

  private KafkaClients(
      String bootstrapServers,
      String topicPrefix,
      Map<String, String> clientOverrides,
      Map<String, String> producerOverrides,
      Map<String, String> consumerOverrides,
      Map<String, String> adminOverrides,
      Map<String, String> streamsOverrides) {
    this.bootstrapServers = bootstrapServers;
    this.topicPrefix = topicPrefix;
    this.clientOverrides = clientOverrides;
    this.producerOverrides = producerOverrides;
    this.consumerOverrides = consumerOverrides;
    this.adminOverrides = adminOverrides;
    this.streamsOverrides = streamsOverrides;
  }

  /** Plain clients for a bootstrap address, no prefix and no overrides (tests, CLI tools). */
  public static KafkaClients of(String bootstrapServers) {
    return new KafkaClients(bootstrapServers, "", Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  /**
   * Clients from parsed settings. Override variables naming an unknown Kafka property stop
   * start-up, each named in the message.
   */
  public static KafkaClients from(Settings settings) {
    List<ConfigException.Problem> problems = new ArrayList<>();
    Set<String> anyClient = new java.util.HashSet<>(ProducerConfig.configNames());
    anyClient.addAll(ConsumerConfig.configNames());
    anyClient.addAll(AdminClientConfig.configNames());
    KafkaClients clients =
        new KafkaClients(
            settings.get(CommonSettings.KAFKA_BOOTSTRAP_SERVERS),
            settings.find(CommonSettings.TOPIC_PREFIX).orElse(""),
            overrides(settings, CLIENT_PREFIX, anyClient, problems),
            overrides(settings, PRODUCER_PREFIX, ProducerConfig.configNames(), problems),
            overrides(settings, CONSUMER_PREFIX, ConsumerConfig.configNames(), problems),
            overrides(settings, ADMIN_PREFIX, AdminClientConfig.configNames(), problems),
            overrides(settings, STREAMS_PREFIX, null, problems));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return clients;
  }

  private static Map<String, String> overrides(
      Settings settings, String prefix, Set<String> known, List<ConfigException.Problem> problems) {
    Map<String, String> props = new LinkedHashMap<>();
    settings
        .withPrefix(prefix)
        .forEach(
            (suffix, value) -> {
              String property = suffix.toLowerCase(Locale.ROOT).replace('_', '.');
              if (known != null && !known.contains(property)) {
                problems.add(
                    new ConfigException.Problem(
                        prefix + suffix,
                        "'"
                            + property
                            + "' is not a Kafka client property, expected a variable "
                            + "like "
                            + prefix
                            + "LINGER_MS for linger.ms"));
              } else {
                props.put(property, value);
              }
            });
    return Map.copyOf(props);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String topicPrefix() {
    return topicPrefix;
  }

  /** A registry topic under this deployment's prefix. */
  public <K, V> Topic<K, V> topic(Topic<K, V> topic) {
    return topic.withPrefix(topicPrefix);
  }

  public Map<String, Object> producerConfig(String clientId) {
    Map<String, Object> config = base(clientId);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.putAll(producerOverrides);
    return config;
  }

  public Map<String, Object> consumerConfig(String groupId, String clientId) {
    Map<String, Object> config = base(clientId);
    if (groupId != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putAll(consumerOverrides);
    return config;
  }

  public Map<String, Object> adminConfig(String clientId) {
    Map<String, Object> config = base(clientId);
    config.putAll(adminOverrides);
    return config;
  }

  /**
   * Base properties for a Kafka Streams application: bootstrap servers, application id, client
   * overrides and the {@code KAFKA_STREAMS_*} overrides (which may use Streams' own {@code
   * producer.}/{@code consumer.} prefixes). The job adds its guarantees and serdes.
   */
  public Map<String, Object> streamsConfig(String applicationId) {
    Map<String, Object> config = base(applicationId);
    config.put("application.id", applicationId);
    config.putAll(streamsOverrides);
    return config;
  }

  public <K, V> KafkaProducer<K, V> producer(
      String clientId, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
    return new KafkaProducer<>(producerConfig(clientId), keySerializer, valueSerializer);
  }

  public <K, V> KafkaConsumer<K, V> consumer(
      String groupId,
      String clientId,
      Deserializer<K> keyDeserializer,
      Deserializer<V> valueDeserializer) {
    return new KafkaConsumer<>(
        consumerConfig(groupId, clientId), keyDeserializer, valueDeserializer);
  }

  public Admin admin(String clientId) {
    return Admin.create(adminConfig(clientId));
  }

  private Map<String, Object> base(String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers);
    if (clientId != null) {
      config.put("client.id", clientId);
    }
    config.putAll(clientOverrides);
    return config;
  }
}

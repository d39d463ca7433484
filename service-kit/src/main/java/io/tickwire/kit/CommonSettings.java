package io.tickwire.kit;

import io.tickwire.kit.config.Setting;
import java.time.Duration;
import java.util.List;

/** Settings every service has. */
public final class CommonSettings {

  public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS =
      Setting.hostPorts("KAFKA_BOOTSTRAP_SERVERS", "Kafka brokers to connect to")
          .defaultValue("localhost:9092");

  public static final Setting<String> TOPIC_PREFIX =
      Setting.string("TOPIC_PREFIX", "Prefix before every topic name (e.g. 'staging.')")
          .validate(p -> p.matches("[A-Za-z0-9._-]*"), "letters, digits, '.', '_' or '-'")
          .optional();

  public static final Setting<Integer> HEALTH_PORT_BASE =
      Setting.integer(
              "HEALTH_PORT_BASE",
              "Each service serves /health and /metrics on this port plus its offset; 0 picks free ports")
          .range(0, 65000)
          .defaultValue("9400");

  public static final Setting<Duration> SHUTDOWN_TIMEOUT =
      Setting.duration("SHUTDOWN_TIMEOUT", "How long a service may take to stop gracefully")
          .positive()
          .defaultValue("20s");

  public static final Setting<Integer> TOPIC_REPLICATION_FACTOR =
      Setting.integer(
              "TOPIC_REPLICATION_FACTOR",
              "Replication factor of topics tickwire creates; 0 means min(3, number of brokers)")
          .range(0, 16)
          .defaultValue("0");

  public static final List<Setting<?>> ALL =
      List.of(
          KAFKA_BOOTSTRAP_SERVERS,
          TOPIC_PREFIX,
          HEALTH_PORT_BASE,
          SHUTDOWN_TIMEOUT,
          TOPIC_REPLICATION_FACTOR);

  private CommonSettings() {}
}

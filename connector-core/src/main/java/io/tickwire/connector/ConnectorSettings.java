package io.tickwire.connector;

import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import java.time.Duration;
import java.util.List;

/**
 * Settings every connector shares (one set per process, whatever venues it serves). Venue-specific
 * ones (URLs, streams, limits) are in {@link VenueSettings}.
 */
public final class ConnectorSettings {

  public static final Setting<Integer> IO_THREADS =
      Setting.integer(
              "CONNECTOR_IO_THREADS",
              "Event-loop threads for exchange WebSocket connections; 0 means one per core")
          .range(0, 64)
          .defaultValue("0");

  public static final Setting<Duration> CONNECT_TIMEOUT =
      Setting.duration(
              "CONNECTOR_CONNECT_TIMEOUT",
              "Longest a WebSocket connect (TCP, TLS and upgrade) may take before it is retried")
          .positive()
          .defaultValue("10s");

  public static final Setting<Duration> BACKOFF_BASE =
      Setting.duration(
              "CONNECTOR_BACKOFF_BASE",
              "First reconnect wait; it doubles per failure (full jitter) up to the cap")
          .positive()
          .defaultValue("500ms");

  public static final Setting<Duration> BACKOFF_CAP =
      Setting.duration("CONNECTOR_BACKOFF_CAP", "Longest reconnect wait")
          .positive()
          .defaultValue("60s");

  public static final Setting<Duration> CONTROL_ACK_TIMEOUT =
      Setting.duration(
              "CONNECTOR_CONTROL_ACK_TIMEOUT",
              "A subscribe/unsubscribe not acknowledged within this time replaces the connection")
          .positive()
          .defaultValue("10s");

  public static final Setting<Duration> ROTATION_MAX_OVERLAP =
      Setting.duration(
              "CONNECTOR_ROTATION_MAX_OVERLAP",
              "Longest a replacement connection runs beside the one it replaces before the switch")
          .positive()
          .defaultValue("30s");

  public static final Setting<Duration> ROTATION_QUIET_GRACE =
      Setting.duration(
              "CONNECTOR_ROTATION_QUIET_GRACE",
              "During a rotation, how long streams with no traffic at all are given on the new"
                  + " connection before the switch")
          .positive()
          .defaultValue("2s");

  public static final Setting<Duration> BACKFILL_TIMEOUT =
      Setting.duration(
              "CONNECTOR_BACKFILL_TIMEOUT",
              "Longest a stream's newer events are held while its gap is backfilled")
          .positive()
          .defaultValue("30s");

  public static final Setting<Integer> BACKFILL_MAX_HELD =
      Setting.integer(
              "CONNECTOR_BACKFILL_MAX_HELD",
              "Most events held per stream while its gap is backfilled; beyond it the backfill is"
                  + " abandoned and the gap left marked")
          .range(1, 10_000_000)
          .defaultValue("100000");

  public static final Setting<Integer> BUFFER_MAX_MESSAGES =
      Setting.integer(
              "CONNECTOR_BUFFER_MAX_MESSAGES",
              "Messages kept in memory while Kafka is slow or unreachable; beyond it new messages"
                  + " are dropped, counted and marked with a 'dropped' status marker")
          .range(1, 100_000_000)
          .defaultValue("200000");

  public static final Setting<Long> BUFFER_MAX_BYTES =
      Setting.longInteger(
              "CONNECTOR_BUFFER_MAX_BYTES",
              "Bytes kept in memory while Kafka is slow or unreachable")
          .range(1024, Long.MAX_VALUE)
          .defaultValue("134217728");

  public static final Setting<Duration> PUBLISH_STALL_TIMEOUT =
      Setting.duration(
              "CONNECTOR_PUBLISH_STALL_TIMEOUT",
              "The connector reports not-ready when Kafka acknowledged nothing for this long while"
                  + " messages wait")
          .positive()
          .defaultValue("15s");

  public static final Setting<Duration> DELIVERY_TIMEOUT =
      Setting.duration(
              "CONNECTOR_DELIVERY_TIMEOUT",
              "Kafka producer delivery.timeout.ms; a record that times out is sent again, never"
                  + " dropped")
          .positive()
          .defaultValue("2m");

  public static final Setting<Integer> MAX_MESSAGE_BYTES =
      Setting.integer(
              "CONNECTOR_MAX_MESSAGE_BYTES", "Largest WebSocket message accepted from a venue")
          .range(1024, Integer.MAX_VALUE)
          .defaultValue("8388608");

  public static final Setting<Duration> REBALANCE_SESSION_TIMEOUT =
      Setting.duration(
              "CONNECTOR_REBALANCE_SESSION_TIMEOUT",
              "How long a silent replica keeps its streams before the others take them over"
                  + " (consumer group session timeout on control.subscriptions.v1)")
          .validate(d -> d.toMillis() >= 6000 && d.toMillis() <= 300_000, "between 6s and 5m")
          .defaultValue("10s");

  public static final Setting<String> REPLICA_ID =
      Setting.string(
              "CONNECTOR_REPLICA_ID",
              "Name of this replica in client ids and connection ids (default: host name and a"
                  + " random suffix)")
          .validate(s -> s.matches("[A-Za-z0-9._-]{1,64}"), "1-64 letters, digits, '.', '_', '-'")
          .optional();

  public static final List<Setting<?>> ALL =
      List.of(
          IO_THREADS,
          CONNECT_TIMEOUT,
          BACKOFF_BASE,
          BACKOFF_CAP,
          CONTROL_ACK_TIMEOUT,
          ROTATION_MAX_OVERLAP,
          ROTATION_QUIET_GRACE,
          BACKFILL_TIMEOUT,
          BACKFILL_MAX_HELD,
          BUFFER_MAX_MESSAGES,
          BUFFER_MAX_BYTES,
          PUBLISH_STALL_TIMEOUT,
          DELIVERY_TIMEOUT,
          MAX_MESSAGE_BYTES,
          REBALANCE_SESSION_TIMEOUT,
          REPLICA_ID);

  private ConnectorSettings() {}

  /** The parsed values. */
  public record Config(
      int ioThreads,
      Duration connectTimeout,
      Duration backoffBase,
      Duration backoffCap,
      Duration controlAckTimeout,
      Duration rotationMaxOverlap,
      Duration rotationQuietGrace,
      Duration backfillTimeout,
      int backfillMaxHeld,
      int bufferMaxMessages,
      long bufferMaxBytes,
      Duration publishStallTimeout,
      Duration deliveryTimeout,
      int maxMessageBytes,
      Duration rebalanceSessionTimeout,
      String replicaId) {}

  public static Config parse(Settings settings) {
    return new Config(
        settings.get(IO_THREADS),
        settings.get(CONNECT_TIMEOUT),
        settings.get(BACKOFF_BASE),
        settings.get(BACKOFF_CAP),
        settings.get(CONTROL_ACK_TIMEOUT),
        settings.get(ROTATION_MAX_OVERLAP),
        settings.get(ROTATION_QUIET_GRACE),
        settings.get(BACKFILL_TIMEOUT),
        settings.get(BACKFILL_MAX_HELD),
        settings.get(BUFFER_MAX_MESSAGES),
        settings.get(BUFFER_MAX_BYTES),
        settings.get(PUBLISH_STALL_TIMEOUT),
        settings.get(DELIVERY_TIMEOUT),
        settings.get(MAX_MESSAGE_BYTES),
        settings.get(REBALANCE_SESSION_TIMEOUT),
        settings.find(REPLICA_ID).orElseGet(ConnectorSettings::defaultReplicaId));
  }

  private static String defaultReplicaId() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "");
    } catch (java.io.IOException e) {
      host = "replica";
    }
    if (host.isEmpty() || host.length() > 40) {
      host = "replica";
    }
    return host
        + "-"
        + String.format("%06x", java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 24));
  }
}

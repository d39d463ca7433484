package io.tickwire.kit;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickwire.kit.config.Settings;
import io.tickwire.kit.kafka.KafkaClients;
import java.time.Clock;

/**
 * What a service gets from its host: validated settings, Kafka client factories bound to the
 * deployment's bootstrap servers and topic prefix, and its own meter registry (tagged with the
 * service name and exposed on its {@code /metrics}).
 */
public record ServiceContext(
    String serviceName, Settings settings, KafkaClients kafka, MeterRegistry meters, Clock clock) {}

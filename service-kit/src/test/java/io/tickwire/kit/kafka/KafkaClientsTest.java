package io.tickwire.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.kit.CommonSettings;
import io.tickwire.kit.config.ConfigException;
import io.tickwire.kit.config.Settings;
import io.tickwire.model.Topics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

  @Test
  void safeDefaults() {
    KafkaClients clients = KafkaClients.of("k:9092");

    assertThat(clients.producerConfig("p"))
        .containsEntry("bootstrap.servers", "k:9092")
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true)
        .containsEntry("compression.type", "lz4")
        .containsEntry("linger.ms", 5);
    assertThat(clients.consumerConfig("g", "c"))
        .containsEntry("group.id", "g")
        .containsEntry("enable.auto.commit", false)
        .containsEntry("isolation.level", "read_committed");
  }

  @Test
  void environmentOverridesMapToKafkaProperties() {
    Settings settings =
        Settings.parse(
            CommonSettings.ALL,
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "b1:9092,b2:9092",
                "TOPIC_PREFIX", "staging.",
                "KAFKA_PRODUCER_LINGER_MS", "20",
                "KAFKA_CONSUMER_MAX_POLL_RECORDS", "50",
                "KAFKA_CLIENT_SECURITY_PROTOCOL", "SSL",
                "KAFKA_STREAMS_NUM_STREAM_THREADS", "2"));

    KafkaClients clients = KafkaClients.from(settings);

    assertThat(clients.producerConfig("p"))
        .containsEntry("linger.ms", "20")
        .containsEntry("security.protocol", "SSL")
        .containsEntry("bootstrap.servers", "b1:9092,b2:9092");
    assertThat(clients.consumerConfig("g", "c")).containsEntry("max.poll.records", "50");
    assertThat(clients.streamsConfig("app"))
        .containsEntry("application.id", "app")
        .containsEntry("num.stream.threads", "2");
    assertThat(clients.topic(Topics.TRADES).name()).isEqualTo("staging.md.trades.v1");
  }

  @Test
  void unknownOverridesStopStartUpNamingTheVariable() {
    Settings settings =
        Settings.parse(
            CommonSettings.ALL,
            Map.of("KAFKA_PRODUCER_LINGER", "20", "KAFKA_CONSUMER_FETCH_MAX_BYTES", "1000"));

    assertThatThrownBy(() -> KafkaClients.from(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("KAFKA_PRODUCER_LINGER: 'linger' is not a Kafka client property")
        .hasMessageNotContaining("FETCH_MAX_BYTES");
  }
}

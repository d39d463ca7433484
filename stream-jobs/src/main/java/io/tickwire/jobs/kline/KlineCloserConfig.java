package io.tickwire.jobs.kline;

import io.tickwire.jobs.StreamJobSettings;
import io.tickwire.kit.config.Settings;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.Kline;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import java.time.Duration;

/**
 * What kline-closer runs with: its application id and topics, both under the deployment's prefix,
 * and how long it remembers published candles.
 */
public record KlineCloserConfig(
    String applicationId,
    Topic<String, Kline> input,
    Topic<String, Kline> output,
    Duration retention) {

  public static KlineCloserConfig from(Settings settings, KafkaClients kafka) {
    return new KlineCloserConfig(
        kafka.topicPrefix() + settings.get(StreamJobSettings.KLINE_CLOSER_APPLICATION_ID),
        kafka.topic(Topics.KLINES),
        kafka.topic(Topics.KLINES_CLOSED),
        settings.get(StreamJobSettings.KLINE_CLOSER_RETENTION));
  }
}

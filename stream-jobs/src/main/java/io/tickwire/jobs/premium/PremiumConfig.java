package io.tickwire.jobs.premium;

import io.tickwire.jobs.StreamJobSettings;
import io.tickwire.kit.config.Settings;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.BookTop;
import io.tickwire.model.Premium;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import java.time.Duration;

/**
 * What premium runs with: application id and topics under the deployment's prefix, the cadence, the
 * inputs' age limit and the two venues compared (Upbit KRW markets and its USDT-KRW rate against
 * Binance spot USDT markets, unless a deployment suffix names other instances of them).
 */
public record PremiumConfig(
    String applicationId,
    Topic<String, BookTop> input,
    Topic<String, Premium> output,
    Duration cadence,
    Duration maxAge,
    String krwVenue,
    String usdtVenue) {

  public static PremiumConfig from(Settings settings, KafkaClients kafka) {
    return new PremiumConfig(
        kafka.topicPrefix() + settings.get(StreamJobSettings.PREMIUM_APPLICATION_ID),
        kafka.topic(Topics.BOOK_TOP),
        kafka.topic(Topics.PREMIUM),
        settings.get(StreamJobSettings.PREMIUM_CADENCE),
        settings.get(StreamJobSettings.PREMIUM_MAX_AGE),
        settings.get(StreamJobSettings.PREMIUM_KRW_VENUE),
        settings.get(StreamJobSettings.PREMIUM_USDT_VENUE));
  }
}

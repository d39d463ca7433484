package io.tickwire.jobs.book;

import io.tickwire.jobs.StreamJobSettings;
import io.tickwire.kit.config.Settings;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.BookEvent;
import io.tickwire.model.BookTop;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import java.time.Duration;
import java.util.List;

/**
 * What book-aggregator runs with: application id and topics under the deployment's prefix, the
 * emission cadence, N levels per side and the basis-point bands around mid.
 */
public record BookAggregatorConfig(
    String applicationId,
    Topic<String, BookEvent> books,
    Topic<String, StatusMarker> status,
    Topic<String, BookTop> output,
    Duration cadence,
    int levels,
    List<Integer> bandsBps) {

  public BookAggregatorConfig {
    bandsBps = List.copyOf(bandsBps);
  }

  public static BookAggregatorConfig from(Settings settings, KafkaClients kafka) {
    return new BookAggregatorConfig(
        kafka.topicPrefix() + settings.get(StreamJobSettings.BOOK_AGGREGATOR_APPLICATION_ID),
        kafka.topic(Topics.BOOK),
        kafka.topic(Topics.STATUS),
        kafka.topic(Topics.BOOK_TOP),
        settings.get(StreamJobSettings.BOOK_TOP_CADENCE),
        settings.get(StreamJobSettings.BOOK_TOP_LEVELS),
        settings.get(StreamJobSettings.BOOK_TOP_BANDS_BPS));
  }
}

package io.tickwire.kit.kafka;

import io.tickwire.model.AccountScoped;
import io.tickwire.model.MarketEvent;
import io.tickwire.model.Topic;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Writes the records of one poll to a store, for {@link BatchWriteConsumer}. Every write must be
 * idempotent: after an outage, a restart or a rebalance the same records are written again.
 */
@FunctionalInterface
public interface BatchWriter {

  /**
   * Writes the batch and returns once the store has acknowledged all of it.
   *
   * @return the records that cannot be written however often one tries (unreadable, or refused by
   *     the store), each with the reason; they go to the dead-letter topic
   * @throws Exception when the store is unreachable or failed as a whole: the consumer pauses and
   *     writes the same batch again after a backoff
   */
  List<Rejection> write(List<ConsumerRecord<String, byte[]>> batch) throws Exception;

  /** A record that will never be written, and why. */
  record Rejection(ConsumerRecord<String, byte[]> record, String reason) {}

  /**
   * The event of a record of a registry topic, with the fields that name it present: venue and
   * native symbol of a market event, venue and account of a private one.
   *
   * @throws RuntimeException naming what is wrong: a reason to reject the record
   */
  static <T> T decode(Topic<String, T> topic, ConsumerRecord<String, byte[]> record) {
    T value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
    if (value == null) {
      throw new IllegalArgumentException("empty value");
    }
    if (value instanceof MarketEvent event) {
      required(event.venue(), "venue");
      required(event.symbol(), "symbol");
      required(event.nativeSymbol(), "nativeSymbol");
    }
    if (value instanceof AccountScoped event) {
      required(event.venue(), "venue");
      required(event.accountId(), "accountId");
    }
    return value;
  }

  /**
   * @throws IllegalArgumentException "missing {@code field}" when the value is null or empty
   */
  static void required(String value, String field) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("missing " + field);
    }
  }
}

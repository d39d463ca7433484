package io.tickwire.kit.kafka;

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
}

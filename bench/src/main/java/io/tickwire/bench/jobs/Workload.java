package io.tickwire.bench.jobs;

import io.tickwire.model.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The input of one stream job for the load harness: an endless, valid sequence of records (so the
 * job does real work on every one) and, for each output record, the time its newest input was
 * produced.
 */
interface Workload {

  /** The target that runs the job ({@code tickwire run --target <target>}). */
  String target();

  /** Its default application id, the consumer group whose committed offsets show progress. */
  String applicationId();

  /** Where the records go (unprefixed). */
  Topic<String, ?> input();

  /** Where the job writes (unprefixed). */
  Topic<String, ?> output();

  /** The next input record, made at {@code now} (epoch ms), for the prefixed topic. */
  ProducerRecord<String, byte[]> next(String topic, long now);

  /** When the newest input this output derives from was produced (epoch ms). */
  long origin(ConsumerRecord<String, byte[]> output);

  /** What one record is, for the report. */
  String describe();
}

package io.tickwire.kit.kafka;

import io.tickwire.model.DeadLetter;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import java.time.Duration;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what a service could not parse or process to {@code deadletter.v1}, keyed by source, so bad
 * input never crashes a service and never disappears silently.
 */
public final class DeadLetterProducer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterProducer.class);

  private final Topic<String, DeadLetter> topic;
  private final KafkaProducer<String, DeadLetter> producer;

  public DeadLetterProducer(KafkaClients kafka, String clientId) {
    this.topic = kafka.topic(Topics.DEAD_LETTERS);
    this.producer =
        kafka.producer(clientId, topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  public Future<RecordMetadata> send(DeadLetter letter) {
    log.warn("dead letter from {}: {}", letter.source(), letter.error());
    return producer.send(new ProducerRecord<>(topic.name(), letter.source(), letter));
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}

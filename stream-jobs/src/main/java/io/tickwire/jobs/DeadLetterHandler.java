package io.tickwire.jobs;

import io.tickwire.model.DeadLetter;
import io.tickwire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a record a job cannot read or process into a {@link DeadLetter} on {@code deadletter.v1}
 * (with its topic, partition, offset and the reason) and lets the job continue. Kafka Streams
 * writes the dead letter with the job's own transactional producer, so under exactly-once it is
 * published together with the offset that skips the record: never lost, never written twice.
 *
 * <p>Kafka Streams creates this class from its configuration; {@link #TOPIC_CONFIG} names the
 * (prefixed) dead-letter topic and {@link #SOURCE_CONFIG} the dead letters' source.
 */
public final class DeadLetterHandler
    implements DeserializationExceptionHandler, ProcessingExceptionHandler {

  public static final String TOPIC_CONFIG = "tickwire.dead.letter.topic";
  public static final String SOURCE_CONFIG = "tickwire.dead.letter.source";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

  private String topic;
  private String source;

  @Override
  public void configure(Map<String, ?> configs) {
    topic = required(configs, TOPIC_CONFIG);
    source = required(configs, SOURCE_CONFIG);
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    DeadLetter letter =
        DeadLetter.ofRecord(
            source,
            record.topic(),
            record.partition(),
            record.offset(),
            "cannot read the record: " + exception.getMessage(),
            record.value(),
            System.currentTimeMillis());
    return DeserializationExceptionHandler.Response.resume(List.of(send(letter)));
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    String reason =
        exception instanceof RejectedRecordException
            ? exception.getMessage()
            : "failed in " + context.processorNodeId() + ": " + exception;
    if (!(exception instanceof RejectedRecordException)) {
      log.warn("{}: processing failed, record sent to the dead-letter topic", source, exception);
    }
    DeadLetter letter =
        context.topic() == null || context.partition() < 0
            ? punctuationLetter(reason, record)
            : DeadLetter.ofRecord(
                source,
                context.topic(),
                context.partition(),
                context.offset(),
                reason,
                context.sourceRawValue(),
                System.currentTimeMillis());
    return ProcessingExceptionHandler.Response.resume(List.of(send(letter)));
  }

  /** A failure while emitting on a schedule has no input record: keep the key it was about. */
  private DeadLetter punctuationLetter(String reason, Record<?, ?> record) {
    String about = record == null ? "" : String.valueOf(record.key());
    return DeadLetter.ofFrame(
        source,
        null,
        null,
        null,
        reason,
        about.getBytes(StandardCharsets.UTF_8),
        System.currentTimeMillis());
  }

  private ProducerRecord<byte[], byte[]> send(DeadLetter letter) {
    log.warn(
        "{}: dead letter for {}-{}@{}: {}",
        source,
        letter.originTopic(),
        letter.originPartition(),
        letter.originOffset(),
        letter.error());
    return new ProducerRecord<>(
        topic,
        source.getBytes(StandardCharsets.UTF_8),
        Topics.DEAD_LETTERS.valueSerde().serializer().serialize(topic, letter));
  }

  private static String required(Map<String, ?> configs, String name) {
    Object value = configs.get(name);
    if (value == null || value.toString().isBlank()) {
      throw new ConfigException(name, value, "the dead-letter handler needs it");
    }
    return value.toString();
  }
}

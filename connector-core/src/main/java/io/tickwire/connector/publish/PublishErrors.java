package io.tickwire.connector.publish;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decides what to do with a failed send, walking the cause chain: most failures (broker down,
 * leader moving, timeouts, even authorization) are retried until Kafka takes the record, because a
 * connector must never lose data silently; only a record Kafka will never accept (too large,
 * unserializable, invalid topic) is given up and sent to the dead-letter topic instead.
 */
public final class PublishErrors {

  private PublishErrors() {}

  /** True when the same record should be sent again. */
  public static boolean isRetriable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (isRecordRejected(t)) {
        return false;
      }
      if (t instanceof RetriableException) {
        return true;
      }
    }
    return true;
  }

  /** True when Kafka will never accept this record as it is. */
  public static boolean isRecordRejected(Throwable t) {
    return t instanceof RecordTooLargeException
        || t instanceof RecordBatchTooLargeException
        || t instanceof SerializationException
        || t instanceof InvalidTopicException;
  }
}

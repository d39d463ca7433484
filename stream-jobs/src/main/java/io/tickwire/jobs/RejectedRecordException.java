package io.tickwire.jobs;

/**
 * Thrown by a job's processor for an input record it must not use (invalid, or too late to tell
 * whether it was already published). {@link DeadLetterHandler} sends the record to the dead-letter
 * topic with this message as the reason, and the job carries on with the next record.
 */
public final class RejectedRecordException extends RuntimeException {

  public RejectedRecordException(String reason) {
    super(reason, null, false, false);
  }
}

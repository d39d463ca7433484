package io.tickwire.model;

/** Header names on {@code raw.<venue>.v1} records; values are ASCII text. */
public final class RawHeaders {

  /** When the frame was received, in epoch microseconds. */
  public static final String RECEIVED_AT = "tw-received-at";

  /** The connection the frame arrived on (unique per process and connection). */
  public static final String CONNECTION_ID = "tw-connection-id";

  private RawHeaders() {}
}

package io.tickwire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A payload that could not be parsed or processed, on {@code deadletter.v1}, keyed by {@code
 * source}. It keeps the payload (UTF-8 text, or base64 when it was not text), the error and where
 * it came from: a connection and stream for exchange frames, a topic, partition and offset for
 * records a service consumed.
 */
public record DeadLetter(
    String source,
    String venue,
    String stream,
    String connectionId,
    String originTopic,
    Integer originPartition,
    Long originOffset,
    String error,
    String payload,
    Encoding payloadEncoding,
    long time) {

  public enum Encoding {
    @JsonProperty("utf8")
    UTF8,
    @JsonProperty("base64")
    BASE64
  }

  /** A dead letter for an exchange frame that could not be parsed or mapped. */
  public static DeadLetter ofFrame(
      String source,
      String venue,
      String stream,
      String connectionId,
      String error,
      byte[] payload,
      long time) {
    return of(source, venue, stream, connectionId, null, null, null, error, payload, time);
  }

  /** A dead letter for a Kafka record a service could not process. */
  public static DeadLetter ofRecord(
      String source,
      String topic,
      int partition,
      long offset,
      String error,
      byte[] payload,
      long time) {
    return of(source, null, null, null, topic, partition, offset, error, payload, time);
  }

  private static DeadLetter of(
      String source,
      String venue,
      String stream,
      String connectionId,
      String topic,
      Integer partition,
      Long offset,
      String error,
      byte[] payload,
      long time) {
    byte[] bytes = payload == null ? new byte[0] : payload;
    String text;
    Encoding encoding;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      encoding = Encoding.UTF8;
    } catch (CharacterCodingException notText) {
      text = Base64.getEncoder().encodeToString(bytes);
      encoding = Encoding.BASE64;
    }
    return new DeadLetter(
        source, venue, stream, connectionId, topic, partition, offset, error, text, encoding, time);
  }
}

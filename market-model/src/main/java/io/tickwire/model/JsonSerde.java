package io.tickwire.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one event type, using the contract's {@link Json} configuration. Hot-path types
 * have a hand-written streaming {@link JsonCodec} that writes the same JSON.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

  private final Class<T> type;
  private final ObjectWriter writer;
  private final ObjectReader reader;
  private final JsonCodec<T> codec;

  public JsonSerde(Class<T> type) {
    this(type, null);
  }

  JsonSerde(Class<T> type, JsonCodec<T> codec) {
    this.type = type;
    this.writer = Json.mapper().writerFor(type);
    this.reader = Json.mapper().readerFor(type);
    this.codec = codec;
  }

  public Class<T> type() {
    return type;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      if (codec == null) {
        return writer.writeValueAsBytes(data);
      }
      ByteArrayBuilder bytes = new ByteArrayBuilder(512);
      try (JsonGenerator out = factory().createGenerator(bytes)) {
        codec.write(out, data);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON", e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      if (codec == null) {
        return reader.readValue(data);
      }
      return codec.read(new JsonCursor(data));
    } catch (IOException | IllegalArgumentException e) {
      throw new SerializationException(
          "cannot read " + type.getSimpleName() + " from topic " + topic + ": " + rootMessage(e),
          e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}

  private static JsonFactory factory() {
    return Json.mapper().getFactory();
  }

  private static String rootMessage(Exception e) {
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
        ? jpe.getOriginalMessage()
        : e.getMessage();
  }
}

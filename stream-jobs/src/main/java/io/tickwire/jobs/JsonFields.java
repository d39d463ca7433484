package io.tickwire.jobs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tickwire.model.Json;
import java.io.IOException;

/**
 * Reads the top-level fields of a JSON object with Jackson's streaming parser, for the jobs' hot
 * inputs: a job picks the few fields it needs and everything else (nested lists included) is
 * skipped unread, with no object built per record.
 */
public final class JsonFields {

  /** Called for each top-level field with the parser on its value. */
  @FunctionalInterface
  public interface Visitor {
    void field(String name, JsonToken value, JsonParser in) throws IOException;
  }

  private static final JsonFactory FACTORY = Json.mapper().getFactory();

  private JsonFields() {}

  /**
   * @throws RejectedRecordException when the bytes are not a JSON object, or a field is not of the
   *     type the visitor reads
   */
  public static void read(byte[] json, Visitor visitor) {
    try (JsonParser in = FACTORY.createParser(json)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new RejectedRecordException("cannot read the record: not a JSON object");
      }
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        JsonToken value = in.nextToken();
        visitor.field(name, value, in);
        in.skipChildren();
      }
    } catch (IOException e) {
      throw new RejectedRecordException(
          "cannot read the record: "
              + (e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e));
    }
  }

  /** The value as text, or null for a JSON null. */
  public static String text(JsonParser in, JsonToken value) throws IOException {
    return value == JsonToken.VALUE_NULL ? null : in.getText();
  }
}

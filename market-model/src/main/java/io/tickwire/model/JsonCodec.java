package io.tickwire.model;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A hand-written streaming codec for an event on the hot path (trades, book events): the same JSON
 * as the databind mapping, without reflection. {@link JsonSerde} uses one when given.
 */
interface JsonCodec<T> {

  void write(JsonGenerator out, T value) throws IOException;

  /** Reads one object from the start of the cursor. Unknown fields are skipped. */
  T read(JsonCursor in);
}

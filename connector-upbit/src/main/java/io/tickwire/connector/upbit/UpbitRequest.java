package io.tickwire.connector.upbit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Upbit's subscription request: one JSON array carrying the WHOLE list of a connection's streams,
 * because a new request replaces the previous one. One type object per type, codes in upper case
 * and sorted; orderbooks with a grouping get one object per {@code level} (Upbit sets the level per
 * type object); then the format.
 *
 * <pre>
 * [{"ticket":"..."},{"type":"orderbook","codes":["KRW-BTC.15"],"level":10000},
 *  {"type":"orderbook","codes":["KRW-ETH"]},{"type":"trade","codes":["KRW-BTC"]},{"format":"DEFAULT"}]
 * </pre>
 */
final class UpbitRequest {

  private static final JsonFactory JSON = new JsonFactory();

  /** A type object: the type and, for orderbooks, the grouping it asks for. */
  private record TypeKey(String type, String grouping) {}

  private static final Comparator<TypeKey> ORDER =
      Comparator.comparing(TypeKey::type)
          .thenComparing(TypeKey::grouping, Comparator.nullsFirst(Comparator.naturalOrder()));

  private UpbitRequest() {}

  static String text(String ticket, UpbitFormat format, Collection<UpbitStream> streams) {
    Map<TypeKey, TreeSet<String>> codes = new TreeMap<>(ORDER);
    for (UpbitStream s : streams) {
      codes
          .computeIfAbsent(new TypeKey(s.type(), s.grouping()), k -> new TreeSet<>())
          .add(s.requestCode());
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartArray();
      g.writeStartObject();
      g.writeStringField("ticket", Objects.requireNonNull(ticket));
      g.writeEndObject();
      for (Map.Entry<TypeKey, TreeSet<String>> e : codes.entrySet()) {
        g.writeStartObject();
        g.writeStringField("type", e.getKey().type());
        g.writeArrayFieldStart("codes");
        for (String code : e.getValue()) {
          g.writeString(code);
        }
        g.writeEndArray();
        if (e.getKey().grouping() != null) {
          g.writeFieldName("level");
          g.writeNumber(e.getKey().grouping());
        }
        g.writeEndObject();
      }
      g.writeStartObject();
      g.writeStringField("format", format.name());
      g.writeEndObject();
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

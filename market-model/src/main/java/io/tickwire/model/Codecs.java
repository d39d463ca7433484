package io.tickwire.model;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** Shared pieces of the streaming codecs; names and enum spellings match the databind mapping. */
final class Codecs {

  private Codecs() {}

  static void instrument(JsonGenerator out, MarketEvent event) throws IOException {
    string(out, "venue", event.venue());
    string(out, "symbol", event.symbol());
    string(out, "nativeSymbol", event.nativeSymbol());
  }

  static void string(JsonGenerator out, String name, String value) throws IOException {
    if (value != null) {
      out.writeStringField(name, value);
    }
  }

  static void number(JsonGenerator out, String name, Long value) throws IOException {
    if (value != null) {
      out.writeNumberField(name, value);
    }
  }

  static void levels(JsonGenerator out, String name, List<Level> levels) throws IOException {
    out.writeArrayFieldStart(name);
    for (Level level : levels) {
      out.writeStartArray();
      out.writeString(level.price());
      out.writeString(level.quantity());
      out.writeEndArray();
    }
    out.writeEndArray();
  }

  /** Enum spellings for {@link JsonCursor#oneOf}, in the enums' declaration order. */
  static final JsonCursor.Names SIDE_NAMES = new JsonCursor.Names("buy", "sell");

  static final JsonCursor.Names TRADE_KIND_NAMES = new JsonCursor.Names("trade", "aggTrade");
  static final JsonCursor.Names BOOK_KIND_NAMES = new JsonCursor.Names("snapshot", "delta");

  // values() copies its array on every call
  static final Side[] SIDES = Side.values();
  static final Trade.Kind[] TRADE_KINDS = Trade.Kind.values();
  static final BookEvent.Kind[] BOOK_KINDS = BookEvent.Kind.values();

  /** Per-thread caches of repeating strings (venue, symbol, native symbol). */
  static final ThreadLocal<String[]> REPEATED = ThreadLocal.withInitial(() -> new String[3]);

  static String side(Side side) {
    return side == Side.BUY ? "buy" : "sell";
  }
}

package io.tickwire.model;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** Streaming JSON for {@link BookEvent}: most of its bytes are price levels. */
final class BookEventCodec implements JsonCodec<BookEvent> {

  /** Field names in the order of the switch below. */
  private static final JsonCursor.Names FIELDS =
      new JsonCursor.Names(
          "venue",
          "symbol",
          "nativeSymbol",
          "kind",
          "depth",
          "firstUpdateId",
          "lastUpdateId",
          "prevUpdateId",
          "bids",
          "asks",
          "eventTime",
          "transactionTime",
          "receivedAt",
          "grouping");

  @Override
  public void write(JsonGenerator out, BookEvent b) throws IOException {
    out.writeStartObject();
    Codecs.instrument(out, b);
    if (b.kind() != null) {
      out.writeStringField("kind", b.kind() == BookEvent.Kind.SNAPSHOT ? "snapshot" : "delta");
    }
    if (b.depth() != null) {
      out.writeNumberField("depth", b.depth());
    }
    Codecs.number(out, "firstUpdateId", b.firstUpdateId());
    out.writeNumberField("lastUpdateId", b.lastUpdateId());
    Codecs.number(out, "prevUpdateId", b.prevUpdateId());
    Codecs.levels(out, "bids", b.bids());
    Codecs.levels(out, "asks", b.asks());
    Codecs.number(out, "eventTime", b.eventTime());
    Codecs.number(out, "transactionTime", b.transactionTime());
    out.writeNumberField("receivedAt", b.receivedAt());
    if (b.grouping() != null) {
      out.writeStringField("grouping", b.grouping());
    }
    out.writeEndObject();
  }

  @Override
  public BookEvent read(JsonCursor in) {
    String venue = null;
    String symbol = null;
    String nativeSymbol = null;
    BookEvent.Kind kind = null;
    Integer depth = null;
    Long firstUpdateId = null;
    long lastUpdateId = 0;
    Long prevUpdateId = null;
    List<Level> bids = List.of();
    List<Level> asks = List.of();
    Long eventTime = null;
    Long transactionTime = null;
    long receivedAt = 0;
    String grouping = null;
    String[] repeated = Codecs.REPEATED.get();
    for (boolean more = in.beginObject(); more; more = in.nextField()) {
      int field = in.field(FIELDS);
      if (in.isNull()) {
        continue;
      }
      switch (field) {
        case 0 /* venue */ -> venue = in.string(repeated, 0);
        case 1 /* symbol */ -> symbol = in.string(repeated, 1);
        case 2 /* nativeSymbol */ -> nativeSymbol = in.string(repeated, 2);
        case 3 /* kind */ -> kind = Codecs.BOOK_KINDS[in.oneOf(Codecs.BOOK_KIND_NAMES)];
        case 4 /* depth */ -> depth = Math.toIntExact(in.longValue());
        case 5 /* firstUpdateId */ -> firstUpdateId = in.longValue();
        case 6 /* lastUpdateId */ -> lastUpdateId = in.longValue();
        case 7 /* prevUpdateId */ -> prevUpdateId = in.longValue();
        case 8 /* bids */ -> bids = in.levels();
        case 9 /* asks */ -> asks = in.levels();
        case 10 /* eventTime */ -> eventTime = in.longValue();
        case 11 /* transactionTime */ -> transactionTime = in.longValue();
        case 12 /* receivedAt */ -> receivedAt = in.longValue();
        case 13 /* grouping */ -> grouping = in.string();
        default -> in.skipValue();
      }
    }
    in.end();
    return new BookEvent(
        venue,
        symbol,
        nativeSymbol,
        kind,
        depth,
        firstUpdateId,
        lastUpdateId,
        prevUpdateId,
        bids,
        asks,
        eventTime,
        transactionTime,
        receivedAt,
        grouping);
  }
}

package io.tickwire.model;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Streaming JSON for {@link Trade}, the highest-volume event. */
final class TradeCodec implements JsonCodec<Trade> {

  /** Field names in the order of the switch below. */
  private static final JsonCursor.Names FIELDS =
      new JsonCursor.Names(
          "venue",
          "symbol",
          "nativeSymbol",
          "kind",
          "tradeId",
          "firstTradeId",
          "lastTradeId",
          "price",
          "quantity",
          "takerSide",
          "tradeTime",
          "eventTime",
          "receivedAt",
          "backfilled");

  @Override
  public void write(JsonGenerator out, Trade t) throws IOException {
    out.writeStartObject();
    Codecs.instrument(out, t);
    if (t.kind() != null) {
      out.writeStringField("kind", t.kind() == Trade.Kind.AGG_TRADE ? "aggTrade" : "trade");
    }
    out.writeNumberField("tradeId", t.tradeId());
    Codecs.number(out, "firstTradeId", t.firstTradeId());
    Codecs.number(out, "lastTradeId", t.lastTradeId());
    Codecs.string(out, "price", t.price());
    Codecs.string(out, "quantity", t.quantity());
    if (t.takerSide() != null) {
      out.writeStringField("takerSide", Codecs.side(t.takerSide()));
    }
    out.writeNumberField("tradeTime", t.tradeTime());
    out.writeNumberField("eventTime", t.eventTime());
    out.writeNumberField("receivedAt", t.receivedAt());
    out.writeBooleanField("backfilled", t.backfilled());
    out.writeEndObject();
  }

  @Override
  public Trade read(JsonCursor in) {
    String venue = null;
    String symbol = null;
    String nativeSymbol = null;
    Trade.Kind kind = null;
    long tradeId = 0;
    Long firstTradeId = null;
    Long lastTradeId = null;
    String price = null;
    String quantity = null;
    Side takerSide = null;
    long tradeTime = 0;
    long eventTime = 0;
    long receivedAt = 0;
    boolean backfilled = false;
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
        case 3 /* kind */ -> kind = Codecs.TRADE_KINDS[in.oneOf(Codecs.TRADE_KIND_NAMES)];
        case 4 /* tradeId */ -> tradeId = in.longValue();
        case 5 /* firstTradeId */ -> firstTradeId = in.longValue();
        case 6 /* lastTradeId */ -> lastTradeId = in.longValue();
        case 7 /* price */ -> price = in.string();
        case 8 /* quantity */ -> quantity = in.string();
        case 9 /* takerSide */ -> takerSide = Codecs.SIDES[in.oneOf(Codecs.SIDE_NAMES)];
        case 10 /* tradeTime */ -> tradeTime = in.longValue();
        case 11 /* eventTime */ -> eventTime = in.longValue();
        case 12 /* receivedAt */ -> receivedAt = in.longValue();
        case 13 /* backfilled */ -> backfilled = in.booleanValue();
        default -> in.skipValue();
      }
    }
    in.end();
    return new Trade(
        venue,
        symbol,
        nativeSymbol,
        kind,
        tradeId,
        firstTradeId,
        lastTradeId,
        price,
        quantity,
        takerSide,
        tradeTime,
        eventTime,
        receivedAt,
        backfilled);
  }
}

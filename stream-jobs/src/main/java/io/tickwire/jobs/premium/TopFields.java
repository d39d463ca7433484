package io.tickwire.jobs.premium;

import io.tickwire.jobs.JsonFields;

/**
 * The fields of an aggregated book ({@code md.book.top.v1}) the premium uses, read straight from
 * the record's bytes ({@link JsonFields}): the level lists and bands, most of each record, are
 * skipped unread.
 */
record TopFields(
    String venue, String symbol, String nativeSymbol, boolean ok, String mid, long sourceTime) {

  static TopFields read(byte[] json) {
    Reading r = new Reading();
    JsonFields.read(
        json,
        (name, value, in) -> {
          switch (name) {
            case "venue" -> r.venue = JsonFields.text(in, value);
            case "symbol" -> r.symbol = JsonFields.text(in, value);
            case "nativeSymbol" -> r.nativeSymbol = JsonFields.text(in, value);
            case "status" -> r.ok = "ok".equals(JsonFields.text(in, value));
            case "mid" -> r.mid = JsonFields.text(in, value);
            case "sourceTime" -> r.sourceTime = in.getLongValue();
            default -> {}
          }
        });
    return new TopFields(r.venue, r.symbol, r.nativeSymbol, r.ok, r.mid, r.sourceTime);
  }

  private static final class Reading {
    String venue;
    String symbol;
    String nativeSymbol;
    boolean ok;
    String mid;
    long sourceTime;
  }
}

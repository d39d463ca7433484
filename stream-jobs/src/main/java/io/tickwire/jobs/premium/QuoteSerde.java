package io.tickwire.jobs.premium;

import io.tickwire.jobs.BinarySerde;

/** A quote on the premium's repartition topic and in its store. */
final class QuoteSerde extends BinarySerde<Quote> {

  private static final Quote.Role[] ROLES = Quote.Role.values();

  QuoteSerde() {
    super("quote", 1, 64);
  }

  @Override
  protected void write(Writer out, Quote quote) {
    out.writeByte(quote.role().ordinal());
    out.writeString(quote.venue());
    out.writeString(quote.symbol());
    out.writeString(quote.nativeSymbol());
    out.writeString(quote.mid());
    out.writeLong(quote.sourceTime());
  }

  @Override
  protected Quote read(Reader in) {
    return new Quote(
        ROLES[in.readByte()],
        in.readString(),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readLong());
  }
}

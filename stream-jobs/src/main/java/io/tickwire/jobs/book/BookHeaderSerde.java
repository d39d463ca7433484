package io.tickwire.jobs.book;

import io.tickwire.jobs.BinarySerde;

/**
 * A book's header in the store: instrument, status, update id and times, everything but the levels
 * (those are stored one by one, see {@link BookAggregatorProcessor}). Rewritten on every applied
 * event.
 */
final class BookHeaderSerde extends BinarySerde<OrderBook> {

  private static final int BROKEN = 1;
  private static final int AFTER_SNAPSHOT = 2;
  private static final int UNPUBLISHED = 4;

  BookHeaderSerde() {
    super("book header", 1, 96);
  }

  @Override
  protected void write(Writer out, OrderBook book) {
    out.writeString(book.venue());
    out.writeString(book.symbol());
    out.writeString(book.nativeSymbol());
    out.writeByte(
        (book.broken() ? BROKEN : 0)
            | (book.afterSnapshot() ? AFTER_SNAPSHOT : 0)
            | (book.unpublished() ? UNPUBLISHED : 0));
    out.writeString(book.reason());
    out.writeLong(book.updateId());
    out.writeLong(book.snapshotReceivedAt());
    out.writeLong(book.sourceTime());
  }

  @Override
  protected OrderBook read(Reader in) {
    OrderBook book = new OrderBook(in.readString(), in.readString(), in.readString());
    int flags = in.readByte();
    book.restore(
        (flags & BROKEN) != 0,
        in.readString(),
        in.readLong(),
        (flags & AFTER_SNAPSHOT) != 0,
        in.readLong(),
        in.readLong(),
        (flags & UNPUBLISHED) != 0);
    return book;
  }
}

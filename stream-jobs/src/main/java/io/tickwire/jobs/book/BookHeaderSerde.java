package io.tickwire.jobs.book;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A book's header in the store: instrument, status, update id and times, everything but the levels
 * (those are stored one by one, see {@link BookAggregatorProcessor}). Rewritten on every applied
 * event, so it is a flat, versioned binary layout of lengths and ASCII-fast strings, no JSON.
 */
final class BookHeaderSerde
    implements Serde<OrderBook>, Serializer<OrderBook>, Deserializer<OrderBook> {

  private static final byte VERSION = 1;
  private static final int BROKEN = 1;
  private static final int AFTER_SNAPSHOT = 2;
  private static final int UNPUBLISHED = 4;

  @Override
  public byte[] serialize(String topic, OrderBook book) {
    if (book == null) {
      return null;
    }
    Writer out = new Writer(96);
    out.writeByte(VERSION);
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
    return out.bytes();
  }

  @Override
  public OrderBook deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      Reader in = new Reader(data);
      byte version = in.readByte();
      if (version != VERSION) {
        throw new SerializationException("unknown book header version " + version);
      }
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
    } catch (IndexOutOfBoundsException e) {
      throw new SerializationException("truncated book header", e);
    }
  }

  @Override
  public Serializer<OrderBook> serializer() {
    return this;
  }

  @Override
  public Deserializer<OrderBook> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}

  private static final class Writer {
    private byte[] buffer;
    private int size;

    Writer(int capacity) {
      buffer = new byte[capacity];
    }

    void writeByte(int value) {
      ensure(1);
      buffer[size++] = (byte) value;
    }

    void writeInt(int value) {
      ensure(4);
      for (int shift = 24; shift >= 0; shift -= 8) {
        buffer[size++] = (byte) (value >>> shift);
      }
    }

    void writeLong(long value) {
      ensure(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buffer[size++] = (byte) (value >>> shift);
      }
    }

    /** Length-prefixed UTF-8; -1 for null. Decimals and ids are ASCII: copied char by char. */
    void writeString(String value) {
      if (value == null) {
        writeInt(-1);
        return;
      }
      int length = value.length();
      boolean ascii = true;
      for (int i = 0; i < length && ascii; i++) {
        ascii = value.charAt(i) < 0x80;
      }
      if (!ascii) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buffer, size, utf8.length);
        size += utf8.length;
        return;
      }
      writeInt(length);
      ensure(length);
      for (int i = 0; i < length; i++) {
        buffer[size++] = (byte) value.charAt(i);
      }
    }

    byte[] bytes() {
      return Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
      if (size + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
      }
    }
  }

  private static final class Reader {
    private final byte[] data;
    private int position;

    Reader(byte[] data) {
      this.data = data;
    }

    byte readByte() {
      return data[position++];
    }

    int readInt() {
      int value = 0;
      for (int i = 0; i < 4; i++) {
        value = (value << 8) | (data[position++] & 0xff);
      }
      return value;
    }

    long readLong() {
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (data[position++] & 0xff);
      }
      return value;
    }

    String readString() {
      int length = readInt();
      if (length < 0) {
        return null;
      }
      if (position + length > data.length) {
        throw new IndexOutOfBoundsException("string past the end");
      }
      String value = new String(data, position, length, StandardCharsets.UTF_8);
      position += length;
      return value;
    }
  }
}

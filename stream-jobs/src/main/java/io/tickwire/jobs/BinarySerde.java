package io.tickwire.jobs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary serde for what the jobs keep in their stores and pass through their internal
 * topics, where it is written on every record: a version byte, then fixed-width numbers and
 * length-prefixed strings (ASCII copied char by char), no JSON and no reflection.
 */
public abstract class BinarySerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

  private final String what;
  private final int version;
  private final int sizeHint;

  /**
   * @param what named in errors, e.g. {@code "book header"}
   * @param version written first; a value of another version is refused, never misread
   */
  protected BinarySerde(String what, int version, int sizeHint) {
    this.what = what;
    this.version = version;
    this.sizeHint = sizeHint;
  }

  protected abstract void write(Writer out, T value);

  protected abstract T read(Reader in);

  @Override
  public final byte[] serialize(String topic, T value) {
    if (value == null) {
      return null;
    }
    Writer out = new Writer(sizeHint);
    out.writeByte(version);
    write(out, value);
    return out.bytes();
  }

  @Override
  public final T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      Reader in = new Reader(data);
      byte found = in.readByte();
      if (found != version) {
        throw new SerializationException("unknown " + what + " version " + found);
      }
      return read(in);
    } catch (IndexOutOfBoundsException e) {
      throw new SerializationException("truncated " + what, e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}

  public static final class Writer {
    private byte[] buffer;
    private int size;

    Writer(int capacity) {
      buffer = new byte[capacity];
    }

    public void writeByte(int value) {
      ensure(1);
      buffer[size++] = (byte) value;
    }

    public void writeInt(int value) {
      ensure(4);
      for (int shift = 24; shift >= 0; shift -= 8) {
        buffer[size++] = (byte) (value >>> shift);
      }
    }

    public void writeLong(long value) {
      ensure(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buffer[size++] = (byte) (value >>> shift);
      }
    }

    /** Length-prefixed UTF-8; -1 for null. Decimals and ids are ASCII: copied char by char. */
    public void writeString(String value) {
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

  public static final class Reader {
    private final byte[] data;
    private int position;

    Reader(byte[] data) {
      this.data = data;
    }

    public byte readByte() {
      return data[position++];
    }

    public int readInt() {
      int value = 0;
      for (int i = 0; i < 4; i++) {
        value = (value << 8) | (data[position++] & 0xff);
      }
      return value;
    }

    public long readLong() {
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (data[position++] & 0xff);
      }
      return value;
    }

    public String readString() {
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

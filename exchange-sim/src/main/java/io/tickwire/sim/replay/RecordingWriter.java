package io.tickwire.sim.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends frames to a recording file (the format of {@link RecordedFrame}). */
public final class RecordingWriter implements AutoCloseable {

  private final BufferedWriter out;

  /** Creates (or truncates) a recording and writes its header line. */
  public RecordingWriter(Path file) {
    try {
      this.out =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING);
      out.write(RecordedFrame.HEADER);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write recording " + file, e);
    }
  }

  public synchronized void write(RecordedFrame frame) {
    try {
      out.write(frame.toLine());
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

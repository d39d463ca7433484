package io.tickwire.sim.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a recording, line by line; a bad line is an error naming the file and line number. */
public final class RecordingReader implements AutoCloseable {

  private final Path file;
  private final BufferedReader in;
  private long lineNumber;

  public RecordingReader(Path file) {
    this.file = file;
    try {
      this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read recording " + file, e);
    }
  }

  /** The next frame, or null at the end. */
  public RecordedFrame next() {
    try {
      String line;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        try {
          return RecordedFrame.parse(line);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              file + " line " + lineNumber + ": " + e.getMessage(), e);
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<RecordedFrame> readAll(Path file) {
    List<RecordedFrame> frames = new ArrayList<>();
    try (RecordingReader r = new RecordingReader(file)) {
      RecordedFrame f;
      while ((f = r.next()) != null) {
        frames.add(f);
      }
    }
    return frames;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.tickwire.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a running instance keeps its jobs' local state. Kafka Streams allows one instance per state
 * directory, so without {@code STREAM_JOBS_STATE_DIR} every instance gets a fresh temporary one
 * (two {@code tickwire run} on one machine must not collide), removed again on stop.
 */
public final class LocalState {

  private static final Logger log = LoggerFactory.getLogger(LocalState.class);

  private final Path directory;
  private final boolean temporary;

  private LocalState(Path directory, boolean temporary) {
    this.directory = directory;
    this.temporary = temporary;
  }

  static LocalState of(String configured, String serviceName) throws IOException {
    if (configured != null) {
      return new LocalState(Files.createDirectories(Path.of(configured)), false);
    }
    return new LocalState(Files.createTempDirectory("tickwire-" + serviceName + "-"), true);
  }

  Path directory() {
    return directory;
  }

  /** Removes the directory if it was a temporary one; a configured one is kept for the restart. */
  void release() {
    if (temporary) {
      try {
        delete(directory);
      } catch (UncheckedIOException e) {
        log.warn("could not remove the temporary state directory {}", directory, e);
      }
    }
  }

  /** Deletes a directory tree. */
  public static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.tickwire.testkit;

import java.util.function.Supplier;

/**
 * One server per JVM, started on first use and stopped when the JVM exits: test classes that only
 * read and write their own (uniquely prefixed) topics and keys share it and skip the start-up.
 */
final class SharedServers {

  private SharedServers() {}

  static <T extends AutoCloseable> Supplier<T> lazily(Supplier<T> start) {
    return new Supplier<>() {
      private T server;

      @Override
      public synchronized T get() {
        if (server == null) {
          server = start.get();
          T started = server;
          Runtime.getRuntime()
              .addShutdownHook(
                  new Thread(
                      () -> {
                        try {
                          started.close();
                        } catch (Exception ignored) {
                          // the JVM is exiting; nothing to keep
                        }
                      }));
        }
        return server;
      }
    };
  }
}

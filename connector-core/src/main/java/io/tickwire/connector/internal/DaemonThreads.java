package io.tickwire.connector.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a connector never keeps a stopping JVM alive and dumps read well. */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** Threads named {@code <name>-1}, {@code <name>-2}, ... */
  public static ThreadFactory named(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

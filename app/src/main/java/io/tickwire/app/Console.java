package io.tickwire.app;

import java.io.PrintStream;
import java.util.Map;

/** Where a command writes and what environment it reads; tests pass their own. */
record Console(PrintStream out, PrintStream err, Map<String, String> env) {

  static Console system() {
    return new Console(System.out, System.err, System.getenv());
  }
}

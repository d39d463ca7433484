package io.tickwire.app;

/** One {@code tickwire <name>} command. Register new ones in {@link Tickwire#COMMANDS}. */
interface Command {

  String name();

  /** One line for {@code tickwire --help}. */
  String summary();

  /** The full usage text for {@code tickwire <name> --help}. */
  String usage();

  /** Options that take a value ({@code --target a,b}). */
  default java.util.Set<String> options() {
    return java.util.Set.of();
  }

  /** Options that take none ({@code --settings}). */
  default java.util.Set<String> flags() {
    return java.util.Set.of();
  }

  /** Runs the command; returns the process exit code (0 ok, 1 failed, 2 bad usage or settings). */
  int run(Args args, Console console) throws Exception;
}

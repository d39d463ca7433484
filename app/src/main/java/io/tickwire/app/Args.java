package io.tickwire.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line arguments: positional words and {@code --name value}, {@code --name=value} or
 * boolean {@code --name} options. Unknown options are a usage error naming the option.
 */
final class Args {

  /** A usage error: the message says what was wrong and the command prints its usage. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  private final List<String> positional;
  private final Map<String, String> options;

  private Args(List<String> positional, Map<String, String> options) {
    this.positional = positional;
    this.options = options;
  }

  /**
   * @param valued options that take a value
   * @param flags options that take none
   */
  static Args parse(List<String> raw, Set<String> valued, Set<String> flags) {
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      String arg = raw.get(i);
      if (!arg.startsWith("--")) {
        positional.add(arg);
        continue;
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flags.contains(name)) {
        if (value != null) {
          throw new UsageException("--" + name + " takes no value");
        }
        options.put(name, "true");
      } else if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= raw.size() || raw.get(i + 1).startsWith("--")) {
            throw new UsageException("--" + name + " needs a value");
          }
          value = raw.get(++i);
        }
        options.put(name, value);
      } else {
        throw new UsageException("unknown option --" + name);
      }
    }
    return new Args(List.copyOf(positional), Map.copyOf(options));
  }

  List<String> positional() {
    return positional;
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  boolean flag(String name) {
    return options.containsKey(name);
  }

  /** An integer option, or the default when absent. */
  int intOption(String name, int defaultValue) {
    return option(name)
        .map(
            v -> {
              try {
                return Integer.parseInt(v);
              } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " expects an integer, got '" + v + "'");
              }
            })
        .orElse(defaultValue);
  }
}

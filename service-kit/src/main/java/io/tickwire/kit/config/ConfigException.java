package io.tickwire.kit.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Start-up stops with one of these when settings are missing or malformed. Its message names every
 * offending variable and what it expected, and never shows a secret's value.
 */
public final class ConfigException extends RuntimeException {

  /** One offending variable. */
  public record Problem(String variable, String message) {
    @Override
    public String toString() {
      return variable + ": " + message;
    }
  }

  private final List<Problem> problems;

  public ConfigException(List<Problem> problems) {
    super(
        "Invalid configuration ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "):\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public static ConfigException of(String variable, String message) {
    return new ConfigException(List.of(new Problem(variable, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
